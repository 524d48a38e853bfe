package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A regular series of power prices: the realised (settled) real-time price of each interval and,
 * when known, its day-ahead price.
 *
 * <pre>{@code
 * PriceSeries prices = PriceSeries.of(starts, realTime, dayAhead); // dayAhead may be null
 * MarketReplay replay = MarketReplay.builder().prices(prices)
 *     .rules(MarketRules.ercot(Duration.ofMinutes(5))).decisionLead(Duration.ofMinutes(5))
 *     .scenario(Scenario.constant(50, 0)).build();
 * }</pre>
 *
 * <p>Intervals are given by their start instants, strictly increasing on a fixed step of whole
 * minutes. The series itself holds every price; a {@link MarketReplay} built on it shows a policy
 * only those published at decision time.
 *
 * @since 0.1.0
 */
public final class PriceSeries {
  private final long[] startEpochSeconds;
  private final double[] realTime;
  private final double @Nullable [] dayAhead;
  private final int intervalMinutes;

  private PriceSeries(long[] starts, double[] realTime, double @Nullable [] dayAhead, int minutes) {
    this.startEpochSeconds = starts;
    this.realTime = realTime;
    this.dayAhead = dayAhead;
    this.intervalMinutes = minutes;
  }

  /**
   * Creates a series; the arrays are copied.
   *
   * @param starts interval start instants, at least one, strictly increasing on a fixed step of
   *     whole minutes
   * @param realTimeUsdPerMwh realised price of each interval, finite
   * @param dayAheadUsdPerMwh day-ahead price of each interval, finite, or {@code null} when the
   *     market has none
   * @return the series
   * @throws ValidationException naming the first offending row
   */
  public static PriceSeries of(
      List<Instant> starts, double[] realTimeUsdPerMwh, double @Nullable [] dayAheadUsdPerMwh) {
    int n = starts.size();
    if (n == 0) {
      throw new ValidationException("prices", 0, "must hold at least one interval");
    }
    if (realTimeUsdPerMwh.length != n) {
      throw new ValidationException("prices.realTime", realTimeUsdPerMwh.length, "must have one price per interval (" + n + ")");
    }
    if (dayAheadUsdPerMwh != null && dayAheadUsdPerMwh.length != n) {
      throw new ValidationException("prices.dayAhead", dayAheadUsdPerMwh.length, "must have one price per interval (" + n + ")");
    }
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = starts.get(i).getEpochSecond();
      finite("prices[" + i + "].realTime", realTimeUsdPerMwh[i]);
      if (dayAheadUsdPerMwh != null) {
        finite("prices[" + i + "].dayAhead", dayAheadUsdPerMwh[i]);
      }
    }
    long step = n > 1 ? s[1] - s[0] : 900;
    if (step <= 0 || step % 60 != 0) {
      throw new ValidationException("prices[1].timestamp", starts.get(1), "must follow the previous row by a positive whole number of minutes");
    }
    for (int i = 1; i < n; i++) {
      if (s[i] - s[i - 1] != step) {
        throw new ValidationException("prices[" + i + "].timestamp", starts.get(i),
            "must follow the previous row by the series step (" + step / 60 + " min): no gaps, duplicates or disorder");
      }
    }
    return new PriceSeries(s, realTimeUsdPerMwh.clone(),
        dayAheadUsdPerMwh == null ? null : dayAheadUsdPerMwh.clone(), (int) (step / 60));
  }

  private static void finite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new ValidationException(field, v, "must be a finite number");
    }
  }

  /**
   * Number of intervals.
   *
   * @return the size
   */
  public int size() {
    return realTime.length;
  }

  /**
   * Length of every interval.
   *
   * @return minutes
   */
  public int intervalMinutes() {
    return intervalMinutes;
  }

  /**
   * Start of an interval.
   *
   * @param index interval index
   * @return the start instant
   */
  public Instant start(int index) {
    return Instant.ofEpochSecond(startEpochSeconds[index]);
  }

  /**
   * End of an interval (start of the next).
   *
   * @param index interval index
   * @return the end instant
   */
  public Instant end(int index) {
    return Instant.ofEpochSecond(startEpochSeconds[index] + intervalMinutes * 60L);
  }

  /**
   * Realised price of an interval; for scoring, never for deciding.
   *
   * @param index interval index
   * @return USD/MWh
   */
  public double realTimeUsdPerMwh(int index) {
    return realTime[index];
  }

  /**
   * Whether the series carries day-ahead prices.
   *
   * @return {@code true} if it does
   */
  public boolean hasDayAhead() {
    return dayAhead != null;
  }

  /**
   * Day-ahead price of an interval, if the series has them.
   *
   * @param index interval index
   * @return USD/MWh, or empty
   */
  public Optional<Double> dayAheadUsdPerMwh(int index) {
    return dayAhead == null ? Optional.empty() : Optional.of(dayAhead[index]);
  }

  /**
   * A contiguous part of this series.
   *
   * @param from first index, inclusive
   * @param to last index, exclusive, {@code > from}
   * @return the sub-series
   */
  public PriceSeries slice(int from, int to) {
    if (from < 0 || to > size() || to <= from) {
      throw new ValidationException("slice", from + ".." + to, "must be a non-empty range within 0.." + size());
    }
    return new PriceSeries(java.util.Arrays.copyOfRange(startEpochSeconds, from, to),
        java.util.Arrays.copyOfRange(realTime, from, to),
        dayAhead == null ? null : java.util.Arrays.copyOfRange(dayAhead, from, to), intervalMinutes);
  }

  double rt(int index) {
    return realTime[index];
  }

  double da(int index) {
    double[] d = dayAhead;
    if (d == null) {
      throw new IllegalStateException("no day-ahead prices");
    }
    return d[index];
  }

  long startSecond(int index) {
    return startEpochSeconds[index];
  }

  /** The backing arrays, shared with replay views that never write to them. */
  long[] startsArray() {
    return startEpochSeconds;
  }

  double[] realTimeArray() {
    return realTime;
  }

  double @Nullable [] dayAheadArray() {
    return dayAhead;
  }
}
