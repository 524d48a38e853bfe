package org.computerwa.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Pledge;
import org.computerwa.chain.client.Receipt;
import org.computerwa.chain.client.Settlement;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.money.TokenAmount;

/**
 * Step 7: while the GPUs are still leased the operator pledges its side of the node's income to a
 * lender, who accepts on exactly the terms it read (different terms are refused). The debt is not
 * repaid by its deadline, the lender declares default with the asset still leased; the lease runs to
 * its end, the site anchors the rest of the hour and the lease settles: the owner's side repays the
 * lender, and the holders are paid exactly as before. A pledge never reaches the holders' part.
 */
final class PledgeAct implements Act {
  @Override
  public String title() {
    return "Pledge with consent while leased; in default the lender takes only the owner's side";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    AssetId asset = s.gpuAsset();
    r.check("lease status before the pledge", c.platform.leases().lease(s.leaseId()).status(), LeaseStatus.ACTIVE);
    TokenAmount debt = TokenAmount.parse("2", s.accepted().token());
    Instant dueBy = c.operator.chainTime().plus(Duration.ofMinutes(10));
    String refusal;
    // tag::pledge[]
    Receipt proposed = c.operator.pledges().propose(asset, c.lender.address(), debt, dueBy);   // the owner only
    try {
      c.lender.pledges().accept(asset, debt.plus(debt), dueBy);   // not what was proposed
      refusal = "accepted";
    } catch (ChainException e) {
      refusal = e.errorName().orElse(e.kind().name());            // "TermsMismatch", nothing sent
    }
    Receipt consented = c.lender.pledges().accept(asset, debt, dueBy);   // exactly the proposed terms
    // end::pledge[]
    r.receipt(proposed);
    r.say("expected refusal: the lender accepting other terms (debt " + Report.money(debt.plus(debt)) + "): "
        + refusal + ", nothing sent");
    r.receipt(consented);
    r.check("acceptance on other terms refused", refusal, "TermsMismatch");
    Pledge pledge = c.platform.pledges().pledgeOf(asset).orElseThrow();
    r.say("pledged to " + pledge.lender() + ": debt " + Report.money(pledge.debt()) + " due by " + pledge.dueBy());
    r.figure("pledgeDebt", pledge.debt());
    r.check("pledge accepted", pledge.accepted(), true);
    r.check("pledge lender", pledge.lender(), c.lender.address());

    // The deadline passes unpaid; the lender declares default while the GPUs are still leased.
    s.chain.advanceTime(Duration.between(c.platform.chainTime(), dueBy).plusSeconds(1));
    // tag::default[]
    Receipt defaulted = c.lender.pledges().declareDefault(asset);   // only after dueBy with debt left
    // end::default[]
    r.receipt(defaulted);
    r.check("pledge in default", c.platform.pledges().pledgeOf(asset).map(Pledge::defaulted).orElse(false), true);
    r.check("lease status in default", c.platform.leases().lease(s.leaseId()).status(), LeaseStatus.ACTIVE);

    // The lease runs to its end and past the settlement lag; the device reports the rest of the hour.
    Instant end = s.accepted().end();
    s.chain.advanceTime(Duration.between(c.platform.chainTime(), end.plus(Story.LAG)).plusMinutes(1));
    DeviceEvidenceAct.report(s, SettlementAct.REPORTED_PERIODS, (int) (Story.TERM.toMinutes() / Story.STATEMENT_PERIOD.toMinutes()));
    s.inbox().anchor(asset, s.accepted().start().plus(Story.STATEMENT_PERIOD.multipliedBy(SettlementAct.REPORTED_PERIODS)), end);
    Settlement settled = SettlementAct.settleAndClaim(s, "final ");
    TokenAmount ownerSide = c.platform.leases().waterfall().distribute(settled.net()).operatorFee();
    TokenAmount owed = ownerSide.compareTo(debt) < 0 ? ownerSide : debt;
    r.check("lease paid to its end", s.paidUntil(), end);
    r.check("lender's part in default: the owner's side up to the debt", settled.toLender(), owed);
    Optional<Pledge> after = c.platform.pledges().pledgeOf(asset);
    r.say("the pledge " + after.map(p -> "remains, debt " + Report.money(p.debt())).orElse("ended: debt repaid"));
    r.check("debt left", after.map(Pledge::debt).orElse(debt.minus(debt)), debt.minus(owed));

    Outcome<TokenAmount> fee = c.operator.leases().withdraw();
    Outcome<TokenAmount> refund = c.lessee.leases().withdraw();
    Outcome<TokenAmount> repaid = c.lender.leases().withdraw();
    r.receipts(fee);
    r.receipts(refund);
    r.receipts(repaid);
    TokenAmount dust = c.platform.payments().balanceOf(c.platform.assets().distributorOf(asset));
    r.say("operator withdraws " + Report.money(fee.value()) + ", lender " + Report.money(repaid.value()) + ", lessee "
        + Report.money(refund.value()) + "; left in the distributor " + Report.money(dust));
    r.figure("operatorWithdrew", fee.value());
    r.figure("lenderWithdrew", repaid.value());
    r.figure("lesseeRefund", refund.value());
    r.figure("distributorDust", dust);
    r.check("lender withdraws its part", repaid.value(), settled.toLender());
    // The distributor also holds the registration's seed unit, which came from the float, not the escrow.
    r.check("conservation: every payout adds up to the escrow",
        java.util.Objects.requireNonNull(s.claimed).plus(fee.value()).plus(repaid.value()).plus(refund.value()).plus(dust)
            .minus(Story.seed(dust.token())),
        s.accepted().totalRent());
  }
}
