package org.computerwa.mining.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * When a market publishes its prices: the day-ahead results of an operating day at a local time on
 * the day before, and each settled real-time price some delay after its interval ends. A replay
 * ({@link MarketReplay}) uses these rules to show a policy exactly what a live feed would have
 * shown at the same moment.
 *
 * <pre>{@code
 * // ERCOT: DAM results around 13:30 America/Chicago the day before; RT prices 5 min after the interval
 * MarketRules ercot = MarketRules.ercot(Duration.ofMinutes(5));
 * MarketRules rtOnly = MarketRules.realTimeOnly(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>An operating day is a calendar day in the market's zone; around daylight-saving changes it
 * has 23 or 25 hours. Day-ahead prices of an operating day become visible at its publication
 * instant and not a second earlier.
 *
 * @since 0.2.0
 */
public final class MarketRules {
  /** ERCOT's time zone. */
  public static final ZoneId ERCOT_ZONE = ZoneId.of("America/Chicago");
  /** ERCOT's usual DAM publication time for the next operating day, local. */
  public static final LocalTime ERCOT_DAY_AHEAD_PUBLICATION = LocalTime.of(13, 30);

  private final ZoneId zone;
  private final @Nullable LocalTime dayAheadPublication;
  private final Duration realTimePublicationDelay;

  private MarketRules(ZoneId zone, @Nullable LocalTime dayAheadPublication, Duration delay) {
    this.zone = zone;
    this.dayAheadPublication = dayAheadPublication;
    this.realTimePublicationDelay = delay;
  }

  /**
   * ERCOT's rules: DAM results at 13:30 America/Chicago the day before the operating day.
   *
   * @param realTimePublicationDelay how long after an interval ends its settled price is
   *     published, {@code >= 0}
   * @return the rules
   */
  public static MarketRules ercot(Duration realTimePublicationDelay) {
    return of(ERCOT_ZONE, ERCOT_DAY_AHEAD_PUBLICATION, realTimePublicationDelay);
  }

  /**
   * A market with a day-ahead auction.
   *
   * @param zone the zone in which operating days and the publication time are read
   * @param dayAheadPublication local time, on the day before the operating day, of publication
   * @param realTimePublicationDelay how long after an interval ends its settled price is
   *     published, {@code >= 0}
   * @return the rules
   * @throws ValidationException if the delay is negative
   */
  public static MarketRules of(ZoneId zone, LocalTime dayAheadPublication, Duration realTimePublicationDelay) {
    return new MarketRules(Objects.requireNonNull(zone, "zone"),
        Objects.requireNonNull(dayAheadPublication, "dayAheadPublication"), checked(realTimePublicationDelay));
  }

  /**
   * A market whose day-ahead prices, if any, are not used.
   *
   * @param realTimePublicationDelay how long after an interval ends its settled price is
   *     published, {@code >= 0}
   * @return the rules
   */
  public static MarketRules realTimeOnly(Duration realTimePublicationDelay) {
    return new MarketRules(ZoneId.of("UTC"), null, checked(realTimePublicationDelay));
  }

  private static Duration checked(Duration delay) {
    Objects.requireNonNull(delay, "realTimePublicationDelay");
    if (delay.isNegative()) {
      throw new ValidationException("market.realTimePublicationDelay", delay, "must be >= 0");
    }
    return delay;
  }

  /**
   * Whether the market publishes day-ahead prices that policies may use.
   *
   * @return {@code true} if it does
   */
  public boolean hasDayAhead() {
    return dayAheadPublication != null;
  }

  /**
   * How long after an interval ends its settled real-time price is published.
   *
   * @return the delay
   */
  public Duration realTimePublicationDelay() {
    return realTimePublicationDelay;
  }

  /**
   * The market's zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * When the day-ahead prices of an operating day are published.
   *
   * @param operatingDay the day, in the market's zone
   * @return the instant
   * @throws ValidationException if the market has no day-ahead prices
   */
  public Instant dayAheadPublication(LocalDate operatingDay) {
    LocalTime at = dayAheadPublication;
    if (at == null) {
      throw new ValidationException("market.dayAheadPublication", null, "is not defined: this market has no day-ahead prices");
    }
    return ZonedDateTime.of(operatingDay.minusDays(1), at, zone).toInstant();
  }

  /**
   * The end of the last operating day whose day-ahead prices are published at {@code asOf}:
   * day-ahead prices of intervals starting before it are known.
   *
   * @param asOf the moment of the decision
   * @return the instant, or {@code asOf}'s own time when there are no day-ahead prices
   */
  public Instant dayAheadKnownUntil(Instant asOf) {
    LocalTime at = dayAheadPublication;
    if (at == null) {
      return asOf;
    }
    ZonedDateTime local = asOf.atZone(zone);
    LocalDate lastPublished = local.toLocalTime().isBefore(at) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    return lastPublished.plusDays(1).atStartOfDay(zone).toInstant();
  }

  @Override
  public String toString() {
    return dayAheadPublication == null
        ? "MarketRules[real-time only, settled prices " + realTimePublicationDelay + " after the interval]"
        : "MarketRules[day-ahead at " + dayAheadPublication + " " + zone + " the day before, settled prices "
            + realTimePublicationDelay + " after the interval]";
  }
}
