package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class MarketViewTest {
  private static final Instant T = Instant.parse("2024-08-21T00:30:00Z");

  private static Instant min(int m) {
    return T.plusSeconds(60L * m);
  }

  private static MarketView.Builder base() {
    return MarketView.builder().intervalStart(T).intervalMinutes(15).asOf(min(-5)).hashpriceUsdPerPhDay(50);
  }

  private static PolicyContext context(MarketView v) {
    return new PolicyContext(v, SiteProfile.builder().capacityMw(10).build(), 10, 4, 4, 0, 10);
  }

  @Test
  void settledPricesAreShownMostRecentFirst() {
    MarketView v = base().settled(List.of(new SettledPrice(min(-45), min(-28), 30), new SettledPrice(min(-30), min(-12), 40)))
        .build();
    PolicyContext ctx = context(v);
    assertThat(ctx.settledCount()).isEqualTo(2);
    assertThat(ctx.settledUsdPerMwh(1)).isEqualTo(40);
    assertThat(ctx.settledIntervalStart(2)).isEqualTo(min(-45));
    assertThat(ctx.settledMedianUsdPerMwh(5)).hasValue(35);
    assertThat(v.decisionLead()).hasMinutes(5);
  }

  @Test
  void aSettledPricePublishedAfterTheDecisionIsRefused() {
    assertThatThrownBy(() -> base().settled(List.of(new SettledPrice(min(-15), min(-2), 99))).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("view.settled[0].publishedAt");
          assertThat(e.getMessage()).contains("not known yet");
        });
  }

  @Test
  void aSettledPricePublishedBeforeItsIntervalEndedIsRefused() {
    assertThatThrownBy(() -> base().settled(List.of(new SettledPrice(min(-15), min(-10), 99))).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.settled[0].publishedAt"));
  }

  @Test
  void aGapInTheSettledPricesIsRefused() {
    assertThatThrownBy(() -> base().settled(List.of(new SettledPrice(min(-60), min(-40), 1), new SettledPrice(min(-30), min(-10), 2)))
            .build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.settled[1].intervalStart"));
  }

  @Test
  void aSettledPriceOffTheIntervalGridIsRefused() {
    assertThatThrownBy(() -> base().settled(List.of(new SettledPrice(min(-22), min(-6), 1))).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.settled[0].intervalStart"));
  }

  @Test
  void aDecisionAfterTheIntervalStartedIsRefused() {
    assertThatThrownBy(() -> base().asOf(min(1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.asOf"));
  }

  @Test
  void aDayAheadCurvePublishedAfterTheDecisionIsRefused() {
    DayAheadCurve late = DayAheadCurve.of(min(-1), min(0), 15, new double[] {1, 2});
    assertThatThrownBy(() -> base().addDayAhead(late).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.dayAhead[0].publishedAt"));
  }

  @Test
  void dayAheadCurvesJoinFromTheDecidedIntervalAndTheLaterPublicationWins() {
    DayAheadCurve today = DayAheadCurve.of(min(-1440), min(-30), 15, new double[] {1, 2, 3, 4, 5});
    DayAheadCurve revised = DayAheadCurve.of(min(-600), min(15), 15, new double[] {40, 50, 60});
    PolicyContext ctx = context(base().addDayAhead(revised).addDayAhead(today).build());
    // from T: today's 3, then the revision's 40, 50, 60 (overriding today's 4 and 5)
    assertThat(ctx.dayAheadVisible()).isEqualTo(4);
    assertThat(new double[] {ctx.dayAheadUsdPerMwh(0), ctx.dayAheadUsdPerMwh(1), ctx.dayAheadUsdPerMwh(2),
        ctx.dayAheadUsdPerMwh(3)}).containsExactly(3, 40, 50, 60);
  }

  @Test
  void aDayAheadCurveOffTheIntervalGridIsRefused() {
    DayAheadCurve off = DayAheadCurve.of(min(-600), min(5), 15, new double[] {1});
    assertThatThrownBy(() -> base().addDayAhead(off).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.dayAhead[0].firstIntervalStart"));
  }

  @Test
  void aForecastMadeAfterTheDecisionIsRefused() {
    assertThatThrownBy(() -> base().forecast(new double[] {30}, min(-4)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.forecastMadeAt"));
    PolicyContext ctx = context(base().forecast(new double[] {33, 44}, min(-5)).build());
    assertThat(ctx.forecastVisible()).isEqualTo(2);
    assertThat(ctx.forecastUsdPerMwh(1)).isEqualTo(44);
    assertThatThrownBy(() -> ctx.forecastUsdPerMwh(2)).isInstanceOf(ValidationException.class);
  }

  @Test
  void aMissingHashpriceIsRefused() {
    assertThatThrownBy(() -> MarketView.builder().intervalStart(T).intervalMinutes(15).asOf(T).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.hashpriceUsdPerPhDay"));
  }
}
