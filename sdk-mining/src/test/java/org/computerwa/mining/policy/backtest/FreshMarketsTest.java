package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;

/**
 * The fresh markets ({@link Datasets#FRESH}): price files added after every policy's defaults and
 * rules were frozen at commit 3959e43 and scored once with them, so their figures are out of sample
 * for every policy, the guarded one included. Two properties here hold by construction (no policy
 * beats the optimum; the walk-forward never chooses with later data); the third is the measured
 * property the guard was built for (its worst quarter no worse than the adaptive policy's), which
 * held when these files were first scored: a change that breaks it made the guard worse on data it
 * was not developed on. Every other figure is printed and quoted on the backtest page from the
 * generated reports, never asserted: several quarters end below always-mine there.
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
      q.forEach(s -> line.append(String.format(" | %s %+.0f USD %.3f %d switches", s.label(), s.gainOverAlwaysMineUsd(),
          s.capturedFlexibilityValue(), s.switches())));
      System.out.println(line);
      return q;
    });
  }

  private static double worstQuarter(List<PeriodScore> quarters) {
    return quarters.stream().mapToDouble(PeriodScore::gainOverAlwaysMineUsd).min().orElseThrow();
  }

  @Test
  void noPolicyBeatsThePerfectForesightOptimumInAnyQuarterOfAFreshMarket() {
    List<String> all = new ArrayList<>(Datasets.FRESH.keySet());
    all.addAll(Datasets.FRESH_2020.keySet());
    for (String name : all) {
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
   * the first fresh batch: wrapping the adaptive policy in the guard never made its worst quarter
   * worse. It did not hold on the second batch ({@link Datasets#FRESH_2020}), scored after this
   * test was written: on ERCOT HB_PAN 2020 the guard's worst quarter is below the adaptive
   * policy's, both above always-mine (the backtest page quotes the figures); that batch is not
   * asserted here, so the measured property stays stated for the data it was measured on.
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
   * No look-ahead, checked from outside: the prices after a fold are replaced by an extreme price
   * that would make the other candidate the best on any window reaching into them; every choice and
   * score of that fold and the ones before it stays the same, so no fold chose with data after its
   * own end. The candidates are always-mine and curtail-everything ({@code always-ai} on a site
   * without GPUs), whose order any price far from the mining value decides.
   */
  @Test
  void theWalkForwardsFoldsDoNotChangeWhenTheDataAfterThemChanges() {
    for (String name : Datasets.FRESH.keySet()) {
      PriceSeries year = Datasets.fresh(name);
      int perDay = 1440 / year.intervalMinutes();
      PriceSeries p = year.slice(0, 140 * perDay); // 28 training days, then four folds of 28 days
      int cut = 84 * perDay; // the end of the second fold
      WalkForward.Result original = walkForward(backtest(p));
      assertThat(original.folds()).as(name).hasSize(4);
      String chosen = original.folds().get(1).outOfSample().policy();
      double extreme = chosen.equals("always-mine") ? 100_000 : -100_000; // favours the other candidate
      WalkForward.Result changed = walkForward(backtest(withPricesFrom(p, cut, extreme)));
      // the change is visible to any chooser that looks past the cut
      assertThat(changed.wholeSeriesInSample().policy()).as(name).isNotEqualTo(chosen);
      for (int i = 0; i < 2; i++) {
        WalkForward.Fold a = original.folds().get(i);
        WalkForward.Fold b = changed.folds().get(i);
        assertThat(b.outOfSample().policy()).as("%s fold %d", name, i + 1).isEqualTo(a.outOfSample().policy());
        assertThat(b.outOfSample().profitUsd()).as("%s fold %d", name, i + 1).isCloseTo(a.outOfSample().profitUsd(), within(1e-6));
        assertThat(b.training().profitUsd()).as("%s fold %d", name, i + 1).isCloseTo(a.training().profitUsd(), within(1e-6));
      }
    }
  }

  private static PriceSeries withPricesFrom(PriceSeries p, int from, double usdPerMwh) {
    List<Instant> starts = new ArrayList<>();
    double[] rt = new double[p.size()];
    for (int i = 0; i < p.size(); i++) {
      starts.add(p.start(i));
      rt[i] = i < from ? p.realTimeUsdPerMwh(i) : usdPerMwh;
    }
    return PriceSeries.of(starts, rt, null);
  }

  private static WalkForward.Result walkForward(Backtest bt) {
    return WalkForward.builder().backtest(bt).trainingDays(28).testDays(28)
        .candidate("always-mine", LoadPolicies::alwaysMine)
        .candidate("always-ai", LoadPolicies::alwaysAi)
        .build().run();
  }
}
