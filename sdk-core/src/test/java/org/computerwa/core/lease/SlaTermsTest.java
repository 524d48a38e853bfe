package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaTermsTest {
  private static final long MONTH = 30L * 86_400;
  /** 3 858 base units per second over 30 days. */
  private static final TokenAmount MONTH_RENT = TokenAmount.ofBaseUnits(3_858L * MONTH, Leases.USDC);

  /**
   * Worked by hand from the formula in SlaTerms (promised 9 950 bps, grace 1 800 s, 10 bps per bps,
   * cap 3 000 bps, rent 9 999 936 000): at 9 870 bps, S = 80 * 2 592 000 - 1 800 * 10 000 =
   * 189 360 000 bps-s, credit = floor(9 999 936 000 * 1 893 600 000 / 25 920 000 000).
   */
  @ParameterizedTest(name = "measured {0} bps -> credit {1}")
  @CsvSource({
    "10000, 0",
    "9950, 0",
    "9945, 0",          // 5 bps short = 1 296 s of downtime, inside the 30 minute grace
    "9870, 730550880",
    "5000, 2999980800", // capped at 3 000 bps of the rent
    "0, 2999980800"
  })
  void creditsTheShortfallBeyondGraceAtTheAgreedRateUpToTheCap(int measuredBps, long credit) {
    assertThat(Leases.SLA.creditFor(MONTH_RENT, MONTH, measuredBps).baseUnits()).isEqualTo(credit);
  }

  @Test
  void anEmptyPeriodEarnsNoCredit() {
    assertThat(Leases.SLA.creditFor(MONTH_RENT, 0, 0).isZero()).isTrue();
  }

  @Test
  void rejectsAvailabilityOutsideZeroToTenThousand() {
    assertThatThrownBy(() -> Leases.SLA.creditFor(MONTH_RENT, MONTH, 10_001))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("measuredAvailabilityBps"));
    assertThatThrownBy(() -> SlaTerms.builder().from(Leases.SLA).gracePeriod(Duration.ofSeconds(-1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("gracePeriod"));
  }
}
