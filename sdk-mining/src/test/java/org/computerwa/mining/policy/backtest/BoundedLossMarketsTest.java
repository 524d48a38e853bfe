package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.mining.policy.BoundedLossPolicy;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;

/**
 * The loss bound on real prices: the adaptive policy wrapped in {@link BoundedLossPolicy}, with the
 * price range each file really spans, never ends a quarter of any price file in the repository
 * more than its limit below always-mine (each quarter from a cold start, reference site). The
 * bound holds by construction for prices inside the range; this checks the construction against
 * the backtester's own accounting on every market, the fresh ones included. What the bound costs
 * in captured value is printed, not asserted.
 */
class BoundedLossMarketsTest {
  private static final double LIMIT_USD = 25_000;

  private static Map<String, PriceSeries> markets() {
    Map<String, PriceSeries> all = new LinkedHashMap<>();
    all.put(Datasets.TUNING, ErcotFixture.prices());
    Datasets.HELD_OUT.keySet().forEach(n -> all.put(n, Datasets.heldOut(n)));
    Datasets.FRESH.keySet().forEach(n -> all.put(n, Datasets.fresh(n)));
    Datasets.FRESH_2020.keySet().forEach(n -> all.put(n, Datasets.fresh(n)));
    return all;
  }

  @Test
  void noQuarterOfAnyMarketEndsMoreThanTheLimitBelowAlwaysMine() {
    int curtailingQuarters = 0;
    for (Map.Entry<String, PriceSeries> m : markets().entrySet()) {
      PriceSeries p = m.getValue();
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < p.size(); i++) {
        low = Math.min(low, p.realTimeUsdPerMwh(i));
        high = Math.max(high, p.realTimeUsdPerMwh(i));
      }
      double lo = low;
      double hi = high;
      Backtest bt = Backtest.builder().prices(p).site(ErcotFixture.referenceSite()).hashpriceUsdPerPhDay(50)
          .market(MarketRules.realTimeOnly(Duration.ofMinutes(5))).decisionLead(ErcotFixture.LEAD).build();
      List<PeriodScore> quarters = Seasons.score(bt, () -> BoundedLossPolicy.builder().policy(LoadPolicies.adaptive())
          .quarterlyLossLimitUsd(LIMIT_USD).priceRange(lo, hi).build());
      StringBuilder line = new StringBuilder(String.format("%s, prices [%.2f, %.2f]", m.getKey(), lo, hi));
      for (PeriodScore q : quarters) {
        line.append(String.format(" | %s %+.0f USD %.3f %d switches", q.label(), q.gainOverAlwaysMineUsd(),
            q.capturedFlexibilityValue(), q.switches()));
        assertThat(q.gainOverAlwaysMineUsd()).as("%s %s", m.getKey(), q.label()).isGreaterThanOrEqualTo(-LIMIT_USD);
        curtailingQuarters += q.switches() > 0 ? 1 : 0;
      }
      System.out.println(line.append(String.format(" | total %.3f",
          PeriodScore.total(m.getKey(), quarters).capturedFlexibilityValue())));
    }
    assertThat(curtailingQuarters).as("quarters in which the bounded policy curtailed at all").isPositive();
  }
}
