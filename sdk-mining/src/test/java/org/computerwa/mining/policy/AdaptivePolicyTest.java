package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.backtest.Backtest;
import org.junit.jupiter.api.Test;

class AdaptivePolicyTest {
  private static final SiteProfile SITE =
      SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();

  private static Backtest backtest(PriceSeries p) {
    return Backtest.builder().prices(p).site(SITE).hashpriceUsdPerPhDay(50)
        .market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(Duration.ofMinutes(5)).build();
  }

  /** Calm weeks, then weeks of long expensive blocks (hours above the mining value), seeded. */
  private static PriceSeries regimeChange(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 96 * 42;
    double[] rt = new double[n];
    for (int t = 0; t < n; t++) {
      boolean expensive = t > 96 * 14 && (t / 24) % 3 == 0; // 6-hour blocks, one in three, after two weeks
      rt[t] = (expensive ? 400 : 30) + rnd.nextGaussian() * 8;
    }
    return SeriesFixtures.of(15, rt, null);
  }

  @Test
  void withAlwaysMineAsItsOnlyCandidateItMinesAlways() {
    PriceSeries p = regimeChange(1);
    AdaptivePolicy only = AdaptivePolicy.builder().candidates(List.of(LoadPolicies.alwaysMine())).build();
    Backtest bt = backtest(p);
    assertThat(bt.profitUsd(only)).isEqualTo(bt.alwaysMineProfitUsd());
  }

  @Test
  void itLearnsToCurtailWhenCurtailingPaysAndNeverBeatsTheOptimum() {
    long seed = Long.getLong("computerwa.seed", 20261201L);
    System.out.println("AdaptivePolicyTest seed " + seed);
    PriceSeries p = regimeChange(seed);
    Backtest bt = backtest(p);
    double adaptive = bt.profitUsd(LoadPolicies.adaptive());
    assertThat(adaptive).isGreaterThan(bt.alwaysMineProfitUsd() + 0.5 * (bt.optimumProfitUsd() - bt.alwaysMineProfitUsd()));
    assertThat(adaptive).isLessThanOrEqualTo(bt.optimumProfitUsd() + 1e-6);
  }

  @Test
  void inACalmMarketItKeepsMining() {
    double[] rt = new double[96 * 14];
    SplittableRandom rnd = new SplittableRandom(5);
    for (int t = 0; t < rt.length; t++) {
      rt[t] = 40 + rnd.nextGaussian() * 10;
    }
    Backtest bt = backtest(SeriesFixtures.of(15, rt, null));
    assertThat(bt.run(LoadPolicies.adaptive()).switches()).isZero();
  }

  @Test
  void theSameInputsGiveTheSameDecisions() {
    PriceSeries p = regimeChange(3);
    List<Double> first = new ArrayList<>();
    List<Double> second = new ArrayList<>();
    for (List<Double> out : List.of(first, second)) {
      MarketReplay replay = MarketReplay.builder().prices(p).rules(MarketRules.realTimeOnly(Duration.ZERO))
          .decisionLead(Duration.ZERO).scenario(Scenario.constant(50, 0)).build();
      try (LoadController c = LoadController.builder().site(SITE).policy(LoadPolicies.adaptive()).decisionLead(Duration.ZERO)
          .actuator(d -> out.add(d.applied().miningMw())).build()) {
        for (int t = 0; t < p.size(); t++) {
          c.decide(replay.view(t));
        }
      }
    }
    assertThat(second).isEqualTo(first);
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> AdaptivePolicy.builder().halfLifeDays(0).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("halfLifeDays"));
    assertThatThrownBy(() -> AdaptivePolicy.builder().candidates(List.of()).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("candidates"));
    assertThatThrownBy(() -> AdaptivePolicy.builder().candidates(List.of(LoadPolicies.rolling(), LoadPolicies.rolling())).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("candidates[1].name"));
    assertThatThrownBy(() -> AdaptivePolicy.builder().riskBudgetSwitches(-1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("riskBudgetSwitches"));
  }
}
