package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class PeriodScoreTest {
  private static final Instant FROM = Instant.parse("2023-07-01T05:00:00Z");
  private static final Instant TO = Instant.parse("2023-10-01T05:00:00Z");

  @Test
  void theSharesAreComputedFromTheThreeProfits() {
    PeriodScore q = new PeriodScore("2023Q3", FROM, TO, 8832, "adaptive", 130, 100, 200, 4);
    assertThat(q.capturedFlexibilityValue()).isEqualTo(0.3);
    assertThat(q.gainOverAlwaysMineUsd()).isEqualTo(30);
  }

  @Test
  void anEmptyOrReversedPeriodIsRejected() {
    assertThatThrownBy(() -> new PeriodScore("q", FROM, TO, 0, "p", 1, 1, 1, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("periodScore.intervals"));
    assertThatThrownBy(() -> new PeriodScore("q", TO, FROM, 1, "p", 1, 1, 1, 0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodScore.to"));
  }

  @Test
  void aNonFiniteProfitOrNegativeSwitchCountIsRejectedByName() {
    assertThatThrownBy(() -> new PeriodScore("q", FROM, TO, 1, "p", 1, Double.NaN, 1, 0))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("periodScore.alwaysMineProfitUsd");
          assertThat(e.rule()).isEqualTo("must be a finite number");
        });
    assertThatThrownBy(() -> new PeriodScore("q", FROM, TO, 1, "p", 1, 1, 1, -1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("periodScore.switches"));
  }
}
