// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IEvidenceAnchor, UsageStatement} from "./interfaces/IEvidenceAnchor.sol";
import {IPledgeRegistry} from "./interfaces/IPledgeRegistry.sol";
import {IRevenueDistributor} from "./interfaces/IRevenueDistributor.sol";

/// @title Lease manager: capacity leases paid from stablecoin escrow, accrued per second.
/// @notice Life of a lease:
/// 1. The asset owner offers `units` of the asset's capacity for `duration` seconds at
///    `ratePerSecond`, acceptable until `acceptBy`, naming the lease's attester (the key whose
///    anchored roots are the lease's evidence, authorised at offer time) and the minimum term the
///    lessee commits to. The operator fee is fixed at offer. The offer reserves the units at once,
///    so the units of all live offers and leases of an asset never exceed its capacity.
/// 2. A lessee accepts (approve or EIP-2612 permit) and escrows rate * duration. The lease runs
///    over [start, end) from acceptance; the lessee becomes the asset's ERC-4907 user (expiring at
///    end - 1) if the slot is free. The holders' part of the rent opens a stream in the asset's
///    distributor: second `t` of the lease earns for whoever holds shares at `t + settlementLag`.
/// 3. Settlement (anyone, any time; `settleDue` for many leases) pays each second once it is
///    `settlementLag` seconds old: seconds the lease's attester covered with anchored roots are
///    paid out (owner's side, the operator fee, to a defaulted pledge's lender first and then the
///    owner; holders' side to the distributor); seconds the attester did not cover by then are
///    refunded to the lessee as downtime, because whoever controls the evidence must not profit
///    from withholding it.
/// 4. SLA credits: an AVAILABILITY statement proven against a root of the lease's attester, and
///    carrying its device's EIP-712 signature made for this chain and this evidence anchor
///    (65 bytes, low s, recovering to the statement's device), refunds the lessee ((downtime - grace) / capacity) seconds of rent: one statement stands for
///    one unit of the asset's capacity, so a lease of u units is credited u/capacity of each
///    device's downtime in expectation, however the units are assigned. Each statement leaf is
///    used at most once per lease, in any order, for time not yet paid out, and a statement whose
///    period overlaps one already credited to the lease for the same device is refused, so no
///    second of a device's downtime is credited twice, whatever the attester anchored.
///    The holders' part of a credit comes back from what the lease's stream has still to pay;
///    the part that remainder cannot absorb (because missing evidence already took it back) stays
///    with the holders and is paid to them at once, so the holders are never promised income
///    nobody funds (the lessee's refund is that much smaller, as for missing evidence).
/// 5. The owner may terminate at any time: the unused time is refunded at once. The lessee may
///    terminate once its minimum term has run; before that, its termination takes effect at the
///    end of the minimum term. The refund leaves out the holders' part of cut-off time that the
///    holders' stream had already given back to the lessee (missing evidence refunded out of the
///    stream's future): that part is paid to the holders instead.
/// Escrow conservation: the contract's token balance always equals the sum of lease escrows
/// (each in `leaseOf`) plus the sum of withdrawable balances (`totalWithdrawable`). The lessee's escrow never depends on a role the admin can
/// revoke: the registry and pledge registry bind this contract once (the registry call of an
/// acceptance, which also sets the ERC-4907 user, cannot be refused), and later ERC-4907 updates
/// are best-effort. Tokens that deliver less than asked (fee on transfer) are rejected.
contract LeaseManager is AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Basis points in one whole.
    uint16 public constant BPS = 10_000;
    /// @notice Most live (offered, running or still streaming) leases an asset may have at once.
    uint256 public constant MAX_LIVE_LEASES = 16;
    /// @notice Statement kind code of AVAILABILITY statements (sdk-core UsageKind.AVAILABILITY).
    uint8 public constant KIND_AVAILABILITY = 0;
    /// @dev `streamSlot` of a lease without a holders' stream.
    uint8 private constant NO_STREAM = type(uint8).max;

    /// @notice Lease states.
    enum Status {
        None,
        Offered,
        Active,
        Closed,
        Cancelled
    }

    /// @notice What the owner offers.
    struct OfferTerms {
        uint256 assetId;
        uint64 units;
        uint96 ratePerSecond;
        uint40 duration;
        uint40 acceptBy;
        uint32 graceSeconds;
        uint32 settlementLag;
        address lessee;
        uint40 minTerm;
        address attester;
    }

    /// @notice A lease (or offer), packed into five slots. Acceptance reads slots 0-3 and writes
    /// slot 3 only (status, stream slot, times and escrow, non-zero from the offer on), plus slot 2
    /// when the offer named no lessee; it creates no slot and never reads slot 4. Settlement reads
    /// slots 1, 3 and 4 and writes slots 3 and 4.
    struct Lease {
        // slot 0: asset ids count up from 1 and never reach 2^96
        uint96 assetId;
        address lessor;
        // slot 1: the terms, written once at offer
        uint96 ratePerSecond;
        uint40 duration;
        uint64 units;
        uint32 settlementLag;
        uint16 feeBps;
        // slot 2: the lessee is written at offer (private offer) or at acceptance (open offer)
        address lessee;
        uint40 acceptBy;
        uint32 graceSeconds;
        // slot 3: what acceptance and settlement write; while offered, `end` is the end of the
        // reservation (acceptBy). `start` opens it: it does not fit in the 24 bits slot 2 leaves.
        uint40 start;
        uint40 end;
        uint40 paidUntil;
        uint96 escrow;
        Status status;
        uint8 streamSlot;
        // slot 4: what SLA credits, settlement and termination read
        address attester;
        uint40 creditedSeconds;
        uint40 minTerm;
    }

    /// @dev One credited period of a device: its end and the start of the credited period before it (0: none).
    struct CreditedPeriod {
        uint64 end;
        uint64 previousStart;
    }

    /// @dev Lease count and the withdrawable total in one slot. The sum of lease escrows is not
    /// kept: it would make every acceptance write this global slot (5,000 gas, cold) for a figure
    /// nothing on chain reads; `leaseOf` gives each lease's escrow.
    struct Counters {
        uint64 leaseCount;
        uint96 totalWithdrawable;
    }

    /// @notice The asset registry (ERC-721 + ERC-4907) that binds this contract as its lease manager.
    IComputeAssetRegistry public immutable registry;
    /// @notice The evidence anchor SLA statements are proven against.
    IEvidenceAnchor public immutable evidence;
    /// @notice The pledge registry consulted for the owner's side of income (may be address(0)).
    IPledgeRegistry public immutable pledges;
    /// @notice The stablecoin leases are paid in.
    IERC20 public immutable paymentToken;

    /// @notice Operator fee, in basis points of lease income, paid to the asset owner; applies to
    /// offers made after it is set, never to leases already offered.
    uint16 public operatorFeeBps;

    Counters private _counters;
    mapping(uint256 leaseId => Lease) private _leases;
    mapping(uint256 assetId => uint256[]) private _live;
    mapping(address account => uint256) private _withdrawable;
    mapping(uint256 leaseId => mapping(bytes32 leaf => bool)) private _usedLeaves;
    /// @dev Credited periods of a lease and device: a list of disjoint [start, end) intervals keyed
    /// by start, latest first. Why a list and not a cursor: statements may be applied in any order
    /// (a later, barely-credited statement applied first must not make an earlier outage
    /// unusable), so only a true overlap may refuse one. Why not a bitmap: statement periods are
    /// whole seconds from any start (leases start at acceptance), so a bitmap fine enough to be
    /// exact costs a storage word per 256 seconds. Statements usually arrive in time order, so the
    /// walk stops at the head; an out-of-order one walks past the later credited periods, each of
    /// which refunded the lessee at least one second of rent.
    mapping(uint256 leaseId => mapping(address device => uint64 latestStart)) private _creditedHead;
    mapping(uint256 leaseId => mapping(address device => mapping(uint64 start => CreditedPeriod))) private _credited;

    /// @notice An offer was made and its units reserved.
    event LeaseOffered(uint256 indexed leaseId, uint256 indexed assetId, address indexed lessor, OfferTerms terms, uint16 feeBps);
    /// @notice An offer was withdrawn.
    event OfferCancelled(uint256 indexed leaseId);
    /// @notice A lessee accepted and escrowed the full price.
    event LeaseAccepted(uint256 indexed leaseId, address indexed lessee, uint40 start, uint40 end, uint256 escrow);
    /// @notice Income up to `paidUntil` was settled (`gross` accrued, `net` paid out).
    event LeaseSettled(uint256 indexed leaseId, uint40 paidUntil, uint256 gross, uint256 net);
    /// @notice The waterfall of one payout: owner's side to lender then owner, holders' side to the
    /// distributor. `owner` is address(0) for a payment of the holders' part outside a settlement
    /// (the part of an SLA credit or a termination refund the holders' stream could not take back).
    event IncomeDistributed(
        uint256 indexed assetId, address owner, uint256 operatorFee, address lender, uint256 toLender, address distributor, uint256 toHolders
    );
    /// @notice Seconds past the deadline without the lease attester's evidence were refunded.
    event EvidenceMissing(uint256 indexed leaseId, uint256 missingSeconds, uint256 refund);
    /// @notice An SLA credit was refunded to the lessee.
    event SlaCreditApplied(
        uint256 indexed leaseId, bytes32 indexed leaf, uint64 periodStart, uint64 periodEnd, uint256 downtimeSeconds, uint256 credit
    );
    /// @notice The lease was ended early and the unused time refunded.
    event LeaseTerminated(uint256 indexed leaseId, address indexed by, uint40 end, uint256 refund);
    /// @notice The lease is fully paid out; nothing is left in escrow.
    event LeaseClosed(uint256 indexed leaseId);
    /// @notice An account withdrew its balance.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The operator fee for future offers changed.
    event OperatorFeeSet(uint16 bps);

    /// @notice Caller may not do this.
    error Unauthorized(address caller);
    /// @notice The lease id is unknown or in the wrong state.
    error WrongStatus(uint256 leaseId, Status status);
    /// @notice Offer terms are invalid (zero units, rate or duration, past deadline, price overflow, minimum term).
    error InvalidTerms();
    /// @notice The attester named in the offer is not authorised for the asset by its owner.
    error AttesterNotAuthorized(uint256 assetId, address attester);
    /// @notice The asset's distributor does not pay out in the payment token, or is not fed by this contract.
    error SharesNotPayable(uint256 assetId);
    /// @notice The pledge registry counts debts in another token than the payment token.
    error DebtTokenMismatch(address debtToken);
    /// @notice The asset's capacity does not fit the units.
    error CapacityExceeded(uint256 assetId, uint256 requested, uint256 available);
    /// @notice The asset has MAX_LIVE_LEASES live leases already.
    error TooManyLiveLeases(uint256 assetId);
    /// @notice The offer's deadline passed.
    error OfferExpired(uint256 leaseId);
    /// @notice The lessor no longer owns the asset.
    error LessorChanged(uint256 leaseId);
    /// @notice The token delivered a different amount than requested.
    error TransferAmountMismatch(uint256 expected, uint256 received);
    /// @notice The lease already ended (or ends by the minimum term anyway).
    error LeaseEnded(uint256 leaseId);
    /// @notice The statement does not apply to this lease (asset, kind, period, or no attester).
    error StatementNotApplicable(uint256 leaseId);
    /// @notice The statement is not proven against a root of the lease's attester.
    error StatementNotProven(uint256 leaseId);
    /// @notice The statement's leaf was used for this lease already.
    error StatementAlreadyUsed(uint256 leaseId, bytes32 leaf);
    /// @notice The statement's period overlaps a period already credited to the lease for the same
    /// device (a stale or overlapping statement); `creditedUntil` is the end of that credited period.
    error StatementOverlapsCredited(uint256 leaseId, address device, uint64 periodStart, uint64 creditedUntil);
    /// @notice The device signature of the statement recovers to another key than the statement's
    /// device: it was made for another chain, another evidence anchor, or another statement.
    error NotSignedByDevice(uint256 leaseId, address device, address signer);
    /// @notice The statement shows no downtime beyond the grace period, or nothing is left to credit.
    error NoCreditDue(uint256 leaseId);
    /// @notice Nothing to withdraw.
    error NothingToWithdraw();
    /// @notice Fee above 100 %.
    error InvalidFee(uint16 bps);

    /// @param registry_ the asset registry
    /// @param evidence_ the evidence anchor
    /// @param pledges_ the pledge registry (may be address(0) for none); must count debts in `paymentToken_`
    /// @param paymentToken_ the stablecoin
    /// @param admin holder of DEFAULT_ADMIN_ROLE (sets the operator fee for future offers)
    /// @param operatorFeeBps_ the initial operator fee
    constructor(
        IComputeAssetRegistry registry_,
        IEvidenceAnchor evidence_,
        IPledgeRegistry pledges_,
        IERC20 paymentToken_,
        address admin,
        uint16 operatorFeeBps_
    ) {
        if (operatorFeeBps_ > BPS) revert InvalidFee(operatorFeeBps_);
        if (address(pledges_) != address(0) && pledges_.debtToken() != address(paymentToken_)) {
            revert DebtTokenMismatch(pledges_.debtToken());
        }
        registry = registry_;
        evidence = evidence_;
        pledges = pledges_;
        paymentToken = paymentToken_;
        operatorFeeBps = operatorFeeBps_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ------------------------------------------------------------------ admin

    /// @notice Sets the operator fee of future offers; admin only.
    function setOperatorFeeBps(uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (bps > BPS) revert InvalidFee(bps);
        operatorFeeBps = bps;
        emit OperatorFeeSet(bps);
    }

    // ------------------------------------------------------------------ offers

    /// @notice Offers capacity of an asset; asset owner only. Reserves the units until `acceptBy`
    /// (and, once accepted, until the lease ends).
    function offer(OfferTerms calldata t) external nonReentrant returns (uint256 leaseId) {
        if (registry.ownerOf(t.assetId) != msg.sender) revert Unauthorized(msg.sender);
        if (t.units == 0 || t.ratePerSecond == 0 || t.duration == 0 || t.acceptBy < block.timestamp) {
            revert InvalidTerms();
        }
        if (uint256(t.ratePerSecond) * t.duration >= 2 ** 80 || t.minTerm > t.duration) revert InvalidTerms();
        if (uint256(t.acceptBy) + t.duration + t.settlementLag > type(uint32).max || t.assetId > type(uint96).max) {
            revert InvalidTerms();
        }
        if (t.attester != address(0) && !evidence.isAttester(t.assetId, t.attester)) {
            revert AttesterNotAuthorized(t.assetId, t.attester);
        }
        address distributor = registry.distributorOf(t.assetId);
        if (
            distributor == address(0) || IRevenueDistributor(distributor).payoutToken() != address(paymentToken)
                || registry.leaseManager() != address(this)
        ) revert SharesNotPayable(t.assetId);
        _prune(t.assetId);
        uint256 free = _freeCapacity(t.assetId);
        if (t.units > free) revert CapacityExceeded(t.assetId, t.units, free);
        if (_live[t.assetId].length >= MAX_LIVE_LEASES) revert TooManyLiveLeases(t.assetId);

        leaseId = ++_counters.leaseCount;
        Lease storage l = _leases[leaseId];
        l.assetId = uint96(t.assetId);
        l.ratePerSecond = t.ratePerSecond;
        l.duration = t.duration;
        l.units = t.units;
        l.settlementLag = t.settlementLag;
        l.status = Status.Offered;
        l.feeBps = operatorFeeBps;
        l.lessee = t.lessee;
        l.acceptBy = t.acceptBy;
        l.graceSeconds = t.graceSeconds;
        l.end = t.acceptBy;
        l.minTerm = t.minTerm;
        l.lessor = msg.sender;
        l.attester = t.attester;
        l.streamSlot = NO_STREAM;
        _live[t.assetId].push(leaseId);
        emit LeaseOffered(leaseId, t.assetId, msg.sender, t, l.feeBps);
    }

    /// @notice Withdraws an offer nobody accepted; the lessor (or the asset's current owner) only.
    function cancelOffer(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Offered) revert WrongStatus(leaseId, l.status);
        if (msg.sender != l.lessor && msg.sender != registry.ownerOf(l.assetId)) revert Unauthorized(msg.sender);
        l.status = Status.Cancelled;
        emit OfferCancelled(leaseId);
    }

    // ------------------------------------------------------------------ acceptance

    /// @notice Accepts an offer, pulling rate * duration from the caller (approve first).
    function accept(uint256 leaseId) external nonReentrant {
        _accept(leaseId);
    }

    /// @notice Accepts an offer with an EIP-2612 permit for the escrow instead of an approval.
    /// A permit already used (for example by a front-runner) is tolerated if the allowance is there.
    function acceptWithPermit(uint256 leaseId, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        Lease storage l = _leases[leaseId];
        uint256 price = uint256(l.ratePerSecond) * l.duration;
        try IERC20Permit(address(paymentToken)).permit(msg.sender, address(this), price, deadline, v, r, s) {} catch {}
        _accept(leaseId);
    }

    function _accept(uint256 leaseId) private {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Offered) revert WrongStatus(leaseId, l.status);
        if (block.timestamp > l.acceptBy) revert OfferExpired(leaseId);
        if (l.lessee != address(0) && l.lessee != msg.sender) revert Unauthorized(msg.sender);
        uint256 assetId = l.assetId;
        uint40 start = uint40(block.timestamp);
        uint40 end = start + l.duration;
        // One registry call checks the owner, names the share token and sets the ERC-4907 user if
        // the slot is free (a lessor change reverts it all). The registry binds this contract once,
        // so no admin can make the call fail.
        (address owner, address shares) = registry.onLeaseAccepted(assetId, msg.sender, end - 1);
        if (owner != l.lessor) revert LessorChanged(leaseId);

        uint96 rate = l.ratePerSecond;
        uint96 price = rate * l.duration;
        l.status = Status.Active;
        if (l.lessee != msg.sender) l.lessee = msg.sender;
        l.start = start;
        l.end = end;
        l.paidUntil = start;
        l.escrow = price;

        _pullExactly(msg.sender, price);
        uint96 holders = _holderRate(rate, l.feeBps);
        if (holders != 0) {
            uint40 lag = l.settlementLag;
            l.streamSlot = IRevenueDistributor(shares).openStream(leaseId, holders, start + lag, end + lag);
        }
        emit LeaseAccepted(leaseId, msg.sender, start, end, price);
    }

    // ------------------------------------------------------------------ settlement

    /// @notice Settles what has accrued and is past the settlement lag; anyone may call.
    function settle(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        _settle(leaseId, l);
    }

    /// @notice Settles every running lease among `leaseIds` and skips the others; anyone may call
    /// (a keeper's batch). Returns how many were settled.
    function settleDue(uint256[] calldata leaseIds) external nonReentrant returns (uint256 settled) {
        for (uint256 i = 0; i < leaseIds.length; ++i) {
            Lease storage l = _leases[leaseIds[i]];
            if (l.status == Status.Active) {
                _settle(leaseIds[i], l);
                ++settled;
            }
        }
    }

    /// @notice Applies an SLA credit from an AVAILABILITY statement proven against the root the
    /// lease's attester anchored for `[anchorStart, anchorEnd)`, with `deviceSignature` the
    /// statement's device's EIP-712 signature of it (`evidence.statementDigest`): a signature made
    /// for another chain or anchor reverts `NotSignedByDevice`, a high-s or non-65-byte one
    /// OpenZeppelin's `ECDSAInvalidSignatureS` / `ECDSAInvalidSignatureLength`. Settles first.
    /// Anyone may submit it; the credit goes to the lessee.
    function applySlaCredit(
        uint256 leaseId,
        UsageStatement calldata statement,
        bytes calldata deviceSignature,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        _settle(leaseId, l);
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        bytes32 leaf = _provenLeaf(leaseId, l, statement, anchorStart, anchorEnd, proof);
        _requireDeviceSignature(leaseId, statement, deviceSignature);
        _creditStatement(leaseId, l, statement, leaf);
    }

    /// @dev Credits a proven, device-signed statement to the lease (its share of the downtime).
    function _creditStatement(uint256 leaseId, Lease storage l, UsageStatement calldata statement, bytes32 leaf)
        private
    {
        uint256 downtime = (uint256(statement.periodEnd - statement.periodStart) * (BPS - statement.availabilityBps)) / BPS;
        if (downtime <= l.graceSeconds) revert NoCreditDue(leaseId);
        uint256 creditSeconds = (downtime - l.graceSeconds) / registry.capacityOf(l.assetId);
        uint256 room = uint256(l.end) - l.paidUntil - l.creditedSeconds;
        if (creditSeconds > room) creditSeconds = room;
        if (creditSeconds == 0) revert NoCreditDue(leaseId);
        _markCredited(leaseId, statement.device, statement.periodStart, statement.periodEnd);
        uint256 credit = _bookCredit(leaseId, l, creditSeconds);
        emit SlaCreditApplied(leaseId, leaf, statement.periodStart, statement.periodEnd, downtime, credit);
    }

    /// @dev Checks that the statement applies to the lease and is proven by its attester, and
    /// marks its leaf used.
    function _provenLeaf(
        uint256 leaseId,
        Lease storage l,
        UsageStatement calldata statement,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) private returns (bytes32 leaf) {
        uint64 ps = statement.periodStart;
        uint64 pe = statement.periodEnd;
        address attester = l.attester;
        if (
            attester == address(0) || statement.assetId != l.assetId || statement.kind != KIND_AVAILABILITY
                || statement.availabilityBps > BPS || ps < l.paidUntil || ps < l.start || pe > l.end || pe <= ps
        ) revert StatementNotApplicable(leaseId);
        if (!evidence.verifyStatement(statement, attester, anchorStart, anchorEnd, proof)) {
            revert StatementNotProven(leaseId);
        }
        leaf = evidence.statementLeaf(statement);
        if (_usedLeaves[leaseId][leaf]) revert StatementAlreadyUsed(leaseId, leaf);
        _usedLeaves[leaseId][leaf] = true;
    }

    /// @dev Reverts unless `signature` is the statement's device's signature of it in the evidence
    /// anchor's usage domain (its chain id and address are in the digest).
    function _requireDeviceSignature(uint256 leaseId, UsageStatement calldata statement, bytes calldata signature)
        private
        view
    {
        address signer = ECDSA.recover(evidence.statementDigest(statement), signature);
        if (signer != statement.device) revert NotSignedByDevice(leaseId, statement.device, signer);
    }

    /// @dev Records [ps, pe) as credited for the lease and device, or reverts if it overlaps a
    /// period credited before. The list is sorted by start, latest first, and its periods are
    /// disjoint: periods starting at or after `pe` cannot overlap, and of the others only the
    /// latest can reach past `ps`.
    function _markCredited(uint256 leaseId, address device, uint64 ps, uint64 pe) private {
        mapping(uint64 start => CreditedPeriod) storage periods = _credited[leaseId][device];
        uint64 later = 0;
        uint64 cur = _creditedHead[leaseId][device];
        // pe > ps >= lease start > 0, so the walk ends at the list's end (0) at the latest
        while (cur >= pe) {
            later = cur;
            cur = periods[cur].previousStart;
        }
        if (cur != 0) {
            uint64 creditedUntil = periods[cur].end;
            if (creditedUntil > ps) revert StatementOverlapsCredited(leaseId, device, ps, creditedUntil);
        }
        periods[ps] = CreditedPeriod(pe, cur);
        if (later == 0) _creditedHead[leaseId][device] = ps;
        else periods[later].previousStart = ps;
    }

    /// @dev Takes `creditSeconds` of rent out of escrow now and books them against later settlement
    /// (which pays those seconds to nobody). The holders' part is taken back from the lease's
    /// unstreamed part; what that remainder cannot absorb (earlier debits, such as missing
    /// evidence, hold it already) stays promised to the holders, so it is paid to them now, as
    /// `_refundMissing` does, and the lessee is refunded the rest. Returns the lessee's refund.
    function _bookCredit(uint256 leaseId, Lease storage l, uint256 creditSeconds) private returns (uint256 credit) {
        uint96 rate = l.ratePerSecond;
        credit = creditSeconds * rate;
        l.creditedSeconds += uint40(creditSeconds);
        l.escrow -= uint96(credit);
        uint96 holders = _holderRate(rate, l.feeBps);
        if (holders != 0) {
            uint256 holdersPart = creditSeconds * holders;
            uint256 debited = IRevenueDistributor(registry.distributorOf(l.assetId)).debitStream(
                l.streamSlot, leaseId, holdersPart
            );
            if (debited < holdersPart) {
                credit -= holdersPart - debited;
                _payHolders(l.assetId, holdersPart - debited);
            }
        }
        _credit(l.lessee, credit);
    }

    /// @notice Ends a running lease early. The asset owner ends it now; the lessee ends it now or,
    /// within its minimum term, at the end of the minimum term. The unused time is refunded to the
    /// lessee at once; accrued time keeps settling after the lag.
    function terminate(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        uint256 assetId = l.assetId;
        address lessee = l.lessee;
        bool byOwner = msg.sender == registry.ownerOf(assetId);
        if (msg.sender != lessee && !byOwner) revert Unauthorized(msg.sender);
        uint40 end = l.end;
        uint40 newEnd = uint40(block.timestamp);
        if (!byOwner && l.start + l.minTerm > newEnd) newEnd = l.start + l.minTerm;
        if (newEnd >= end) revert LeaseEnded(leaseId);
        _settle(leaseId, l);
        uint256 unpaid = newEnd - l.paidUntil;
        uint256 credited = l.creditedSeconds;
        uint256 keptCredit = credited < unpaid ? credited : unpaid;
        uint256 refund = (uint256(end - newEnd) - (credited - keptCredit)) * l.ratePerSecond;
        l.end = newEnd;
        l.creditedSeconds = uint40(keptCredit);
        l.escrow -= uint96(refund);
        refund -= _cutStream(leaseId, l, newEnd, credited - keptCredit);
        _credit(lessee, refund);
        emit LeaseTerminated(leaseId, msg.sender, newEnd, refund);
        if (registry.userOf(assetId) == lessee && registry.userExpires(assetId) == end - 1) {
            if (newEnd > block.timestamp) _setUser(assetId, lessee, newEnd - 1);
            else _handOverUser(assetId);
        }
        _settle(leaseId, l);
    }

    /// @dev Cuts the holders' stream of a terminated lease at `newEnd` (plus the lag). The cut
    /// releases the debits its cut-off part was still to take back: the holders' part of missing
    /// evidence (refunded to the lessee already, out of the stream's future) and of credits for
    /// seconds past `newEnd`. Those credited seconds are not refunded again (`terminate` leaves
    /// them out); the rest of the release stays with the holders, paid to them now and returned
    /// for the caller to take out of the lessee's refund, so that the lessee is not refunded the
    /// holders' part of the same seconds twice and the holders are never owed unfunded income.
    function _cutStream(uint256 leaseId, Lease storage l, uint40 newEnd, uint256 cutCreditSeconds)
        private
        returns (uint256 toHolders)
    {
        uint96 holders = _holderRate(l.ratePerSecond, l.feeBps);
        if (holders == 0) return 0;
        uint256 released = IRevenueDistributor(registry.distributorOf(l.assetId)).endStream(
            l.streamSlot, leaseId, newEnd + l.settlementLag
        );
        uint256 cutCredits = cutCreditSeconds * holders;
        if (released > cutCredits) {
            toHolders = released - cutCredits;
            _payHolders(l.assetId, toHolders);
        }
    }

    /// @notice Gives the asset's ERC-4907 user slot to a running lease if it is free; anyone may call.
    function refreshUser(uint256 assetId) external nonReentrant {
        if (registry.userOf(assetId) == address(0)) _handOverUser(assetId);
    }

    /// @notice Withdraws the caller's balance (operator fees, lender income, refunds and credits).
    function withdraw() external nonReentrant {
        uint256 amount = _withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        _withdrawable[msg.sender] = 0;
        _counters.totalWithdrawable -= uint96(amount);
        paymentToken.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice Number of leases (and offers) ever created; ids run from 1.
    function leaseCount() external view returns (uint256) {
        return _counters.leaseCount;
    }

    /// @notice A lease.
    function leaseOf(uint256 leaseId) external view returns (Lease memory) {
        return _leases[leaseId];
    }

    /// @notice The holders' part of a lease's rent per second (rate minus the operator fee fixed at offer).
    function holderRateOf(uint256 leaseId) external view returns (uint256) {
        Lease storage l = _leases[leaseId];
        return _holderRate(l.ratePerSecond, l.feeBps);
    }

    /// @notice Whether a statement leaf was used for a lease's SLA credit.
    function isLeafUsed(uint256 leaseId, bytes32 leaf) external view returns (bool) {
        return _usedLeaves[leaseId][leaf];
    }

    /// @notice Income accrued (per second, up to now) and not yet paid out, before earlier credits.
    function accrued(uint256 leaseId) external view returns (uint256) {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) return 0;
        uint256 until = block.timestamp < l.end ? block.timestamp : l.end;
        return until > l.paidUntil ? (until - l.paidUntil) * l.ratePerSecond : 0;
    }

    /// @notice Runway of a lease: seconds of paid service left and the escrow still held.
    function runway(uint256 leaseId) external view returns (uint256 secondsLeft, uint256 escrowLeft) {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) return (0, 0);
        secondsLeft = block.timestamp < l.end ? l.end - block.timestamp : 0;
        escrowLeft = l.escrow;
    }

    /// @notice Capacity units of an asset not reserved by a live offer or lease.
    function freeCapacity(uint256 assetId) external view returns (uint256) {
        return _freeCapacity(assetId);
    }

    /// @notice Ids of the asset's leases that may still be live or streaming (pruned on each new offer).
    function liveLeases(uint256 assetId) external view returns (uint256[] memory) {
        return _live[assetId];
    }

    /// @notice Whether a lease currently holds capacity.
    function isLive(uint256 leaseId) public view returns (bool) {
        Lease storage l = _leases[leaseId];
        if (l.status == Status.Offered) return block.timestamp <= l.end;
        if (l.status == Status.Active) return block.timestamp < l.end;
        return false;
    }

    /// @notice Balance an account can withdraw.
    function withdrawable(address account) external view returns (uint256) {
        return _withdrawable[account];
    }

    /// @notice Sum of all withdrawable balances.
    function totalWithdrawable() external view returns (uint256) {
        return _counters.totalWithdrawable;
    }

    // ------------------------------------------------------------------ internals

    function _settle(uint256 leaseId, Lease storage l) private {
        uint256 lag = l.settlementLag;
        uint256 until = block.timestamp > lag ? block.timestamp - lag : 0;
        uint40 end = l.end;
        if (until > end) until = end;
        uint256 paid = l.paidUntil;
        if (until > paid) {
            (uint256 paySeconds, uint256 missingSeconds) = _advance(l, paid, until);
            uint96 rate = l.ratePerSecond;
            uint256 out = (paySeconds + missingSeconds) * rate;
            l.escrow -= uint96(out);
            uint96 holders = _holderRate(rate, l.feeBps);
            uint256 toHolders = paySeconds * holders;
            if (missingSeconds != 0) toHolders += _refundMissing(leaseId, l, missingSeconds, holders);
            emit LeaseSettled(leaseId, uint40(until), (until - paid) * rate, out);
            uint256 toOwner = paySeconds * (rate - holders);
            if (toOwner != 0 || toHolders != 0) _distribute(l.assetId, toOwner, toHolders);
        }
        if (l.paidUntil == end && block.timestamp >= end) {
            l.status = Status.Closed;
            uint96 rest = l.escrow;
            if (rest > 0) {
                l.escrow = 0;
                _credit(l.lessee, rest);
            }
            emit LeaseClosed(leaseId);
        }
    }

    /// @dev Moves paidUntil to `until`: of the seconds in between, the ones the attester covered
    /// are paid and the others are missing evidence, both net of seconds already credited.
    function _advance(Lease storage l, uint256 paid, uint256 until)
        private
        returns (uint256 paySeconds, uint256 missingSeconds)
    {
        uint256 dt = until - paid;
        uint256 covered = _covered(l, paid, until);
        uint256 debt = l.creditedSeconds;
        uint256 d1 = covered < debt ? covered : debt;
        uint256 d2 = dt - covered < debt - d1 ? dt - covered : debt - d1;
        paySeconds = covered - d1;
        missingSeconds = dt - covered - d2;
        l.creditedSeconds = uint40(debt - d1 - d2);
        l.paidUntil = uint40(until);
    }

    /// @dev Refunds seconds without evidence to the lessee. The holders' part of those seconds has
    /// streamed already: it is taken back from the lease's unstreamed part where it can be, and
    /// the rest stays with the holders (returned as what the distributor must still receive).
    function _refundMissing(uint256 leaseId, Lease storage l, uint256 missingSeconds, uint96 holders)
        private
        returns (uint256 toHolders)
    {
        uint256 holdersPart = missingSeconds * holders;
        uint256 debited;
        if (holdersPart != 0) {
            debited = IRevenueDistributor(registry.distributorOf(l.assetId)).debitStream(
                l.streamSlot, leaseId, holdersPart
            );
        }
        uint256 refund = missingSeconds * l.ratePerSecond - holdersPart + debited;
        toHolders = holdersPart - debited;
        _credit(l.lessee, refund);
        emit EvidenceMissing(leaseId, missingSeconds, refund);
    }

    /// @dev Seconds of [from, until) covered by the lease attester's anchored roots; all of them
    /// when the lease names no attester.
    function _covered(Lease storage l, uint256 from, uint256 until) private view returns (uint256) {
        address attester = l.attester;
        if (attester == address(0)) return until - from;
        (uint64 cFrom, uint64 cUntil) = evidence.coverage(l.assetId, attester);
        uint256 a = from > cFrom ? from : cFrom;
        uint256 b = until < cUntil ? until : cUntil;
        return b > a ? b - a : 0;
    }

    function _distribute(uint256 assetId, uint256 toOwner, uint256 toHolders) private {
        (address owner, address shares) = registry.ownerAndShareToken(assetId);
        address lender;
        uint256 toLender;
        if (address(pledges) != address(0) && toOwner > 0) {
            (lender, toLender) = pledges.redirect(assetId, toOwner);
            if (toLender > toOwner) toLender = toOwner;
            if (toLender > 0) {
                toOwner -= toLender;
                _credit(lender, toLender);
            }
        }
        if (toOwner > 0) _credit(owner, toOwner);
        address distributor;
        if (toHolders > 0) {
            distributor = shares;
            paymentToken.safeTransfer(distributor, toHolders);
        }
        emit IncomeDistributed(assetId, owner, toOwner, lender, toLender, distributor, toHolders);
    }

    /// @dev Pays the holders a part of rent that stays theirs outside a settlement (an SLA credit or
    /// a termination whose holders' part their stream could not take back).
    function _payHolders(uint256 assetId, uint256 amount) private {
        address distributor = registry.distributorOf(assetId);
        paymentToken.safeTransfer(distributor, amount);
        emit IncomeDistributed(assetId, address(0), 0, address(0), 0, distributor, amount);
    }

    function _holderRate(uint96 rate, uint16 feeBps) private pure returns (uint96) {
        return rate - uint96((uint256(rate) * feeBps) / BPS);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        _withdrawable[account] += amount;
        _counters.totalWithdrawable += uint96(amount);
    }

    function _pullExactly(address from, uint256 amount) private {
        uint256 before = paymentToken.balanceOf(address(this));
        paymentToken.safeTransferFrom(from, address(this), amount);
        uint256 received = paymentToken.balanceOf(address(this)) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    function _freeCapacity(uint256 assetId) private view returns (uint256) {
        uint256[] storage live = _live[assetId];
        uint256 used;
        for (uint256 i = 0; i < live.length; ++i) {
            uint256 id = live[i];
            if (isLive(id)) used += _leases[id].units;
        }
        uint256 capacity = registry.capacityOf(assetId);
        return used >= capacity ? 0 : capacity - used;
    }

    /// @dev Drops leases that neither hold capacity nor still stream from the asset's live list,
    /// so that an asset never has more than MAX_LIVE_LEASES open streams.
    function _prune(uint256 assetId) private {
        uint256[] storage live = _live[assetId];
        uint256 i;
        while (i < live.length) {
            Lease storage l = _leases[live[i]];
            bool streaming = l.status == Status.Closed || l.status == Status.Active
                ? block.timestamp < uint256(l.end) + l.settlementLag
                : false;
            if (isLive(live[i]) || streaming) {
                ++i;
            } else {
                live[i] = live[live.length - 1];
                live.pop();
            }
        }
    }

    /// @dev The ERC-4907 user is a convenience for off-chain consumers; a registry that refuses
    /// (misconfigured) must never block escrow, so failures are ignored.
    function _setUser(uint256 assetId, address user, uint64 expires) private {
        try registry.setUser(assetId, user, expires) {} catch {}
    }

    function _handOverUser(uint256 assetId) private {
        uint256[] storage live = _live[assetId];
        for (uint256 i = 0; i < live.length; ++i) {
            Lease storage other = _leases[live[i]];
            if (other.status == Status.Active && block.timestamp < other.end) {
                _setUser(assetId, other.lessee, other.end - 1);
                return;
            }
        }
        _setUser(assetId, address(0), 0);
    }
}
