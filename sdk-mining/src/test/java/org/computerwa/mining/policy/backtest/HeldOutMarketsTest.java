package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;

/**
 * The held-out markets (never used to set a parameter): the adaptive policy's quarterly results,
 * printed, with the envelope's guarantees and a regression guard on the 15-minute markets. The
 * files scored only after every default was frozen are checked in {@link FreshMarketsTest}.
 */
class HeldOutMarketsTest {

  @Test
  void theAdaptivePolicyOnMarketsItWasNotTunedOn() {
    for (String name : Datasets.HELD_OUT.keySet()) {
      PriceSeries p = Datasets.heldOut(name);
      Backtest bt = Backtest.builder().prices(p).site(ErcotFixture.referenceSite()).hashpriceUsdPerPhDay(50)
          .market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(ErcotFixture.LEAD).build();
      List<PeriodScore> quarters = Seasons.score(bt, LoadPolicies::adaptive);
      PeriodScore total = PeriodScore.total(name, quarters);
      StringBuilder line = new StringBuilder(name);
      for (PeriodScore q : quarters) {
        line.append(String.format(" | %s %.3f (%+.0f USD)", q.label(), q.capturedFlexibilityValue(), q.gainOverAlwaysMineUsd()));
        assertThat(q.profitUsd()).as("%s %s", name, q.label()).isLessThanOrEqualTo(q.optimumProfitUsd() + 1e-6);
      }
      System.out.println(line.append(String.format(" | total %.3f", total.capturedFlexibilityValue())));
      if (p.intervalMinutes() == 15) {
        // measured 0.76-0.88 on these three when first run; a guard against regressions, not a claim
        assertThat(total.capturedFlexibilityValue()).as(name).isGreaterThan(0.6);
      }
    }
  }

  // The guard's defaults were set while looking at these markets' quarters (see the backtest page):
  // for the guarded policy they are not held out in the strict sense; this is a regression guard.
  @Test
  void theGuardedPolicysWorstQuarterIsNoWorseThanTheAdaptivePolicysOnEveryHeldOutMarket() {
    for (String name : Datasets.HELD_OUT.keySet()) {
      Backtest bt = Backtest.builder().prices(Datasets.heldOut(name)).site(ErcotFixture.referenceSite())
          .hashpriceUsdPerPhDay(50).market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(ErcotFixture.LEAD)
          .build();
      double adaptive = worstQuarter(Seasons.score(bt, LoadPolicies::adaptive));
      double guarded = worstQuarter(Seasons.score(bt, LoadPolicies::guarded));
      System.out.printf("%s worst quarter vs always-mine: adaptive %+.0f USD, guarded %+.0f USD%n", name, adaptive, guarded);
      assertThat(guarded).as(name).isGreaterThanOrEqualTo(adaptive);
    }
  }

  private static double worstQuarter(List<PeriodScore> quarters) {
    return quarters.stream().mapToDouble(PeriodScore::gainOverAlwaysMineUsd).min().orElseThrow();
  }
}
