package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.SplittableRandom;
import org.computerwa.mining.economics.MiningEconomics;
import org.junit.jupiter.api.Test;

class PerfectForesightTest {

  /** Independent exhaustive search over every level sequence, checking the rules directly. */
  static double bruteForce(PriceSeries p, SiteProfile s, double hp, double a) {
    SiteRules r = new SiteRules(s, p.intervalMinutes());
    double v = MiningEconomics.breakEvenUsdPerMwh(hp, s.efficiencyJPerTh());
    int levels = r.maxLevel + 1;
    int n = p.size();
    double best = Double.NEGATIVE_INFINITY;
    int[] seq = new int[n];
    long combos = (long) Math.pow(levels, n);
    for (long code = 0; code < combos; code++) {
      long c = code;
      for (int t = 0; t < n; t++) {
        seq[t] = (int) (c % levels);
        c /= levels;
      }
      double profit = 0;
      int prev = r.initialLevel();
      int lastSwitch = -r.dwell; // initial setpoint counts as held long enough
      boolean ok = true;
      for (int t = 0; t < n && ok; t++) {
        double leased = s.leasedMw(p.start(t), p.end(t));
        int capLevel = (int) Math.min(r.maxLevel, Math.floor((s.capacityMw() - leased) / s.resolutionMw() + 1e-9));
        int m = seq[t];
        boolean feasible = m == 0 || (m * s.resolutionMw() >= s.miningMinMw() - 1e-9 && m <= capLevel);
        if (!feasible) {
          ok = false;
          break;
        }
        if (m != prev) {
          boolean forced = prev > capLevel;
          int maxStep = m > prev ? r.rampUpLevels : r.rampDownLevels;
          if (!forced && (t - lastSwitch < r.dwell || Math.abs(m - prev) > maxStep)) {
            ok = false;
            break;
          }
          profit -= s.switchCostUsd();
          lastSwitch = t;
        } else if (prev > capLevel) {
          ok = false;
          break;
        }
        double price = p.realTimeUsdPerMwh(t);
        double room = Math.max(0, Math.min(s.gpuSpotMw(), s.capacityMw() - leased - m * s.resolutionMw()));
        double spot = a > price ? room : 0;
        profit += r.hours * (m * s.resolutionMw() * (v - price) + (spot + leased) * (a - price));
        prev = m;
      }
      if (ok) {
        best = Math.max(best, profit);
      }
    }
    return best;
  }

  @Test
  void theOptimumEqualsAnExhaustiveSearchOnTinySeries() {
    long seed = 20261128L;
    System.out.println("PerfectForesightTest brute-force seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 120; round++) {
      int n = 3 + rnd.nextInt(5);
      double[] rt = new double[n];
      for (int i = 0; i < n; i++) {
        rt[i] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() * 600 - 50 : 60 + rnd.nextGaussian() * 40;
      }
      PriceSeries p = SeriesFixtures.of(15, rt, null);
      int max = 1 + rnd.nextInt(3);
      SiteProfile.Builder b = SiteProfile.builder().capacityMw(4).resolutionMw(1)
          .miningMaxMw(max).minDwellMinutes(15 * rnd.nextInt(4))
          .switchCostUsd(rnd.nextInt(3) * 100).gpuSpotMw(rnd.nextInt(2));
      if (rnd.nextBoolean()) {
        b.miningRampUpMwPerMinute((1 + rnd.nextInt(2)) / 15.0);
      }
      if (rnd.nextBoolean()) {
        b.miningRampDownMwPerMinute((1 + rnd.nextInt(2)) / 15.0);
      }
      if (max >= 2 && rnd.nextInt(3) == 0) {
        b.miningMinMw(2);
      }
      if (rnd.nextBoolean()) {
        int from = rnd.nextInt(n);
        b.addLease(GpuLease.of(p.start(from), p.end(Math.min(n - 1, from + rnd.nextInt(3))), 1 + rnd.nextInt(2)));
      }
      SiteProfile site = b.build();
      double a = rnd.nextBoolean() ? 0 : 150;
      double dp = PerfectForesight.solve(p, site, 50, a).profitUsd();
      assertThat(dp).as("round %d, site %s, prices %s", round, site, java.util.Arrays.toString(rt))
          .isCloseTo(bruteForce(p, site, 50, a), within(1e-6));
    }
  }

  @Test
  void noPolicyBeatsTheOptimumOnSyntheticSeries() {
    long seed = 99L;
    System.out.println("PerfectForesightTest synthetic seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 4; round++) {
      int minutes = round % 2 == 0 ? 5 : 15;
      PriceSeries p = SeriesFixtures.spiky(rnd.nextLong(), 1500, minutes, 40 + 40 * round);
      SiteProfile site = SiteProfile.builder().capacityMw(40).miningMaxMw(30).miningMinMw(6)
          .miningRampUpMwPerMinute(0.5).miningRampDownMwPerMinute(3).gpuSpotMw(10)
          .minDwellMinutes(30 + 15 * round).switchCostUsd(250 * round)
          .addLease(GpuLease.of(p.start(100), p.start(700), 8)).build();
      org.computerwa.mining.policy.backtest.Backtest bt = org.computerwa.mining.policy.backtest.Backtest.builder()
          .market(MarketRules.ercot(java.time.Duration.ZERO)).decisionLead(java.time.Duration.ZERO)
          .prices(p).site(site).hashpriceUsdPerPhDay(50).aiMarginUsdPerMwh(90).build();
      double optimum = bt.optimumProfitUsd();
      java.util.List<LoadPolicy> policies = new java.util.ArrayList<>();
      for (String name : LoadPolicies.names()) {
        policies.add(LoadPolicies.byName(name));
      }
      for (int i = 0; i < 4; i++) {
        SplittableRandom r = rnd.split();
        policies.add(ctx -> Allocation.of(r.nextDouble() * 45, r.nextDouble() * 15, 0, 0));
      }
      for (LoadPolicy policy : policies) {
        assertThat(bt.profitUsd(policy)).as("round %d, %s", round, policy.name()).isLessThanOrEqualTo(optimum + 1e-6);
      }
    }
  }

  @Test
  void theOptimumOfAFlatCheapSeriesIsAlwaysMine() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {20, 30, 25, 10}, null);
    SiteProfile site = SiteProfile.builder().capacityMw(10).switchCostUsd(100).build();
    PerfectForesight.Solution s = PerfectForesight.solve(p, site, 50, 0);
    assertThat(s.switches()).isZero();
    assertThat(s.miningMw()).containsOnly(10.0);
    assertThat(s.profitUsd()).isCloseTo(0.25 * 10 * (4 * 104.16666666666667 - 85), within(1e-6));
  }

  @Test
  void aLeaseForcesTheSetpointDownAtOnceAndCostsASwitch() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {20, 20, 20, 20}, null);
    SiteProfile site = SiteProfile.builder().capacityMw(10).minDwellMinutes(60).switchCostUsd(100)
        .addLease(GpuLease.of(Instant.parse("2024-01-01T00:15:00Z"), Instant.parse("2024-01-01T00:30:00Z"), 4))
        .build();
    PerfectForesight.Solution s = PerfectForesight.solve(p, site, 50, 0);
    assertThat(s.miningMw()).containsExactly(10, 6, 6, 6);
    assertThat(s.switches()).isEqualTo(1);
  }

  @Test
  void aFineResolutionAboveShortRangeGivesTheExactOptimum() {
    // 100 MW at 0.003 MW: 33,334 levels, beyond a 16-bit index. With no switching cost, no dwell and
    // no ramp limit, the optimum mines at the top level whenever the price is below the mining value.
    double[] rt = {20, 300, 20, 20, 400, 10};
    PriceSeries p = SeriesFixtures.of(15, rt, null);
    SiteProfile site = SiteProfile.builder().capacityMw(100).resolutionMw(0.003).build();
    double v = MiningEconomics.breakEvenUsdPerMwh(50, site.efficiencyJPerTh());
    double top = Math.floor(100 / 0.003 + 1e-9) * 0.003;
    double expected = 0;
    for (double price : rt) {
      expected += 0.25 * top * Math.max(0, v - price);
    }
    PerfectForesight.Solution s = PerfectForesight.solve(p, site, 50, 0);
    assertThat(s.profitUsd()).isPositive().isCloseTo(expected, within(1e-6));
    assertThat(s.miningMw()).containsExactly(top, 0, top, top, 0, top);
  }

  @Test
  void aProblemBeyondTheMemoryBoundIsRefusedNamingTheResolution() {
    PriceSeries p = SeriesFixtures.spiky(1, 20_000, 15, 50);
    SiteProfile site = SiteProfile.builder().capacityMw(100).resolutionMw(0.01).build(); // 10,001 levels
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PerfectForesight.solve(p, site, 50, 0))
        .isInstanceOfSatisfying(org.computerwa.core.ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("site.resolutionMw");
          assertThat(e.getMessage()).contains("20000 intervals x 10001 levels");
        });
  }
}
