package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;

/**
 * The fresh markets ({@link Datasets#FRESH}): price files added after every policy's defaults and
 * rules were frozen at commit 3959e43 and scored once with them, so their figures are out of sample
 * for every policy, the guarded one included. Only properties that hold by construction are
 * asserted here; what was measured is printed and quoted on the backtest page from the generated
 * reports.
 */
class FreshMarketsTest {

  private static Backtest backtest(PriceSeries p) {
    return Backtest.builder().prices(p).site(ErcotFixture.referenceSite()).hashpriceUsdPerPhDay(50)
        .market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(ErcotFixture.LEAD).build();
  }

  private static final List<String> POLICIES = List.of("threshold", "greedy", "rolling", "adaptive", "guarded");
  private static final Map<String, List<PeriodScore>> QUARTERS = new HashMap<>();

  /** Each built-in policy's quarters on a fresh market, defaults, each from a cold start; computed once. */
  private static synchronized List<PeriodScore> quarters(String market, String policy) {
    return QUARTERS.computeIfAbsent(market + "/" + policy, k -> {
      List<PeriodScore> q = Seasons.score(backtest(Datasets.fresh(market)), () -> LoadPolicies.byName(policy));
      StringBuilder line = new StringBuilder(market + " " + policy);
      q.forEach(s -> line.append(String.format(" | %s %+.0f USD %.3f", s.label(), s.gainOverAlwaysMineUsd(),
          s.capturedFlexibilityValue())));
      System.out.println(line);
      return q;
    });
  }

  private static double worstQuarter(List<PeriodScore> quarters) {
    return quarters.stream().mapToDouble(PeriodScore::gainOverAlwaysMineUsd).min().orElseThrow();
  }

  @Test
  void noPolicyBeatsThePerfectForesightOptimumInAnyQuarterOfAFreshMarket() {
    for (String name : Datasets.FRESH.keySet()) {
      for (String policy : POLICIES) {
        List<PeriodScore> q = quarters(name, policy);
        assertThat(q).as("%s %s", name, policy).hasSize(4);
        for (PeriodScore s : q) {
          assertThat(s.profitUsd()).as("%s %s %s", name, policy, s.label()).isLessThanOrEqualTo(s.optimumProfitUsd() + 1e-6);
          assertThat(s.optimumProfitUsd()).as("%s %s %s", name, policy, s.label())
              .isGreaterThanOrEqualTo(s.alwaysMineProfitUsd() - 1e-6);
        }
      }
    }
  }

  /**
   * The property {@code HeldOutMarketsTest} checks on the files the guard was developed on, here on
   * files it has never seen: wrapping the adaptive policy in the guard never made its worst quarter
   * worse.
   */
  @Test
  void theGuardedPolicysWorstQuarterIsNoWorseThanTheAdaptivePolicysOnEveryFreshMarket() {
    for (String name : Datasets.FRESH.keySet()) {
      double adaptive = worstQuarter(quarters(name, "adaptive"));
      double guarded = worstQuarter(quarters(name, "guarded"));
      System.out.printf("%s worst quarter vs always-mine: adaptive %+.0f USD, guarded %+.0f USD%n", name, adaptive, guarded);
      assertThat(guarded).as(name).isGreaterThanOrEqualTo(adaptive);
    }
  }

  /**
   * No look-ahead, checked from outside: cutting the series after a fold leaves every choice and
   * score of that fold and the ones before it unchanged, so no fold used data after its own end.
   */
  @Test
  void theWalkForwardsFoldsDoNotChangeWhenTheDataAfterThemIsRemoved() {
    for (String name : Datasets.FRESH.keySet()) {
      PriceSeries year = Datasets.fresh(name);
      PriceSeries p = year.slice(0, 140 * 1440 / year.intervalMinutes()); // 28 training days and four folds
      WalkForward.Result whole = walkForward(backtest(p), "threshold");
      List<WalkForward.Fold> folds = whole.folds();
      assertThat(folds).as(name).hasSize(4);
      int cutFold = 1; // cut after the second fold
      int end = 28 * 1440 / p.intervalMinutes();
      for (int i = 0; i <= cutFold; i++) {
        end += folds.get(i).outOfSample().intervals();
      }
      WalkForward.Result cut = walkForward(backtest(p.slice(0, end)), "threshold");
      assertThat(cut.folds()).as(name).hasSize(cutFold + 1);
      for (int i = 0; i <= cutFold; i++) {
        WalkForward.Fold a = folds.get(i);
        WalkForward.Fold b = cut.folds().get(i);
        assertThat(b.outOfSample().policy()).as("%s fold %d", name, i + 1).isEqualTo(a.outOfSample().policy());
        assertThat(b.outOfSample().profitUsd()).as("%s fold %d", name, i + 1).isCloseTo(a.outOfSample().profitUsd(), within(1e-6));
        assertThat(b.training().profitUsd()).as("%s fold %d", name, i + 1).isCloseTo(a.training().profitUsd(), within(1e-6));
      }
    }
  }

  private static WalkForward.Result walkForward(Backtest bt, String policy) {
    WalkForward.Builder b = WalkForward.builder().backtest(bt).trainingDays(28).testDays(28);
    for (Map.Entry<String, Supplier<LoadPolicy>> c : LoadPolicies.grid(policy).entrySet()) {
      b.candidate(c.getKey(), c.getValue());
    }
    return b.build().run();
  }
}
