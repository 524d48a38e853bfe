package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class DayAheadCurveTest {
  private static final Instant PUBLISHED = Instant.parse("2024-08-20T18:30:00Z");
  private static final Instant FIRST = Instant.parse("2024-08-21T05:00:00Z");

  @Test
  void curvesWithEqualPricesInDifferentArraysAreEqual() {
    DayAheadCurve a = DayAheadCurve.of(PUBLISHED, FIRST, 15, new double[] {31.5, 28.0});
    DayAheadCurve b = new DayAheadCurve(PUBLISHED, FIRST, 15, new double[] {31.5, 28.0});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
        .isNotEqualTo(DayAheadCurve.of(PUBLISHED, FIRST, 15, new double[] {31.5, 28.5}));
    assertThat(a.toString()).isEqualTo(
        "DayAheadCurve[published 2024-08-20T18:30:00Z, 2 x 15 min from 2024-08-21T05:00:00Z]");
  }

  @Test
  void thePricesAreCopiedInAndOut() {
    double[] prices = {31.5, 28.0};
    DayAheadCurve curve = DayAheadCurve.of(PUBLISHED, FIRST, 15, prices);
    prices[0] = 999;
    curve.usdPerMwh()[1] = 999;
    assertThat(curve.usdPerMwh()).containsExactly(31.5, 28.0);
    assertThat(curve.usdPerMwh(0)).isEqualTo(31.5);
    assertThat(curve.size()).isEqualTo(2);
  }

  @Test
  void aNonFinitePriceIsRejectedWithItsIndex() {
    assertThatThrownBy(() -> new DayAheadCurve(PUBLISHED, FIRST, 15, new double[] {30, Double.NaN}))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("dayAhead.usdPerMwh[1]");
          assertThat(e.rule()).isEqualTo("must be a finite number");
        });
  }

  @Test
  void aCurvePublishedAfterItsFirstIntervalIsRejected() {
    assertThatThrownBy(() -> new DayAheadCurve(FIRST, FIRST, 15, new double[] {30}))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("dayAhead.publishedAt"));
  }

  @Test
  void anEmptyCurveAndANonPositiveIntervalAreRejected() {
    assertThatThrownBy(() -> new DayAheadCurve(PUBLISHED, FIRST, 15, new double[0]))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.rule()).isEqualTo("must hold at least one price"));
    assertThatThrownBy(() -> new DayAheadCurve(PUBLISHED, FIRST, 0, new double[] {30}))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("dayAhead.intervalMinutes"));
  }
}
