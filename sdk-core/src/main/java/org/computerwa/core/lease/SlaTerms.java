package org.computerwa.core.lease;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigInteger;
import java.time.Duration;
import org.computerwa.core.ValidationException;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.TokenAmount;
import org.immutables.value.Value;

/**
 * A lease's service level: the availability promised, the downtime excused per measured period,
 * and how a shortfall is credited.
 *
 * <pre>{@code
 * SlaTerms sla = SlaTerms.builder()
 *     .minAvailabilityBps(9_950)            // 99.5 %
 *     .gracePeriod(Duration.ofMinutes(30))  // per measured period
 *     .credit(SlaCredit.builder().bpsPerShortfallBps(10).maxBps(3_000).build())
 *     .build();
 * TokenAmount credit = sla.creditFor(monthRent, 30 * 86_400, 9_870);
 * }</pre>
 *
 * <p><b>Credit formula</b> (exact, for a period of {@code P} seconds with rent {@code R}, measured
 * availability {@code A} bps, promised {@code M} bps, grace {@code G} seconds, credit rule
 * {@code k} bps per bps capped at {@code C} bps): the grace period excuses {@code G} seconds of
 * downtime, so the shortfall in bps-seconds is {@code S = max(0, (M - A) * P - G * 10000)}; the
 * credit in bps-seconds is {@code min(C * P, k * S)}; the credit is
 * {@code floor(R * min(C * P, k * S) / (10000 * P))} base units, rounded down.
 *
 * <p>Rules: availability 0 to 10 000 bps; grace not negative and at most 31 days.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSlaTerms.class)
@JsonDeserialize(as = ImmutableSlaTerms.class)
public abstract class SlaTerms {
  private static final BigInteger BPS = BigInteger.valueOf(10_000);

  SlaTerms() {}

  /**
   * Promised availability.
   *
   * @return basis points, 0 to 10 000 (9 950 = 99.5 %)
   */
  public abstract int minAvailabilityBps();

  /**
   * Downtime excused in each measured period before the shortfall counts.
   *
   * @return a non-negative duration (whole seconds count)
   */
  public abstract Duration gracePeriod();

  /**
   * How a shortfall is credited.
   *
   * @return the credit rule
   */
  public abstract SlaCredit credit();

  /**
   * The credit owed to the lessee for one measured period.
   *
   * @param periodRent the rent that accrued over the period
   * @param periodSeconds the period's length in seconds, not negative; 0 gives no credit
   * @param measuredAvailabilityBps measured availability, 0 to 10 000 bps
   * @return the credit, rounded down, never more than {@code periodRent}
   * @throws ValidationException if the availability is out of range or the period negative
   */
  public TokenAmount creditFor(TokenAmount periodRent, long periodSeconds, int measuredAvailabilityBps) {
    Checks.range("measuredAvailabilityBps", measuredAvailabilityBps, 0, 10_000);
    if (periodSeconds < 0) {
      throw new ValidationException("periodSeconds", periodSeconds, "must not be negative");
    }
    if (periodSeconds == 0) {
      return TokenAmount.zero(periodRent.token());
    }
    BigInteger p = BigInteger.valueOf(periodSeconds);
    BigInteger shortfall = BigInteger.valueOf(minAvailabilityBps() - (long) measuredAvailabilityBps)
        .multiply(p)
        .subtract(BigInteger.valueOf(gracePeriod().getSeconds()).multiply(BPS))
        .max(BigInteger.ZERO);
    BigInteger creditBpsSeconds = shortfall.multiply(BigInteger.valueOf(credit().bpsPerShortfallBps()))
        .min(BigInteger.valueOf(credit().maxBps()).multiply(p));
    BigInteger units = periodRent.baseUnits().multiply(creditBpsSeconds).divide(BPS.multiply(p));
    return TokenAmount.of(units, periodRent.token());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.range("minAvailabilityBps", minAvailabilityBps(), 0, 10_000);
    if (gracePeriod().isNegative() || gracePeriod().compareTo(Duration.ofDays(31)) > 0) {
      throw new ValidationException("gracePeriod", gracePeriod(), "must be between PT0S and P31D");
    }
  }

  /** Builds {@link SlaTerms}; {@code build()} validates. */
  public static final class Builder extends ImmutableSlaTerms.Builder {
    Builder() {}
  }
}
