package org.computerwa.core.event;

/**
 * Something the SDK's contracts recorded on chain, as a typed value: ids as integers, amounts in
 * base units of the token concerned, times as instants, parties as addresses.
 *
 * <pre>{@code
 * if (event instanceof LeaseSettled s) {
 *   ledger.recordSettlement(s.leaseId(), s.paidUntil(), s.net());
 * }
 * }</pre>
 *
 * <p>The chain module's event stream delivers these with their position (block, transaction, log
 * index), and signals those a reorganisation removed.
 *
 * @since 0.1.0
 */
public sealed interface ChainEvent
    permits AssetRegistered,
        SharesIssued,
        LeaseOffered,
        LeaseAccepted,
        LeaseSettled,
        SlaCreditApplied,
        LeaseTerminated,
        EvidenceAnchored,
        RevenueDeposited,
        Claimed,
        Pledged,
        Defaulted,
        HolderVerified,
        TokenTransferred {}
