package org.computerwa.mining.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What the market has published at the moment an interval is decided: the caller's input to
 * {@link LoadController#decide(MarketView)}. Live, build it from a feed with {@link #builder()};
 * in a replay {@link MarketReplay} builds the same thing from a price file, so a policy cannot
 * tell the two apart.
 *
 * <pre>{@code
 * MarketView view = MarketView.builder()
 *     .intervalStart(Instant.parse("2024-08-21T00:30:00Z")).intervalMinutes(15)
 *     .asOf(Instant.parse("2024-08-21T00:25:00Z"))          // the command goes out 5 min ahead
 *     .settled(feed.settledSince(dayAgo))                    // SettledPrice: interval, publication, price
 *     .addDayAhead(feed.dayAheadCurve(today))                // DayAheadCurve with its publication time
 *     .hashpriceUsdPerPhDay(50)
 *     .build();
 * }</pre>
 *
 * <p><b>No invented prices.</b> The builder refuses anything that was not published at
 * {@code asOf}: a settled price published later, or before its interval ended; a day-ahead curve
 * published later; a forecast made later. The decision time itself comes before the interval
 * starts. Settled prices are consecutive intervals, oldest first, all before the decided one
 * (a gap in a feed is the caller's to fill or to cut off, never the engine's to guess). The view
 * shows the day-ahead prices of consecutive intervals from the decided one on, as far as the
 * given curves reach without a gap; where curves overlap, the later publication wins.
 *
 * @since 0.2.0
 */
public final class MarketView {
  private final long intervalStartSecond;
  private final int intervalMinutes;
  private final Instant asOf;
  // Settled prices: entries [settledEnd - settledCount, settledEnd) of the arrays, oldest first.
  private final long[] settledStarts;
  private final double[] settledPrices;
  private final int settledEnd;
  private final int settledCount;
  // Day-ahead prices: entries [dayAheadFrom, dayAheadFrom + dayAheadCount), from the decided interval on.
  private final double[] dayAhead;
  private final int dayAheadFrom;
  private final int dayAheadCount;
  private final double hashpriceUsdPerPhDay;
  private final double aiMarginUsdPerMwh;
  private final double[] forecast;
  private final @Nullable Instant forecastMadeAt;

  MarketView(long intervalStartSecond, int intervalMinutes, Instant asOf, long[] settledStarts,
      double[] settledPrices, int settledEnd, int settledCount, double[] dayAhead, int dayAheadFrom,
      int dayAheadCount, double hashprice, double aiMargin, double[] forecast, @Nullable Instant forecastMadeAt) {
    this.intervalStartSecond = intervalStartSecond;
    this.intervalMinutes = intervalMinutes;
    this.asOf = asOf;
    this.settledStarts = settledStarts;
    this.settledPrices = settledPrices;
    this.settledEnd = settledEnd;
    this.settledCount = settledCount;
    this.dayAhead = dayAhead;
    this.dayAheadFrom = dayAheadFrom;
    this.dayAheadCount = dayAheadCount;
    this.hashpriceUsdPerPhDay = hashprice;
    this.aiMarginUsdPerMwh = aiMargin;
    this.forecast = forecast;
    this.forecastMadeAt = forecastMadeAt;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Start of the interval to decide.
   *
   * @return the instant
   */
  public Instant intervalStart() {
    return Instant.ofEpochSecond(intervalStartSecond);
  }

  /**
   * Length of the interval.
   *
   * @return minutes
   */
  public int intervalMinutes() {
    return intervalMinutes;
  }

  /**
   * The moment of the decision: everything in the view was published by then.
   *
   * @return the instant, not after {@link #intervalStart()}
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * How long before the interval starts the decision is made.
   *
   * @return a duration {@code >= 0}
   */
  public Duration decisionLead() {
    return Duration.between(asOf, intervalStart());
  }

  /**
   * Number of settled prices in the view.
   *
   * @return the count
   */
  public int settledCount() {
    return settledCount;
  }

  /**
   * Number of published day-ahead prices from the decided interval on.
   *
   * @return the count
   */
  public int dayAheadCount() {
    return dayAheadCount;
  }

  /**
   * Today's hashprice.
   *
   * @return USD per (PH/s) per day
   */
  public double hashpriceUsdPerPhDay() {
    return hashpriceUsdPerPhDay;
  }

  /**
   * AI compute margin before power.
   *
   * @return USD/MWh
   */
  public double aiMarginUsdPerMwh() {
    return aiMarginUsdPerMwh;
  }

  long intervalStartSecond() {
    return intervalStartSecond;
  }

  /** Settled price {@code lag} (1 = most recent) back; the caller has checked the range. */
  double settled(int lag) {
    return settledPrices[settledEnd - lag];
  }

  long settledStartSecond(int lag) {
    return settledStarts[settledEnd - lag];
  }

  double dayAhead(int ahead) {
    return dayAhead[dayAheadFrom + ahead];
  }

  int forecastCount() {
    return forecast.length;
  }

  double forecast(int ahead) {
    return forecast[ahead];
  }

  @Nullable Instant forecastMadeAt() {
    return forecastMadeAt;
  }

  @Override
  public String toString() {
    return "MarketView[interval " + intervalStart() + " (" + intervalMinutes + " min), as of " + asOf + ", "
        + settledCount + " settled, " + dayAheadCount + " day-ahead, hashprice " + hashpriceUsdPerPhDay + "]";
  }

  /**
   * Builds a {@link MarketView} from what a live feed has published.
   *
   * <pre>{@code
   * MarketView.builder().intervalStart(t).intervalMinutes(15).asOf(now).settled(prices)
   *     .hashpriceUsdPerPhDay(50).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Instant intervalStart;
    private int intervalMinutes;
    private @Nullable Instant asOf;
    private final List<SettledPrice> settled = new ArrayList<>();
    private final List<DayAheadCurve> curves = new ArrayList<>();
    private double hashpriceUsdPerPhDay = Double.NaN;
    private double aiMarginUsdPerMwh;
    private double[] forecast = new double[0];
    private @Nullable Instant forecastMadeAt;

    private Builder() {}

    /**
     * Start of the interval to decide, required.
     *
     * @param start the instant
     * @return this builder
     */
    public Builder intervalStart(Instant start) {
      this.intervalStart = Objects.requireNonNull(start, "intervalStart");
      return this;
    }

    /**
     * Interval length, required.
     *
     * @param minutes {@code > 0}
     * @return this builder
     */
    public Builder intervalMinutes(int minutes) {
      this.intervalMinutes = minutes;
      return this;
    }

    /**
     * The decision time, required: nothing published later may be in the view.
     *
     * @param decisionTime not after the interval start
     * @return this builder
     */
    public Builder asOf(Instant decisionTime) {
      this.asOf = Objects.requireNonNull(decisionTime, "asOf");
      return this;
    }

    /**
     * Settled prices, oldest first, consecutive intervals; replaces earlier ones.
     *
     * @param prices the prices; copied
     * @return this builder
     */
    public Builder settled(List<SettledPrice> prices) {
      this.settled.clear();
      for (SettledPrice p : prices) {
        this.settled.add(Objects.requireNonNull(p, "settled price"));
      }
      return this;
    }

    /**
     * Adds a published day-ahead curve.
     *
     * @param curve the curve
     * @return this builder
     */
    public Builder addDayAhead(DayAheadCurve curve) {
      this.curves.add(Objects.requireNonNull(curve, "dayAhead"));
      return this;
    }

    /**
     * Today's hashprice, required.
     *
     * @param usd USD per (PH/s) per day, {@code >= 0}
     * @return this builder
     */
    public Builder hashpriceUsdPerPhDay(double usd) {
      this.hashpriceUsdPerPhDay = usd;
      return this;
    }

    /**
     * AI compute margin before power; 0 unless set.
     *
     * @param usd USD/MWh, finite
     * @return this builder
     */
    public Builder aiMarginUsdPerMwh(double usd) {
      this.aiMarginUsdPerMwh = usd;
      return this;
    }

    /**
     * The caller's own price forecast for the decided interval and the following ones.
     *
     * @param usdPerMwh index 0 for the decided interval; copied
     * @param madeAt when it was made, not after {@code asOf}
     * @return this builder
     */
    public Builder forecast(double[] usdPerMwh, Instant madeAt) {
      this.forecast = usdPerMwh.clone();
      this.forecastMadeAt = Objects.requireNonNull(madeAt, "madeAt");
      return this;
    }

    /**
     * Checks and builds the view.
     *
     * @return the view
     * @throws ValidationException naming the first offending field
     */
    public MarketView build() {
      Instant start = intervalStart;
      Instant now = asOf;
      if (start == null) {
        throw new ValidationException("view.intervalStart", null, "must be set");
      }
      if (now == null) {
        throw new ValidationException("view.asOf", null, "must be set");
      }
      if (intervalMinutes <= 0) {
        throw new ValidationException("view.intervalMinutes", intervalMinutes, "must be > 0");
      }
      if (now.isAfter(start)) {
        throw new ValidationException("view.asOf", now, "must not be after the interval start " + start
            + ": the command must go out before the interval begins");
      }
      checkHashprice(hashpriceUsdPerPhDay);
      if (!Double.isFinite(aiMarginUsdPerMwh)) {
        throw new ValidationException("view.aiMarginUsdPerMwh", aiMarginUsdPerMwh, "must be finite");
      }
      long step = intervalMinutes * 60L;
      int n = settled.size();
      long[] starts = new long[n];
      double[] prices = new double[n];
      for (int i = 0; i < n; i++) {
        SettledPrice p = settled.get(i);
        String f = "view.settled[" + i + "]";
        long s = p.intervalStart().getEpochSecond();
        if (p.publishedAt().isAfter(now)) {
          throw new ValidationException(f + ".publishedAt", p.publishedAt(),
              "must not be after the decision time " + now + ": the price was not known yet");
        }
        if (p.publishedAt().getEpochSecond() < s + step) {
          throw new ValidationException(f + ".publishedAt", p.publishedAt(),
              "must not precede the end of its interval " + Instant.ofEpochSecond(s + step) + ": a price settles after its interval");
        }
        if (i > 0 && s != starts[i - 1] + step) {
          throw new ValidationException(f + ".intervalStart", p.intervalStart(),
              "must follow the previous settled interval by " + intervalMinutes + " min: oldest first, no gaps or repeats");
        }
        if (Math.floorMod(start.getEpochSecond() - s, step) != 0) {
          throw new ValidationException(f + ".intervalStart", p.intervalStart(),
              "must lie on the view's interval grid (" + intervalMinutes + " min steps back from " + start + ")");
        }
        if (s + step > start.getEpochSecond()) {
          throw new ValidationException(f + ".intervalStart", p.intervalStart(),
              "must be an interval that ended by " + start + ": only earlier intervals are settled");
        }
        starts[i] = s;
        prices[i] = p.usdPerMwh();
      }
      double[] da = dayAhead(start.getEpochSecond(), step, now);
      Instant made = forecastMadeAt;
      if (made != null && made.isAfter(now)) {
        throw new ValidationException("view.forecastMadeAt", made, "must not be after the decision time " + now);
      }
      for (int i = 0; i < forecast.length; i++) {
        if (!Double.isFinite(forecast[i])) {
          throw new ValidationException("view.forecast[" + i + "]", forecast[i], "must be finite");
        }
      }
      return new MarketView(start.getEpochSecond(), intervalMinutes, now, starts, prices, n, n, da, 0, da.length,
          hashpriceUsdPerPhDay, aiMarginUsdPerMwh, forecast.clone(), made);
    }

    private double[] dayAhead(long from, long step, Instant now) {
      List<DayAheadCurve> sorted = new ArrayList<>(curves);
      sorted.sort((a, b) -> a.publishedAt().compareTo(b.publishedAt()));
      int total = 0;
      for (int i = 0; i < sorted.size(); i++) {
        DayAheadCurve c = sorted.get(i);
        String f = "view.dayAhead[" + i + "]";
        if (c.publishedAt().isAfter(now)) {
          throw new ValidationException(f + ".publishedAt", c.publishedAt(),
              "must not be after the decision time " + now + ": the curve was not published yet");
        }
        if (c.intervalMinutes() * 60L != step) {
          throw new ValidationException(f + ".intervalMinutes", c.intervalMinutes(),
              "must equal the view's interval length (" + intervalMinutes + " min)");
        }
        if (Math.floorMod(c.firstStartSecond() - from, step) != 0) {
          throw new ValidationException(f + ".firstIntervalStart", c.firstIntervalStart(),
              "must lie on the view's interval grid");
        }
        total += c.size();
      }
      double[] out = new double[total];
      int count = 0;
      while (count < total) {
        long at = from + count * step;
        double price = Double.NaN;
        for (DayAheadCurve c : sorted) { // later publications override earlier ones
          long k = (at - c.firstStartSecond()) / step;
          if (at >= c.firstStartSecond() && k < c.size()) {
            price = c.usdPerMwh((int) k);
          }
        }
        if (Double.isNaN(price)) {
          break;
        }
        out[count++] = price;
      }
      return Arrays.copyOf(out, count);
    }
  }

  static void checkHashprice(double hashprice) {
    if (!(hashprice >= 0) || Double.isInfinite(hashprice)) {
      throw new ValidationException("view.hashpriceUsdPerPhDay", hashprice, "must be set to a finite number >= 0");
    }
  }
}
