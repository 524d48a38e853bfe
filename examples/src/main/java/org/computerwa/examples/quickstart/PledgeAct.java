package org.computerwa.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Pledge;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.money.TokenAmount;

/**
 * Step 7: while the GPUs are still leased the operator pledges its side of the node's income to a
 * lender, who accepts on exactly the terms it read (different terms are refused). The lease runs
 * to its end, the site anchors the rest of the hour, the lease settles and the holders are paid as
 * before: a pledge moves only the owner's side, and only in default.
 */
final class PledgeAct implements Act {
  @Override
  public String title() {
    return "Pledge with consent while leased; the lease still settles, holders still paid";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    AssetId asset = s.gpuAsset();
    r.check("lease status before the pledge", c.platform.leases().lease(s.leaseId()).status(), LeaseStatus.ACTIVE);
    TokenAmount debt = TokenAmount.parse("5", s.accepted().token());
    Instant dueBy = c.operator.chainTime().plus(Duration.ofDays(30));
    // tag::pledge[]
    r.receipt(c.operator.pledges().propose(asset, c.lender.address(), debt, dueBy));
    String refusal;
    try {
      c.lender.pledges().accept(asset, debt.plus(debt), dueBy);
      refusal = "accepted";
    } catch (ChainException e) {
      refusal = e.errorName().orElse(e.kind().name());
      r.say("expected refusal: the lender accepting other terms (debt " + Report.money(debt.plus(debt)) + "): "
          + refusal + ", nothing sent");
    }
    r.check("acceptance on other terms refused", refusal, "TermsMismatch");
    r.receipt(c.lender.pledges().accept(asset, debt, dueBy));
    // end::pledge[]
    Pledge pledge = c.platform.pledges().pledgeOf(asset).orElseThrow();
    r.say("pledged to " + pledge.lender() + ": debt " + Report.money(pledge.debt()) + " due by " + pledge.dueBy());
    r.figure("pledgeDebt", pledge.debt());
    r.check("pledge accepted", pledge.accepted(), true);
    r.check("pledge lender", pledge.lender(), c.lender.address());
    r.check("lease status after the pledge", c.platform.leases().lease(s.leaseId()).status(), LeaseStatus.ACTIVE);

    // The lease runs to its end and past the settlement lag; the device reports the rest of the hour.
    Instant end = s.accepted().end();
    Duration wait = Duration.between(c.platform.chainTime(), end.plus(Story.LAG)).plusMinutes(1);
    s.chain.advanceTime(wait);
    DeviceEvidenceAct.report(s, SettlementAct.REPORTED_PERIODS, (int) (Story.TERM.toMinutes() / Story.STATEMENT_PERIOD.toMinutes()));
    s.inbox().anchor(asset, s.accepted().start().plus(Story.STATEMENT_PERIOD.multipliedBy(SettlementAct.REPORTED_PERIODS)), end);
    TokenAmount claimed = SettlementAct.settleAndClaim(s, "final ");
    r.check("lease paid to its end", s.paidUntil(), end);
    r.checkThat("holders paid after the pledge", claimed.baseUnits().signum() > 0, "a positive claim");

    Outcome<TokenAmount> fee = c.operator.leases().withdraw();
    Outcome<TokenAmount> refund = c.lessee.leases().withdraw();
    r.receipts(fee);
    r.receipts(refund);
    TokenAmount dust = c.platform.payments().balanceOf(c.platform.assets().distributorOf(asset));
    r.say("operator withdraws " + Report.money(fee.value()) + ", lessee " + Report.money(refund.value())
        + "; left in the distributor " + Report.money(dust));
    r.figure("operatorWithdrew", fee.value());
    r.figure("lesseeRefund", refund.value());
    r.figure("distributorDust", dust);
    r.check("conservation: every payout adds up to the escrow",
        java.util.Objects.requireNonNull(s.claimed).plus(fee.value()).plus(refund.value()).plus(dust), s.accepted().totalRent());
  }
}
