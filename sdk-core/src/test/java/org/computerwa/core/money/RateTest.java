package org.computerwa.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class RateTest {
  private static final Token USDC = Token.of("USDC", 6);
  private static final Rate RATE = Rate.of(BigInteger.valueOf(385), USDC);

  @Test
  void accruesRateTimesWholeSeconds() {
    assertThat(RATE.accrue(Duration.ofHours(1)).baseUnits()).isEqualTo(385L * 3600);
    assertThat(RATE.accrue(Duration.ofMillis(1999)).baseUnits()).isEqualTo(385);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RATE.accrue(start, start.plusSeconds(86_400)).baseUnits()).isEqualTo(385L * 86_400);
  }

  @Test
  void countsWholeSecondTicksCrossedBetweenInstants() {
    Instant a = Instant.parse("2026-01-01T00:00:00.900Z");
    assertThat(RATE.accrue(a, a.plusMillis(50)).isZero()).isTrue();
    assertThat(RATE.accrue(a, a.plusMillis(150)).baseUnits()).isEqualTo(385);
  }

  @Test
  void accrualIsAdditiveOverAdjacentIntervals() {
    long seed = Seeds.seed("RateTest.accrualAdditive");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      Rate rate = Rate.of(BigInteger.valueOf(random.nextLong(0, 1L << 40)), USDC);
      Instant a = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
      Instant b = a.plusNanos(random.nextLong(0, 10_000_000_000_000L));
      Instant c = b.plusNanos(random.nextLong(0, 10_000_000_000_000L));
      assertThat(rate.accrue(a, b).plus(rate.accrue(b, c)))
          .as("seed %d: %s over %s..%s..%s", seed, rate, a, b, c)
          .isEqualTo(rate.accrue(a, c));
    }
  }

  @Test
  void spreadingATotalRoundsTheRateDown() {
    TokenAmount monthly = TokenAmount.parse("1000", USDC);
    Rate rate = Rate.spreading(monthly, Duration.ofDays(30));
    assertThat(rate.baseUnitsPerSecond()).isEqualTo(BigInteger.valueOf(1_000_000_000L / 2_592_000L));
    assertThat(rate.accrue(Duration.ofDays(30))).isLessThanOrEqualTo(monthly);
  }

  @Test
  void secondsCoveredIsTheFloorOfAmountOverRate() {
    assertThat(RATE.secondsCoveredBy(TokenAmount.ofBaseUnits(385 * 10 + 384, USDC))).isEqualTo(10);
    assertThat(Rate.of(BigInteger.ZERO, USDC).secondsCoveredBy(TokenAmount.ofBaseUnits(1, USDC))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rejectsIntervalsThatRunBackwardsAndNegativeRates() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> RATE.accrue(t, t.minusSeconds(1)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThatThrownBy(() -> RATE.accrue(Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Rate.of(BigInteger.valueOf(-1), USDC))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("baseUnitsPerSecond"));
  }

  @Test
  void accrualInAnotherTokenCannotBeCompared() {
    Rate dai = Rate.of(BigInteger.ONE, Token.of("DAI", 18));
    assertThatThrownBy(() -> dai.secondsCoveredBy(TokenAmount.ofBaseUnits(1, USDC))).isInstanceOf(MixedTokenException.class);
  }
}
