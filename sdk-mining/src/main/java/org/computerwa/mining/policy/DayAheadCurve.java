package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A day-ahead price curve as the market published it: consecutive interval prices from a first
 * interval on, and when they became known.
 *
 * <pre>{@code
 * // ERCOT publishes the operating day's DAM prices around 13:30 Central the day before
 * DayAheadCurve tomorrow = DayAheadCurve.of(Instant.parse("2024-08-20T18:30:00Z"),
 *     Instant.parse("2024-08-21T05:00:00Z"), 15, pricesOf96Intervals);
 * }</pre>
 *
 * <p>The record holds its own copy of the prices and hands out copies, so {@link #equals} and
 * {@link #hashCode} compare the prices, not the array's identity; {@link #usdPerMwh(int)} reads
 * one price without a copy.
 *
 * @param publishedAt when the market published the curve, before {@code firstIntervalStart}
 * @param firstIntervalStart start of the first priced interval
 * @param intervalMinutes length of each interval, {@code > 0}
 * @param usdPerMwh one finite price per interval, at least one; copied in and out
 * @since 0.2.0
 */
public record DayAheadCurve(Instant publishedAt, Instant firstIntervalStart, int intervalMinutes,
    double[] usdPerMwh) {
  /**
   * Validates the curve and copies the prices.
   *
   * @throws ValidationException naming the offending field, its value and the rule
   * @throws NullPointerException if a component is null
   */
  public DayAheadCurve {
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(firstIntervalStart, "firstIntervalStart");
    if (intervalMinutes <= 0) {
      throw new ValidationException("dayAhead.intervalMinutes", intervalMinutes, "must be > 0");
    }
    usdPerMwh = Objects.requireNonNull(usdPerMwh, "usdPerMwh").clone();
    if (usdPerMwh.length == 0) {
      throw new ValidationException("dayAhead.usdPerMwh", 0, "must hold at least one price");
    }
    for (int i = 0; i < usdPerMwh.length; i++) {
      if (!Double.isFinite(usdPerMwh[i])) {
        throw new ValidationException("dayAhead.usdPerMwh[" + i + "]", usdPerMwh[i], "must be a finite number");
      }
    }
    if (!publishedAt.isBefore(firstIntervalStart)) {
      throw new ValidationException("dayAhead.publishedAt", publishedAt,
          "must precede the first priced interval " + firstIntervalStart + ": a day-ahead price is published ahead");
    }
  }

  /**
   * Creates a curve; the array is copied.
   *
   * @param publishedAt when the market published it
   * @param firstIntervalStart start of the first priced interval, after {@code publishedAt}
   * @param intervalMinutes length of each interval, {@code > 0}
   * @param usdPerMwh one finite price per interval, at least one
   * @return the curve
   * @throws ValidationException naming the offending field
   */
  public static DayAheadCurve of(Instant publishedAt, Instant firstIntervalStart, int intervalMinutes,
      double[] usdPerMwh) {
    return new DayAheadCurve(publishedAt, firstIntervalStart, intervalMinutes, usdPerMwh);
  }

  /**
   * Every interval price.
   *
   * @return a copy of the prices, USD/MWh
   */
  @Override
  public double[] usdPerMwh() {
    return usdPerMwh.clone();
  }

  /**
   * Number of priced intervals.
   *
   * @return at least 1
   */
  public int size() {
    return usdPerMwh.length;
  }

  /**
   * The price of one interval.
   *
   * @param i 0 for the first interval
   * @return USD/MWh
   */
  public double usdPerMwh(int i) {
    return usdPerMwh[i];
  }

  long firstStartSecond() {
    return firstIntervalStart.getEpochSecond();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DayAheadCurve c && publishedAt.equals(c.publishedAt)
        && firstIntervalStart.equals(c.firstIntervalStart) && intervalMinutes == c.intervalMinutes
        && Arrays.equals(usdPerMwh, c.usdPerMwh);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publishedAt, firstIntervalStart, intervalMinutes) * 31 + Arrays.hashCode(usdPerMwh);
  }

  /**
   * A summary: the prices are counted, not listed.
   *
   * @return for example {@code "DayAheadCurve[published ..., 96 x 15 min from ...]"}
   */
  @Override
  public String toString() {
    return "DayAheadCurve[published " + publishedAt + ", " + usdPerMwh.length + " x " + intervalMinutes
        + " min from " + firstIntervalStart + "]";
  }
}
