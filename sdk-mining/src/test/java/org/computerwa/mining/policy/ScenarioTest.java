package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  private static final Instant A = Instant.parse("2024-04-01T00:00:00Z");
  private static final Instant B = Instant.parse("2024-04-20T00:00:00Z");

  @Test
  void aStepHoldsFromItsInstantUntilTheNext() {
    Scenario s = Scenario.steps(List.of(A, B), new double[] {100, 55}, new double[] {0, 200});
    assertThat(s.hashpriceUsdPerPhDay(A.minusSeconds(1))).isEqualTo(100);
    assertThat(s.hashpriceUsdPerPhDay(B.minusSeconds(1))).isEqualTo(100);
    assertThat(s.hashpriceUsdPerPhDay(B)).isEqualTo(55);
    assertThat(s.aiMarginUsdPerMwh(B.plusSeconds(86_400))).isEqualTo(200);
  }

  @Test
  void stepsOutOfOrderAreRejectedNamingTheStep() {
    assertThatThrownBy(() -> Scenario.steps(List.of(B, A), new double[] {1, 2}, new double[] {0, 0}))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("scenario[1].from"));
  }

  @Test
  void aNegativeHashpriceIsRejected() {
    assertThatThrownBy(() -> Scenario.constant(-1, 0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("scenario[0].hashpriceUsdPerPhDay"));
  }

  @Test
  void theOptimumUnderAStepScenarioUsesEachIntervalsHashprice() {
    // 4 intervals at 80 USD/MWh: mining pays at 50 USD/PH/day (104 USD/MWh) and loses at 25 (52 USD/MWh).
    PriceSeries p = SeriesFixtures.of(15, new double[] {80, 80, 80, 80}, null);
    Scenario s = Scenario.steps(List.of(p.start(0), p.start(2)), new double[] {50, 25}, new double[] {0, 0});
    SiteProfile site = SiteProfile.builder().capacityMw(10).build();
    PerfectForesight.Solution best = PerfectForesight.solve(p, site, s);
    assertThat(best.miningMw()).containsExactly(10, 10, 0, 0);
  }
}
