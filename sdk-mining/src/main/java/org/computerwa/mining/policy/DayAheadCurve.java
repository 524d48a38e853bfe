package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.computerwa.core.ValidationException;

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
 * @since 0.2.0
 */
public final class DayAheadCurve {
  private final Instant publishedAt;
  private final Instant firstIntervalStart;
  private final int intervalMinutes;
  private final double[] usdPerMwh;

  private DayAheadCurve(Instant publishedAt, Instant first, int minutes, double[] prices) {
    this.publishedAt = publishedAt;
    this.firstIntervalStart = first;
    this.intervalMinutes = minutes;
    this.usdPerMwh = prices;
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
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(firstIntervalStart, "firstIntervalStart");
    if (intervalMinutes <= 0) {
      throw new ValidationException("dayAhead.intervalMinutes", intervalMinutes, "must be > 0");
    }
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
    return new DayAheadCurve(publishedAt, firstIntervalStart, intervalMinutes, usdPerMwh.clone());
  }

  /**
   * When the market published the curve.
   *
   * @return the instant
   */
  public Instant publishedAt() {
    return publishedAt;
  }

  /**
   * Start of the first priced interval.
   *
   * @return the instant
   */
  public Instant firstIntervalStart() {
    return firstIntervalStart;
  }

  /**
   * Length of each interval.
   *
   * @return minutes
   */
  public int intervalMinutes() {
    return intervalMinutes;
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
  public boolean equals(Object o) {
    return o instanceof DayAheadCurve c && publishedAt.equals(c.publishedAt)
        && firstIntervalStart.equals(c.firstIntervalStart) && intervalMinutes == c.intervalMinutes
        && Arrays.equals(usdPerMwh, c.usdPerMwh);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publishedAt, firstIntervalStart, intervalMinutes) * 31 + Arrays.hashCode(usdPerMwh);
  }

  @Override
  public String toString() {
    return "DayAheadCurve[published " + publishedAt + ", " + usdPerMwh.length + " x " + intervalMinutes
        + " min from " + firstIntervalStart + "]";
  }
}
