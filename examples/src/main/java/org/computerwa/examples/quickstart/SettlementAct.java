package org.computerwa.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Settlement;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.Distribution;
import org.computerwa.core.revenue.DistributorModel;

/**
 * Step 6: anyone settles the running lease; income older than the settlement lag goes through the
 * waterfall to the operator and the holders, and each holder claims exactly what sdk-core's
 * {@link DistributorModel} says.
 */
final class SettlementAct implements Act {
  /** The device has reported this many periods by the end of this step. */
  static final int REPORTED_PERIODS = 3;

  @Override
  public String title() {
    return "Settle, distribute and claim exactly while the lease runs";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    // Twenty more minutes of the lease; the device reports them and the site anchors them.
    s.chain.advanceTime(Duration.ofMinutes(20));
    int first = DeviceEvidenceAct.PERIODS;
    DeviceEvidenceAct.report(s, first, REPORTED_PERIODS);
    Instant start = s.accepted().start();
    s.inbox().anchor(s.gpuAsset(), start.plus(Story.STATEMENT_PERIOD.multipliedBy(first)),
        start.plus(Story.STATEMENT_PERIOD.multipliedBy(REPORTED_PERIODS)));
    Instant now = s.cast().platform.chainTime();
    r.check("accrued rent", s.cast().platform.leases().accrued(s.leaseId()), s.ledger().accruedAt(now));
    r.check("runway", s.cast().platform.leases().runway(s.leaseId()).remaining(), s.ledger().runwayAt(now));
    settleAndClaim(s, "");
  }

  /** Settles the lease, checks the waterfall and lets both holders claim (added to the story's claims). */
  static Settlement settleAndClaim(Story s, String round) {
    Report r = s.report;
    Cast c = s.cast();
    // tag::settle[]
    Outcome<Settlement> settled = c.platform.leases().settle(s.leaseId());
    r.receipts(settled);
    Settlement st = settled.value();
    // end::settle[]
    r.say("paid until " + st.paidUntil() + ": gross " + Report.money(st.gross()) + ", net " + Report.money(st.net())
        + "; operator " + Report.money(st.operatorFee()) + ", lender " + Report.money(st.toLender())
        + ", holders " + Report.money(st.toHolders()));
    r.figure(key(round, "gross"), st.gross());
    r.figure(key(round, "toHolders"), st.toHolders());
    r.figure(key(round, "operatorFee"), st.operatorFee());
    r.figure(key(round, "toLender"), st.toLender());
    r.check(round + "paid until", st.paidUntil(), paidUntil(s, c.platform.chainTime()));
    // sdk-core's ledger: the rent that accrued between the previous settlement and this one.
    r.check(round + "gross rent", st.gross(),
        s.ledger().accruedAt(st.paidUntil()).minus(s.ledger().accruedAt(s.paidUntil())));
    s.paidUntil = st.paidUntil();
    Distribution split = c.platform.leases().waterfall().distribute(st.net());
    r.check(round + "holders' part", st.toHolders(), split.holders());
    r.check(round + "owner's side (operator and lender)", st.operatorFee().plus(st.toLender()), split.operatorFee());

    AssetId asset = s.gpuAsset();
    DistributorModel model = s.distributor();
    // tag::claim[]
    TokenAmount held = c.platform.payments().balanceOf(c.platform.assets().distributorOf(asset));
    Outcome<TokenAmount> alice = c.alice.revenue().claim(asset);
    TokenAmount aliceModel = model.claim("alice", held, c.alice.chainTime());   // sdk-core's replay
    held = held.minus(alice.value());
    Outcome<TokenAmount> bob = c.bob.revenue().claim(asset);
    TokenAmount bobModel = model.claim("bob", held, c.bob.chainTime());
    // end::claim[]
    r.receipts(alice);
    r.receipts(bob);
    r.say("alice claims " + Report.money(alice.value()) + ", bob " + Report.money(bob.value()));
    r.figure(key(round, "aliceClaim"), alice.value());
    r.figure(key(round, "bobClaim"), bob.value());
    r.check(round + "alice's claim", alice.value(), aliceModel);
    r.check(round + "bob's claim", bob.value(), bobModel);
    s.claimed = java.util.Objects.requireNonNull(s.claimed).plus(alice.value()).plus(bob.value());
    return st;
  }

  /** A figure's JSON name: {@code gross} in the first round, {@code finalGross} in the last. */
  private static String key(String round, String name) {
    return round.isEmpty() ? name : round.trim() + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Income is paid up to the settlement lag before now, never past the lease's end. */
  private static Instant paidUntil(Story s, Instant now) {
    Instant due = now.minus(Story.LAG);
    return due.isAfter(s.accepted().end()) ? s.accepted().end() : due;
  }
}
