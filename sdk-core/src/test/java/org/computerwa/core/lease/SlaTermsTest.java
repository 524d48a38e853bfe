package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaTermsTest {
  private static final long MONTH = 30L * 86_400;
  private static final long RATE = 3_858;
  private static final TokenAmount MONTH_RENT = TokenAmount.ofBaseUnits(RATE * MONTH, Leases.USDC);

  /**
   * Worked by hand from the formula in SlaTerms (promised 9 950 bps, grace 1 800 s, refund at
   * 10 000 bps, cap 3 000 bps, 30 days at 3 858 per second): at 9 870 bps the downtime is
   * floor(2 592 000 * 130 / 10 000) = 33 696 s, the allowance 12 960 + 1 800 = 14 760 s, the excess
   * 18 936 s, the credit 18 936 * 3 858.
   */
  @ParameterizedTest(name = "measured {0} bps -> credit {1}")
  @CsvSource({
    "10000, 0",
    "9950, 0",          // exactly the promise
    "9945, 0",          // 1 296 s beyond the promise, inside the 30 minute grace
    "9930, 13055472",   // 3 384 excess seconds
    "9870, 73055088",   // 18 936 excess seconds
    "5000, 2999980800", // capped at 3 000 bps of the rent
    "0, 2999980800"
  })
  void creditsExcessDowntimeAtTheAgreedRateUpToTheCap(int measuredBps, long credit) {
    assertThat(Leases.SLA.creditFor(MONTH_RENT, MONTH, measuredBps).baseUnits()).isEqualTo(credit);
  }

  @Test
  void aCreditRateAboveTenThousandBpsMultipliesTheRefund() {
    SlaTerms doubled = SlaTerms.builder().from(Leases.SLA)
        .credit(SlaCredit.builder().creditBps(20_000).maxBps(3_000).build()).build();
    assertThat(doubled.creditFor(MONTH_RENT, MONTH, 9_870).baseUnits()).isEqualTo(2 * 73_055_088L);
  }

  /** The lease manager contract refunds (floor(P * (10000 - A) / 10000) - grace) * rate. */
  @Test
  void withAFullPromiseAndFullRefundItMatchesTheOnChainRule() {
    long seed = Seeds.seed("SlaTermsTest.matchesOnChainRule");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      long period = random.nextLong(1, 90L * 86_400);
      long rate = random.nextLong(0, 1L << 40);
      long grace = random.nextLong(0, 86_400);
      int availability = random.nextInt(0, 10_001);
      SlaTerms sla = SlaTerms.builder()
          .minAvailabilityBps(10_000)
          .gracePeriod(Duration.ofSeconds(grace))
          .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build())
          .build();
      long downtime = period * (10_000 - availability) / 10_000;
      long expected = downtime > grace ? (downtime - grace) * rate : 0;
      TokenAmount rent = TokenAmount.of(BigInteger.valueOf(rate).multiply(BigInteger.valueOf(period)), Leases.USDC);
      assertThat(sla.creditFor(rent, period, availability).baseUnits())
          .as("seed %d: period %d, rate %d, grace %d, availability %d", seed, period, rate, grace, availability)
          .isEqualTo(expected);
    }
  }

  @Test
  void anEmptyPeriodEarnsNoCredit() {
    assertThat(Leases.SLA.creditFor(MONTH_RENT, 0, 0).isZero()).isTrue();
  }

  @Test
  void rejectsAvailabilityOutsideZeroToTenThousandAndNegativeGrace() {
    assertThatThrownBy(() -> Leases.SLA.creditFor(MONTH_RENT, MONTH, 10_001))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("measuredAvailabilityBps"));
    assertThatThrownBy(() -> SlaTerms.builder().from(Leases.SLA).gracePeriod(Duration.ofSeconds(-1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("gracePeriod"));
  }
}
