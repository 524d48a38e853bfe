package org.computerwa.examples.quickstart;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;

/**
 * Step 3: the operator offers 4 of the node's 8 GPUs for an hour under an SLA; the lessee accepts
 * with an EIP-2612 permit (no approval transaction), escrowing the whole rent.
 */
final class LeaseAct implements Act {
  static final int UNITS = 4;

  @Override
  public String title() {
    return "Lease 4 GPUs for an hour; the lessee accepts with a permit";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    Token usd = c.platform.payments().token();
    r.receipt(c.operator.evidence().authorizeAttester(s.gpuAsset(), c.attester.address()));
    // tag::lease[]
    Instant acceptBy = c.operator.chainTime().plus(Duration.ofHours(1));
    LeaseTerms terms = LeaseTerms.builder()
        .assetId(s.gpuNode().id())
        .lessor(c.operator.address())
        .lessee(c.lessee.address())
        .capacityUnits(UNITS)
        .start(acceptBy)
        .end(acceptBy.plus(Story.TERM))
        .rate(Rate.of(BigInteger.valueOf(Story.RATE_PER_SECOND), usd))
        .token(usd)
        .sla(SlaTerms.builder()
            .minAvailabilityBps(10_000)
            .gracePeriod(Duration.ofSeconds(60))
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build())
            .build())
        .build();
    // settlement lag, the lessee's minimum term, the attester whose roots are the lease's evidence
    Outcome<LeaseId> offered = c.operator.leases().offer(s.gpuAsset(), terms, Story.LAG, Story.TERM, c.attester.address());
    LeaseId id = offered.value();
    Receipt minted = c.lessee.payments().mintTestTokens(c.lessee.address(), terms.totalRent());   // test token only
    Outcome<Lease> acceptedOutcome = c.lessee.leases().acceptWithPermit(id);   // EIP-2612 permit, one transaction
    Lease lease = acceptedOutcome.value();
    LeaseTerms accepted = lease.asAccepted(terms);   // the window the chain assigned
    // end::lease[]
    r.receipts(offered);
    r.say("lease " + id + ": " + UNITS + " GPUs, " + Story.RATE_PER_SECOND + " base units per second, total rent "
        + Report.money(terms.totalRent()) + ", settlement lag " + Story.LAG + ", attester " + c.attester.address());
    r.receipt(minted);
    r.receipts(acceptedOutcome);
    s.leaseId = id;
    s.accepted = accepted;
    s.paidUntil = accepted.start();
    s.claimed = org.computerwa.core.money.TokenAmount.zero(usd);
    s.ledger = LeaseLedger.open(accepted).deposit(terms.totalRent());
    // The holders' part of each second streams to them one settlement lag later.
    s.streamSlot = s.distributor().openStream(id.value().longValueExact(), s.holderRate,
        accepted.start().plus(Story.LAG), accepted.end().plus(Story.LAG), c.lessee.chainTime());
    r.say("runs " + accepted.start() + " .. " + accepted.end() + ", escrow " + Report.money(lease.escrow()));
    r.figure("leaseId", id.value());
    r.figure("totalRent", terms.totalRent());
    r.figure("start", accepted.start());
    r.check("escrow", lease.escrow(), terms.totalRent());
    r.check("lease term on-chain", Duration.between(accepted.start(), accepted.end()), Story.TERM);
    r.check("lessee's balance after escrow", c.lessee.payments().balanceOf(c.lessee.address()),
        org.computerwa.core.money.TokenAmount.zero(usd));
  }
}
