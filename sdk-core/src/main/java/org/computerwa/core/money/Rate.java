package org.computerwa.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A streaming price: a whole number of base units of one token per second.
 *
 * <pre>{@code
 * Rate rate = Rate.of(BigInteger.valueOf(385), usdc);
 * rate.accrue(Duration.ofHours(1));                 // 1 386 000 base units
 * rate.accrue(leaseStart, Instant.now());            // what has accrued so far
 * Rate.spreading(monthlyPrice, Duration.ofDays(30)); // floor(price / seconds) per second
 * }</pre>
 *
 * <p><b>Rounding.</b> Accrual counts whole seconds and is exact: between two instants it is
 * {@code rate * (to.getEpochSecond() - from.getEpochSecond())}, the whole-second ticks crossed, as
 * a chain that stamps blocks in whole seconds would count them. Sub-second parts never accrue on
 * their own, so accrual over adjacent intervals always adds up to accrual over their union. For a
 * {@link Duration} it is {@code rate * duration.getSeconds()} (the fraction of a second dropped).
 * In JSON a rate is {@code {"token":{...},"baseUnitsPerSecond":"385"}}.
 *
 * @param baseUnitsPerSecond base units that accrue per second, 0 to 2^256 - 1
 * @param token the token the rate is paid in
 * @since 0.1.0
 */
@JsonPropertyOrder({"token", "baseUnitsPerSecond"})
public record Rate(BigInteger baseUnitsPerSecond, Token token) {
  /**
   * Checks a rate; {@link #of}, {@link #perSecond} and {@link #spreading} are the documented entry
   * points.
   *
   * @param baseUnitsPerSecond base units per second, 0 to 2^256 - 1
   * @param token the token
   * @throws ValidationException (field {@code token} or {@code baseUnitsPerSecond}) if missing,
   *     negative or too large
   */
  public Rate {
    if (token == null) {
      throw new ValidationException("token", null, "is required");
    }
    TokenAmount.checkBaseUnits("baseUnitsPerSecond", baseUnitsPerSecond);
  }

  /**
   * A rate in base units per second.
   *
   * @param baseUnitsPerSecond base units per second, 0 to 2^256 - 1
   * @param token the token
   * @return the rate
   * @throws ValidationException (field {@code baseUnitsPerSecond}) if negative or too large
   */
  @JsonCreator
  public static Rate of(
      @JsonProperty("baseUnitsPerSecond") @Nullable BigInteger baseUnitsPerSecond,
      @JsonProperty("token") @Nullable Token token) {
    return new Rate(baseUnitsPerSecond, token);
  }

  /**
   * A rate of the given amount per second.
   *
   * @param perSecond the amount that accrues each second
   * @return the rate
   */
  public static Rate perSecond(TokenAmount perSecond) {
    return new Rate(perSecond.baseUnits(), perSecond.token());
  }

  /**
   * The largest whole per-second rate that does not exceed {@code total} over {@code period}:
   * {@code floor(total / seconds)}. The dropped remainder is at most {@code seconds - 1} base
   * units over the whole period.
   *
   * @param total the amount to spread
   * @param period the period, at least one second
   * @return the rate
   * @throws ValidationException (field {@code period}) if the period is shorter than one second
   */
  public static Rate spreading(TokenAmount total, Duration period) {
    if (period.getSeconds() < 1) {
      throw new ValidationException("period", period, "must be at least one second");
    }
    return new Rate(total.baseUnits().divide(BigInteger.valueOf(period.getSeconds())), total.token());
  }

  /**
   * Base units that accrue per second.
   *
   * @return base units per second, never negative
   */
  @JsonProperty("baseUnitsPerSecond")
  public BigInteger baseUnitsPerSecond() {
    return baseUnitsPerSecond;
  }

  /**
   * The token the rate is paid in.
   *
   * @return the token
   */
  @JsonProperty("token")
  public Token token() {
    return token;
  }

  /**
   * Whether nothing accrues.
   *
   * @return {@code true} for a rate of zero
   */
  public boolean isZero() {
    return baseUnitsPerSecond.signum() == 0;
  }

  /**
   * What accrues over a duration: {@code rate * duration.getSeconds()}.
   *
   * @param duration a non-negative duration
   * @return the accrued amount
   * @throws ValidationException (field {@code duration}) if negative
   */
  public TokenAmount accrue(Duration duration) {
    if (duration.isNegative()) {
      throw new ValidationException("duration", duration, "must not be negative");
    }
    return accrueSeconds(duration.getSeconds());
  }

  /**
   * What accrues from one instant to a later one: {@code rate * (to.getEpochSecond() -
   * from.getEpochSecond())}.
   *
   * @param from the start of the interval
   * @param to the end of the interval, not before {@code from}
   * @return the accrued amount
   * @throws ValidationException (field {@code to}) if {@code to} is before {@code from}
   */
  public TokenAmount accrue(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new ValidationException("to", to, "must not be before from (" + from + ")");
    }
    return accrueSeconds(to.getEpochSecond() - from.getEpochSecond());
  }

  /**
   * What accrues over a whole number of seconds.
   *
   * @param seconds seconds, not negative
   * @return {@code rate * seconds}
   * @throws ValidationException (field {@code seconds}) if negative
   */
  public TokenAmount accrueSeconds(long seconds) {
    if (seconds < 0) {
      throw new ValidationException("seconds", seconds, "must not be negative");
    }
    return TokenAmount.of(baseUnitsPerSecond.multiply(BigInteger.valueOf(seconds)), token);
  }

  /**
   * How many whole seconds an amount pays for at this rate: {@code floor(amount / rate)}.
   *
   * @param amount an amount of the same token
   * @return whole seconds covered; {@link Long#MAX_VALUE} when the rate is zero (forever) or the
   *     count does not fit in a {@code long}
   * @throws MixedTokenException if the amount is of another token
   */
  public long secondsCoveredBy(TokenAmount amount) {
    MixedTokenException.requireSame("token", token, amount.token());
    if (isZero()) {
      return Long.MAX_VALUE;
    }
    BigInteger seconds = amount.baseUnits().divide(baseUnitsPerSecond);
    return seconds.bitLength() < 63 ? seconds.longValueExact() : Long.MAX_VALUE;
  }

  /** Renders the rate as {@code "385 base units of USDC per second"}. */
  @Override
  public String toString() {
    return baseUnitsPerSecond + " base units of " + token.symbol() + " per second";
  }
}
