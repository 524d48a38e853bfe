package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;

/**
 * The engine's view of one decision, handed to a {@link LoadPolicy}: the {@link MarketView} the
 * caller passed (what the market had published at decision time) joined with the site's state
 * as the {@link LoadController} holds it. Only the controller creates one.
 *
 * <pre>{@code
 * LoadPolicy cautious = ctx -> ctx.settledCount() > 0 && ctx.settledUsdPerMwh(1) > ctx.miningValueUsdPerMwh()
 *     ? ctx.allocate(0, 0)
 *     : ctx.allocate(ctx.miningCapMw(), 0);
 * }</pre>
 *
 * <p>The rule is structural: no accessor reaches a price that was not published at
 * {@link #decisionTime()}. {@link #settledUsdPerMwh(int)} counts back from the most recent
 * <em>published</em> settled price (with a decision lead and a publication delay that is often
 * not the interval just before the decided one: see {@link #settledIntervalStart(int)}).
 *
 * @since 0.1.0
 */
public final class PolicyContext {
  private final MarketView market;
  private final SiteProfile site;
  private final double currentMiningMw;
  private final int intervalsHeld;
  private final int dwellIntervals;
  private final double leasedMw;
  private final double miningCapMw;

  PolicyContext(MarketView market, SiteProfile site, double currentMiningMw, int held, int dwell,
      double leasedMw, double capMw) {
    this.market = market;
    this.site = site;
    this.currentMiningMw = currentMiningMw;
    this.intervalsHeld = held;
    this.dwellIntervals = dwell;
    this.leasedMw = leasedMw;
    this.miningCapMw = capMw;
  }

  /** The same market with another site state (used by policies that simulate alternatives). */
  PolicyContext withState(double miningMw, int held) {
    return new PolicyContext(market, site, miningMw, held, dwellIntervals, leasedMw, miningCapMw);
  }

  MarketView market() {
    return market;
  }

  /**
   * Start of the interval being decided.
   *
   * @return the instant
   */
  public Instant intervalStart() {
    return market.intervalStart();
  }

  /**
   * When the decision is made; nothing in this context was published later.
   *
   * @return the instant, not after {@link #intervalStart()}
   */
  public Instant decisionTime() {
    return market.asOf();
  }

  /**
   * Length of an interval.
   *
   * @return minutes
   */
  public int intervalMinutes() {
    return market.intervalMinutes();
  }

  /**
   * Length of an interval.
   *
   * @return hours
   */
  public double intervalHours() {
    return market.intervalMinutes() / 60.0;
  }

  /**
   * Number of settled prices visible.
   *
   * @return the count
   */
  public int settledCount() {
    return market.settledCount();
  }

  /**
   * A published settled real-time price.
   *
   * @param lag 1 for the most recent published one, up to {@link #settledCount()}
   * @return USD/MWh
   * @throws ValidationException if {@code lag} is outside {@code 1..settledCount()}
   */
  public double settledUsdPerMwh(int lag) {
    checkLag(lag);
    return market.settled(lag);
  }

  /**
   * Start of the interval a published settled price belongs to.
   *
   * @param lag 1 for the most recent published one, up to {@link #settledCount()}
   * @return the instant
   * @throws ValidationException if {@code lag} is outside {@code 1..settledCount()}
   */
  public Instant settledIntervalStart(int lag) {
    checkLag(lag);
    return Instant.ofEpochSecond(market.settledStartSecond(lag));
  }

  private void checkLag(int lag) {
    if (lag < 1 || lag > market.settledCount()) {
      throw new ValidationException("lag", lag,
          "must be within 1.." + market.settledCount() + ": only published settled prices are known");
    }
  }

  /**
   * The most recent published settled price.
   *
   * @return USD/MWh, or empty before the first one
   */
  public OptionalDouble lastSettledUsdPerMwh() {
    return market.settledCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(market.settled(1));
  }

  /**
   * Median of the most recent published settled prices.
   *
   * @param count how many, from 1; fewer are used when fewer are published
   * @return USD/MWh, or empty when none is published
   * @throws ValidationException if {@code count < 1}
   */
  public OptionalDouble settledMedianUsdPerMwh(int count) {
    if (count < 1) {
      throw new ValidationException("count", count, "must be >= 1");
    }
    int k = Math.min(count, market.settledCount());
    if (k == 0) {
      return OptionalDouble.empty();
    }
    double[] window = new double[k];
    for (int i = 0; i < k; i++) {
      window[i] = market.settled(i + 1);
    }
    Arrays.sort(window);
    return OptionalDouble.of(k % 2 == 1 ? window[k / 2] : 0.5 * (window[k / 2 - 1] + window[k / 2]));
  }

  /**
   * How many day-ahead prices, from this interval on, are published at decision time.
   *
   * @return 0 when none is
   */
  public int dayAheadVisible() {
    return market.dayAheadCount();
  }

  /**
   * A published day-ahead price.
   *
   * @param ahead 0 for the interval being decided, up to {@link #dayAheadVisible()} − 1
   * @return USD/MWh
   * @throws ValidationException if that price is not published yet
   */
  public double dayAheadUsdPerMwh(int ahead) {
    if (ahead < 0 || ahead >= market.dayAheadCount()) {
      throw new ValidationException("ahead", ahead,
          "must be within 0.." + (market.dayAheadCount() - 1) + ": only published day-ahead prices are known");
    }
    return market.dayAhead(ahead);
  }

  /**
   * How many intervals, from this one on, the caller's price forecast covers.
   *
   * @return 0 without a forecast
   */
  public int forecastVisible() {
    return market.forecastCount();
  }

  /**
   * A forecast price, made no later than the decision.
   *
   * @param ahead 0 for the interval being decided, up to {@link #forecastVisible()} − 1
   * @return USD/MWh
   * @throws ValidationException if the forecast does not reach that far
   */
  public double forecastUsdPerMwh(int ahead) {
    if (ahead < 0 || ahead >= market.forecastCount()) {
      throw new ValidationException("ahead", ahead,
          "must be within 0.." + (market.forecastCount() - 1) + ": the forecast does not reach further");
    }
    return market.forecast(ahead);
  }

  /**
   * When the forecast was made.
   *
   * @return the instant, or empty without a forecast
   */
  public Optional<Instant> forecastMadeAt() {
    return Optional.ofNullable(market.forecastMadeAt());
  }

  /**
   * Today's hashprice.
   *
   * @return USD per (PH/s) per day
   */
  public double hashpriceUsdPerPhDay() {
    return market.hashpriceUsdPerPhDay();
  }

  /**
   * What one MWh of mining earns at today's hashprice and the site's efficiency; the break-even
   * power price.
   *
   * @return USD/MWh
   */
  public double miningValueUsdPerMwh() {
    return MiningEconomics.breakEvenUsdPerMwh(market.hashpriceUsdPerPhDay(), site.efficiencyJPerTh());
  }

  /**
   * AI compute margin before power.
   *
   * @return USD/MWh
   */
  public double aiMarginUsdPerMwh() {
    return market.aiMarginUsdPerMwh();
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
   * Full power to the pools asked for, the more valuable per MWh first (mining value versus AI
   * margin) when both cannot run at full power: the merit order the built-in policies use.
   *
   * @param mine whether mining should run
   * @param aiSpot whether AI spot work should run
   * @return the allocation
   */
  public Allocation meritOrder(boolean mine, boolean aiSpot) {
    double cap = miningCapMw;
    double spotMw = site.gpuSpotMw();
    double room = Math.max(0, site.capacityMw() - leasedMw);
    if (mine && aiSpot && aiMarginUsdPerMwh() > miningValueUsdPerMwh()) {
      double s = Math.min(spotMw, room);
      return allocate(Math.min(cap, room - s), s);
    }
    double m = mine ? cap : 0;
    return allocate(m, aiSpot ? Math.min(spotMw, room - m) : 0);
  }

  @Override
  public String toString() {
    return "PolicyContext[" + market + ", mining " + currentMiningMw + " MW held " + intervalsHeld + "/" + dwellIntervals
        + ", leased " + leasedMw + " MW]";
  }
}
