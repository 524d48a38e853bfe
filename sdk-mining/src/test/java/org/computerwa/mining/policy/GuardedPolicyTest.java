package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;
import org.computerwa.mining.policy.backtest.Backtest;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

class GuardedPolicyTest {
  private static final SiteProfile SITE =
      SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();
  private static final double V = MiningEconomics.breakEvenUsdPerMwh(50, 20);
  /** A policy that curtails whenever it may: the worst thing to guard in a calm market. */
  private static final LoadPolicy ALWAYS_CURTAIL = LoadPolicy.named("always-curtail", ctx -> ctx.allocate(0, 0));

  private static Backtest backtest(PriceSeries p) {
    return Backtest.builder().prices(p).site(SITE).hashpriceUsdPerPhDay(50)
        .market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(Duration.ofMinutes(5)).build();
  }

  private static PriceSeries from(String start, double[] rt) {
    List<Instant> starts = new ArrayList<>();
    Instant t0 = Instant.parse(start);
    for (int i = 0; i < rt.length; i++) {
      starts.add(t0.plusSeconds(900L * i));
    }
    return PriceSeries.of(starts, rt, null);
  }

  private static double[] calm(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] rt = new double[n];
    for (int t = 0; t < n; t++) {
      rt[t] = 40 + rnd.nextGaussian() * 5;
    }
    return rt;
  }

  @Test
  void aPolicyThatAlwaysCurtailsLosesAtMostTheAllowanceAndOneCurtailmentInACalmQuarter() {
    double[] rt = calm(96 * 14, 11);
    Backtest bt = backtest(from("2024-01-01T00:00:00Z", rt));
    double unguarded = bt.profitUsd(ALWAYS_CURTAIL) - bt.alwaysMineProfitUsd();
    BacktestResult guarded = bt.run(GuardedPolicy.builder().policy(ALWAYS_CURTAIL).build());
    double loss = guarded.profitUsd() - guarded.alwaysMineProfitUsd();
    // Independent bound: 4 switch costs of allowance, then one curtailment's two switches and the
    // mining margin of the intervals it runs before its losses are published (dwell 4 intervals,
    // plus 2 of publication lag), at the highest price margin of the series.
    double worstMargin = 0;
    for (double p : rt) {
      worstMargin = Math.max(worstMargin, V - p);
    }
    double bound = 4 * 500 + 2 * 500 + (4 + 2) * 50 * 0.25 * worstMargin;
    assertThat(loss).isLessThan(0).isGreaterThanOrEqualTo(-bound);
    assertThat(unguarded).isLessThan(-10 * bound);
    assertThat(guarded.switches()).isLessThanOrEqualTo(4);
  }

  @Test
  void aQuarterThatEarnedGivesBackAtMostHalfOfItAndTheAllowance() {
    int spike = 32; // 8 hours of scarcity first: the guard lets the policy curtail and the account grows
    double[] rt = calm(96 * 3, 15);
    for (int t = 0; t < spike; t++) {
      rt[t] = 600;
    }
    Backtest whole = backtest(from("2024-01-01T00:00:00Z", rt));
    double earned = whole.slice(0, spike + 2).profitUsd(GuardedPolicy.builder().policy(ALWAYS_CURTAIL).build())
        - whole.slice(0, spike + 2).alwaysMineProfitUsd();
    BacktestResult r = whole.run(GuardedPolicy.builder().policy(ALWAYS_CURTAIL).build());
    double kept = r.profitUsd() - r.alwaysMineProfitUsd();
    double worstMargin = 0;
    for (double p : rt) {
      worstMargin = Math.max(worstMargin, V - p);
    }
    double exposure = 2 * 500 + (4 + 2) * 50 * 0.25 * worstMargin;
    assertThat(earned).isGreaterThan(100_000);
    assertThat(kept).as("the calm days took something back").isLessThan(earned);
    assertThat(kept).as("but at most half of the peak and the allowance").isGreaterThanOrEqualTo(0.5 * earned - 4 * 500 - exposure);
    double unguarded = whole.profitUsd(ALWAYS_CURTAIL) - whole.alwaysMineProfitUsd();
    assertThat(unguarded).isLessThan(0);
  }

  @Test
  void noAdversaryTakesACalmQuarterFurtherBelowAlwaysMineThanTheAllowanceAndOneCurtailment() {
    long seed = Long.getLong("computerwa.seed", 20261202L);
    System.out.println("GuardedPolicyTest adversary seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int unguardedBeyond = 0;
    for (int round = 0; round < 30; round++) {
      double[] rt = new double[96 * 3];
      for (int t = 0; t < rt.length; t++) {
        // below the scarcity multiple (3 x 104.17), with spikes above the mining value and negative prices
        rt[t] = rnd.nextInt(20) == 0 ? 120 + rnd.nextDouble() * 180 : -30 + rnd.nextDouble() * 120;
      }
      SplittableRandom moves = new SplittableRandom(rnd.nextLong());
      LoadPolicy adversary = LoadPolicy.named("adversary", ctx -> ctx.allocate(moves.nextInt(3) == 0 ? 0 : moves.nextDouble() * 60, 0));
      Backtest bt = backtest(from("2024-07-01T00:00:00Z", rt));
      BacktestResult r = bt.run(GuardedPolicy.builder().policy(adversary).build());
      double worstMargin = 0;
      for (double p : rt) {
        worstMargin = Math.max(worstMargin, V - p);
      }
      // allowance, the curtailment's two switches and one more, and the intervals in flight
      // (dwell 4, publication lag 2, one more) at the series' worst margin
      double bound = 4 * 500 + 3 * 500 + (4 + 2 + 1) * 50 * 0.25 * worstMargin;
      assertThat(r.profitUsd() - r.alwaysMineProfitUsd()).as("seed %d round %d", seed, round).isGreaterThanOrEqualTo(-bound);
      assertThat(r.profitUsd()).isLessThanOrEqualTo(r.optimumProfitUsd() + 1e-6);
      SplittableRandom same = new SplittableRandom(0);
      LoadPolicy bare = LoadPolicy.named("adversary", ctx -> ctx.allocate(same.nextInt(3) == 0 ? 0 : same.nextDouble() * 60, 0));
      if (bt.profitUsd(bare) - bt.alwaysMineProfitUsd() < -bound) {
        unguardedBeyond++;
      }
    }
    assertThat(unguardedBeyond).as("the bound is one an unguarded adversary breaks").isGreaterThan(0);
  }

  @Test
  void theAccountRestartsAtEachCalendarQuarter() {
    // two calm days either side of 2024-04-01T00:00Z
    PriceSeries p = from("2024-03-30T00:00:00Z", calm(96 * 4, 12));
    BacktestResult r = backtest(p).run(GuardedPolicy.builder().policy(ALWAYS_CURTAIL).build());
    double[] mining = r.miningMw();
    int boundary = 96 * 2;
    boolean curtailedBefore = false;
    boolean curtailedAfter = false;
    for (int t = 0; t < mining.length; t++) {
      if (mining[t] == 0) {
        curtailedBefore |= t < boundary;
        curtailedAfter |= t >= boundary;
      }
    }
    assertThat(curtailedBefore).isTrue();
    assertThat(curtailedAfter).as("a new quarter lets the policy risk its allowance again").isTrue();
    assertThat(mining[boundary - 1]).isEqualTo(50);
  }

  @Test
  void theAccountEqualsTheGainOverAlwaysMineOfThePublishedIntervals() {
    SplittableRandom rnd = new SplittableRandom(13);
    double[] rt = new double[96 * 10];
    for (int t = 0; t < rt.length; t++) {
      rt[t] = (t / 16) % 5 == 0 ? 300 + rnd.nextGaussian() * 50 : 40 + rnd.nextGaussian() * 10; // 4-hour blocks
    }
    PriceSeries p = from("2024-05-01T00:00:00Z", rt);
    GuardedPolicy g = GuardedPolicy.builder().policy(LoadPolicies.threshold(0)).build();
    BacktestResult r = backtest(p).run(g);
    double[] mining = r.miningMw();
    // at the last decision (5 min before the last interval) prices are published through n - 3
    double expected = 0;
    double previous = 50;
    for (int t = 0; t < rt.length - 2; t++) {
      expected += 0.25 * (mining[t] - 50) * (V - rt[t]);
      if (mining[t] != previous) {
        expected -= 500;
      }
      previous = mining[t];
    }
    assertThat(r.switches()).isGreaterThan(4);
    assertThat(g.realisedGainUsd()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aScarcityPriceLiftsTheGuard() {
    double[] rt = calm(96 * 3, 14);
    for (int t = 96 * 2; t < 96 * 2 + 12; t++) {
      rt[t] = 5 * V; // three hours of scarcity after the account is exhausted
    }
    BacktestResult r = backtest(from("2024-01-01T00:00:00Z", rt)).run(GuardedPolicy.builder().policy(ALWAYS_CURTAIL).build());
    double[] m = r.miningMw();
    assertThat(m[96 * 2 - 1]).isEqualTo(50);
    assertThat(m[96 * 2 + 4]).isZero();
    BacktestResult strict = backtest(from("2024-01-01T00:00:00Z", rt)).run(GuardedPolicy.builder().policy(ALWAYS_CURTAIL)
        .scarcityMultiple(Double.POSITIVE_INFINITY).build());
    assertThat(strict.miningMw()[96 * 2 + 4]).isEqualTo(50);
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> GuardedPolicy.builder().build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("guarded.policy");
    assertThatThrownBy(() -> GuardedPolicy.builder().policy(ALWAYS_CURTAIL).lossAllowanceSwitches(-1).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("guarded.lossAllowanceSwitches");
    assertThatThrownBy(() -> GuardedPolicy.builder().policy(ALWAYS_CURTAIL).givebackShare(1.5).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("guarded.givebackShare");
    assertThatThrownBy(() -> GuardedPolicy.builder().policy(ALWAYS_CURTAIL).scarcityMultiple(Double.NaN).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("guarded.scarcityMultiple");
  }
}
