package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioCsvTest {

  @Test
  void readsStepsWithAnOptionalAiMargin() {
    Scenario s = ScenarioCsv.read(new StringReader(
        "timestamp_utc,hashprice_usd_per_ph_day\n2024-06-01T00:00:00Z,50\n2024-09-01T00:00:00Z,40\n"));
    assertThat(s.steps()).isEqualTo(2);
    assertThat(s.hashpriceUsdPerPhDay(Instant.parse("2024-10-01T00:00:00Z"))).isEqualTo(40);
    assertThat(s.aiMarginUsdPerMwh(Instant.parse("2024-10-01T00:00:00Z"))).isZero();
  }

  @Test
  void aMissingHashpriceIsRejectedNamingLineAndColumn() {
    assertThatThrownBy(() -> ScenarioCsv.read(new StringReader("timestamp_utc,hashprice_usd_per_ph_day\n2024-06-01T00:00:00Z,\n")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("scenario[line 2].hashprice_usd_per_ph_day"));
  }

  @Test
  void aConstantScenarioScoresLikeAConstantHashprice() {
    PriceSeries p = ErcotFixture.prices().slice(0, 3000);
    BacktestResult viaValue = ErcotFixture.referenceBacktest(p).run(LoadPolicies.rolling());
    BacktestResult viaScenario = ErcotFixture.timed().prices(p).site(ErcotFixture.referenceSite())
        .scenario(Scenario.constant(50, 0)).build().run(LoadPolicies.rolling());
    assertThat(viaScenario.profitUsd()).isEqualTo(viaValue.profitUsd());
    assertThat(viaScenario.optimumProfitUsd()).isEqualTo(viaValue.optimumProfitUsd());
  }

  @Test
  void noPolicyBeatsTheOptimumUnderAHashpriceStep() {
    PriceSeries p = ErcotFixture.prices().slice(5000, 9000);
    Scenario halving = Scenario.steps(java.util.List.of(p.start(0), p.start(2000)), new double[] {80, 40}, new double[] {0, 0});
    Backtest bt = ErcotFixture.timed().prices(p).site(ErcotFixture.referenceSite()).scenario(halving).build();
    double optimum = bt.optimumProfitUsd();
    for (String name : LoadPolicies.names()) {
      assertThat(bt.profitUsd(LoadPolicies.byName(name))).as(name).isLessThanOrEqualTo(optimum + 1e-6);
    }
  }
}
