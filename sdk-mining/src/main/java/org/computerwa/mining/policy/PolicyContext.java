package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;

/**
 * What a policy may know when it decides interval {@code index}: settled prices of earlier
 * intervals, published day-ahead prices, today's hashprice and the site's current state — never
 * the realised price of the interval being decided or of any later one.
 *
 * <pre>{@code
 * PolicyContext market = PolicyContext.builder()
 *     .prices(series).index(t)
 *     .hashpriceUsdPerPhDay(50)
 *     .build();
 * Decision d = controller.decide(market);
 * }</pre>
 *
 * <p>The rule is structural: this type has no accessor that reaches a realised price at or after
 * {@code index}. {@link #settledUsdPerMwh(int)} takes a lag of at least 1; day-ahead prices are
 * shown for the intervals from {@code index} on that fall inside the publication horizon (default
 * 10 hours: ERCOT's day-ahead market for an operating day clears around 13:30 Central on the day
 * before, so at any moment at least the next ten hours are published). Everything that depends on
 * the site ({@link #currentMiningMw()}, {@link #leasedMw()}, the mining value) is filled in by the
 * {@link LoadController} before the policy sees the context.
 *
 * @since 0.1.0
 */
public final class PolicyContext {
  private static final SiteProfile UNBOUND = SiteProfile.builder().capacityMw(1).build();
  private final PriceSeries prices;
  private final int index;
  private final double hashpriceUsdPerPhDay;
  private final double aiMarginUsdPerMwh;
  private final int dayAheadHorizonIntervals;
  private final SiteProfile site;
  private final double currentMiningMw;
  private final int intervalsHeld;
  private final int dwellIntervals;
  private final double leasedMw;
  private final double miningCapMw;

  private PolicyContext(PriceSeries prices, int index, double hashprice, double aiMargin, int horizon,
      SiteProfile site, double currentMiningMw, int held, int dwell, double leasedMw, double capMw) {
    this.prices = prices;
    this.index = index;
    this.hashpriceUsdPerPhDay = hashprice;
    this.aiMarginUsdPerMwh = aiMargin;
    this.dayAheadHorizonIntervals = horizon;
    this.site = site;
    this.currentMiningMw = currentMiningMw;
    this.intervalsHeld = held;
    this.dwellIntervals = dwell;
    this.leasedMw = leasedMw;
    this.miningCapMw = capMw;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  PolicyContext bind(SiteProfile s, double miningMw, int held, int dwell, double leased, double capMw) {
    return new PolicyContext(prices, index, hashpriceUsdPerPhDay, aiMarginUsdPerMwh,
        dayAheadHorizonIntervals, s, miningMw, held, dwell, leased, capMw);
  }

  PriceSeries prices() {
    return prices;
  }

  /**
   * Index of the interval being decided.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Start of the interval being decided.
   *
   * @return the instant
   */
  public Instant intervalStart() {
    return prices.start(index);
  }

  /**
   * Length of an interval.
   *
   * @return minutes
   */
  public int intervalMinutes() {
    return prices.intervalMinutes();
  }

  /**
   * Length of an interval.
   *
   * @return hours
   */
  public double intervalHours() {
    return prices.intervalMinutes() / 60.0;
  }

  /**
   * Number of settled intervals visible (all intervals before this one).
   *
   * @return the count, equal to {@link #index()}
   */
  public int settledCount() {
    return index;
  }

  /**
   * The settled real-time price {@code lag} intervals back.
   *
   * @param lag 1 for the last settled interval, up to {@link #settledCount()}
   * @return USD/MWh
   * @throws ValidationException if {@code lag < 1} (the interval being decided or a later one) or
   *     reaches before the series
   */
  public double settledUsdPerMwh(int lag) {
    if (lag < 1 || lag > index) {
      throw new ValidationException("lag", lag, "must be within 1.." + index + ": only settled intervals are known");
    }
    return prices.rt(index - lag);
  }

  /**
   * The last settled real-time price.
   *
   * @return USD/MWh, or empty before the first settlement
   */
  public OptionalDouble lastSettledUsdPerMwh() {
    return index == 0 ? OptionalDouble.empty() : OptionalDouble.of(prices.rt(index - 1));
  }

  /**
   * How many day-ahead prices, from this interval on, are published at decision time.
   *
   * @return 0 when the market has no day-ahead prices
   */
  public int dayAheadVisible() {
    if (!prices.hasDayAhead()) {
      return 0;
    }
    return Math.min(dayAheadHorizonIntervals, prices.size() - index);
  }

  /**
   * A published day-ahead price.
   *
   * @param ahead 0 for the interval being decided, up to {@link #dayAheadVisible()} − 1
   * @return USD/MWh
   * @throws ValidationException if that price is not published yet
   */
  public double dayAheadUsdPerMwh(int ahead) {
    if (ahead < 0 || ahead >= dayAheadVisible()) {
      throw new ValidationException("ahead", ahead, "must be within 0.." + (dayAheadVisible() - 1) + ": only published day-ahead prices are known");
    }
    return prices.da(index + ahead);
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
   * What one MWh of mining earns at today's hashprice and the site's efficiency; the break-even
   * power price.
   *
   * @return USD/MWh
   */
  public double miningValueUsdPerMwh() {
    return MiningEconomics.breakEvenUsdPerMwh(hashpriceUsdPerPhDay, site.efficiencyJPerTh());
  }

  /**
   * AI compute margin before power.
   *
   * @return USD/MWh
   */
  public double aiMarginUsdPerMwh() {
    return aiMarginUsdPerMwh;
  }

  /**
   * The site.
   *
   * @return the profile the controller enforces
   */
  public SiteProfile site() {
    return site;
  }

  /**
   * Mining setpoint of the previous interval.
   *
   * @return MW
   */
  public double currentMiningMw() {
    return currentMiningMw;
  }

  /**
   * Intervals the current setpoint has been held, capped at {@link #dwellIntervals()}.
   *
   * @return the count
   */
  public int intervalsHeld() {
    return intervalsHeld;
  }

  /**
   * Minimum dwell in intervals.
   *
   * @return {@code ceil(minDwellMinutes / intervalMinutes)}, at least 1
   */
  public int dwellIntervals() {
    return dwellIntervals;
  }

  /**
   * Whether the envelope would accept a switch now (dwell served).
   *
   * @return {@code true} if a switch is allowed
   */
  public boolean canSwitch() {
    return intervalsHeld >= dwellIntervals;
  }

  /**
   * Power committed to leases in this interval.
   *
   * @return MW
   */
  public double leasedMw() {
    return leasedMw;
  }

  /**
   * Most mining power the envelope allows in this interval (pool maximum and leases).
   *
   * @return MW
   */
  public double miningCapMw() {
    return miningCapMw;
  }

  /**
   * An allocation with the given mining and AI spot power, the committed leases and the rest
   * curtailed; parts beyond what is left are trimmed.
   *
   * @param miningMw MW to mining
   * @param aiSpotMw MW to AI spot
   * @return the allocation
   */
  public Allocation allocate(double miningMw, double aiSpotMw) {
    double room = Math.max(0, site.capacityMw() - leasedMw);
    double m = Math.min(Math.max(0, miningMw), room);
    double s = Math.min(Math.max(0, aiSpotMw), room - m);
    return Allocation.of(m, s, leasedMw, Math.max(0, room - m - s));
  }

  /**
   * Builds a {@link PolicyContext}.
   *
   * <pre>{@code
   * PolicyContext.builder().prices(series).index(0).hashpriceUsdPerPhDay(50).build();
   * }</pre>
   */
  public static final class Builder {
    private PriceSeries prices;
    private int index = -1;
    private double hashpriceUsdPerPhDay = Double.NaN;
    private double aiMarginUsdPerMwh;
    private double dayAheadHorizonMinutes = 600;

    private Builder() {}

    /**
     * The price series, required.
     *
     * @param series the series
     * @return this builder
     */
    public Builder prices(PriceSeries series) {
      this.prices = Objects.requireNonNull(series, "prices");
      return this;
    }

    /**
     * The interval being decided, required.
     *
     * @param i index within the series
     * @return this builder
     */
    public Builder index(int i) {
      this.index = i;
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
     * AI compute margin before power; defaults to 0.
     *
     * @param usd USD/MWh, finite
     * @return this builder
     */
    public Builder aiMarginUsdPerMwh(double usd) {
      this.aiMarginUsdPerMwh = usd;
      return this;
    }

    /**
     * How far ahead day-ahead prices are published; defaults to 600 minutes.
     *
     * @param minutes minutes, {@code >= 0}
     * @return this builder
     */
    public Builder dayAheadHorizonMinutes(double minutes) {
      this.dayAheadHorizonMinutes = minutes;
      return this;
    }

    /**
     * Checks and builds the context (site state is added by the controller).
     *
     * @return the context
     * @throws ValidationException naming the offending field
     */
    public PolicyContext build() {
      if (prices == null) {
        throw new ValidationException("context.prices", null, "must be set");
      }
      if (index < 0 || index >= prices.size()) {
        throw new ValidationException("context.index", index, "must be within 0.." + (prices.size() - 1));
      }
      if (!(hashpriceUsdPerPhDay >= 0) || Double.isInfinite(hashpriceUsdPerPhDay)) {
        throw new ValidationException("context.hashpriceUsdPerPhDay", hashpriceUsdPerPhDay, "must be a finite number >= 0");
      }
      if (!Double.isFinite(aiMarginUsdPerMwh)) {
        throw new ValidationException("context.aiMarginUsdPerMwh", aiMarginUsdPerMwh, "must be finite");
      }
      if (!(dayAheadHorizonMinutes >= 0) || Double.isInfinite(dayAheadHorizonMinutes)) {
        throw new ValidationException("context.dayAheadHorizonMinutes", dayAheadHorizonMinutes, "must be a finite number >= 0");
      }
      int horizon = (int) Math.floor(dayAheadHorizonMinutes / prices.intervalMinutes());
      return new PolicyContext(prices, index, hashpriceUsdPerPhDay, aiMarginUsdPerMwh, horizon,
          UNBOUND, 0, 0, 1, 0, 0);
    }
  }
}
