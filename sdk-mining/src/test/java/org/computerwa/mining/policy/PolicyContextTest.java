package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class PolicyContextTest {

  private final PriceSeries prices =
      SeriesFixtures.of(15, new double[] {10, 20, 30, 40}, new double[] {11, 21, 31, 41});

  @Test
  void aPolicyCannotSeeTheRealisedPriceOfTheIntervalItDecides() {
    PolicyContext ctx = PolicyContext.builder().prices(prices).index(2).hashpriceUsdPerPhDay(50).dayAheadHorizonMinutes(15).build();
    assertThat(ctx.lastSettledUsdPerMwh()).hasValue(20);
    assertThat(ctx.settledUsdPerMwh(2)).isEqualTo(10);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(-1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(3)).isInstanceOf(ValidationException.class);
  }

  @Test
  void dayAheadPricesAreVisibleOnlyWithinThePublicationHorizon() {
    PolicyContext ctx = PolicyContext.builder().prices(prices).index(2).hashpriceUsdPerPhDay(50).dayAheadHorizonMinutes(15).build();
    assertThat(ctx.dayAheadVisible()).isEqualTo(1);
    assertThat(ctx.dayAheadUsdPerMwh(0)).isEqualTo(31);
    assertThatThrownBy(() -> ctx.dayAheadUsdPerMwh(1)).isInstanceOf(ValidationException.class);
  }

  @Test
  void theFirstIntervalHasNoSettledPrice() {
    PolicyContext ctx = PolicyContext.builder().prices(prices).index(0).hashpriceUsdPerPhDay(50).build();
    assertThat(ctx.lastSettledUsdPerMwh()).isEmpty();
    assertThat(ctx.settledCount()).isZero();
  }

  @Test
  void aForecastMadeAfterTheIntervalStartedIsRejected() {
    Instant late = prices.start(2).plusSeconds(1);
    assertThatThrownBy(() -> PolicyContext.builder().prices(prices).index(2).hashpriceUsdPerPhDay(50)
            .forecast(new double[] {30, 40}, late).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("context.forecastMadeAt"));
  }

  @Test
  void aForecastMadeBeforeTheIntervalIsVisibleToItsEnd() {
    PolicyContext ctx = PolicyContext.builder().prices(prices).index(2).hashpriceUsdPerPhDay(50)
        .forecast(new double[] {33, 44, 55}, prices.start(1)).build();
    assertThat(ctx.forecastVisible()).isEqualTo(2);
    assertThat(ctx.forecastUsdPerMwh(1)).isEqualTo(44);
    assertThat(ctx.forecastMadeAt()).contains(prices.start(1));
    assertThatThrownBy(() -> ctx.forecastUsdPerMwh(2)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anIndexOutsideTheSeriesIsRejectedNamingTheField() {
    assertThatThrownBy(() -> PolicyContext.builder().prices(prices).index(4).hashpriceUsdPerPhDay(50).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("context.index"));
  }
}
