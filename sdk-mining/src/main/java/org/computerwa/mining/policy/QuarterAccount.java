package org.computerwa.mining.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;

/**
 * What a site has realised against always-mine in the current UTC calendar quarter, interval by
 * interval as settled prices are published, and the least the intervals it has run but whose price
 * is not yet out can still add for prices in a stated range.
 *
 * <p>An interval that ran {@code m} MW of mining and {@code s} MW of AI spot work under a mining
 * cap of {@code cap} MW, at settled price {@code p}, adds {@code h · ((m − cap) · (v − p) + s ·
 * (a − p))}, less one switch cost if its mining level differed from the interval before: what the
 * site earned beyond always-mine ({@code v} mining value, {@code a} AI margin, {@code h} hours).
 * Each interval is booked in the quarter it ran in. The account restarts when the intervals it is
 * told about stop being consecutive.
 *
 * <p>{@link GuardedPolicy} keeps an account of its own, frozen with its defaults so that its
 * figures on the fresh price files stay comparable: it books a quarter's last interval into the
 * next quarter and drops an interval whose price has left the view, where this account books the
 * interval in its own quarter and at its worst. A bound needs the stricter form.
 *
 * <p>Not thread-safe: its owner's lock guards it.
 */
final class QuarterAccount {
  /** Intervals run but not yet settled: {start, miningMw, capMw, spotMw, switchCost}. */
  private final ArrayDeque<double[]> pending = new ArrayDeque<>();
  private final double low;
  private final double high;
  private double settled;
  private long outsideRange;
  private String quarter = "";
  private long lastStart = Long.MIN_VALUE;
  private final PublishedPrices published = new PublishedPrices();
  private double previousMw = Double.NaN;
  private double previousCapMw;
  private double previousSpotMw;
  private long previousStart;

  /**
   * An account whose worst cases are taken over prices in {@code [low, high]}.
   *
   * @param low lowest price, USD/MWh
   * @param high highest price, USD/MWh
   */
  QuarterAccount(double low, double high) {
    this.low = low;
    this.high = high;
  }

  /**
   * Opens the interval {@code ctx} decides: books the interval that just ran (its mining level is
   * {@code ctx.currentMiningMw()}), moves to a new quarter or restarts where needed, and settles
   * every booked interval whose price is now published.
   *
   * @param ctx the decision's context
   */
  void open(PolicyContext ctx) {
    long step = ctx.intervalMinutes() * 60L;
    long start = ctx.intervalStart().getEpochSecond();
    if (start != lastStart + step) {
      pending.clear();
      previousMw = Double.NaN;
      published.reset();
      settled = 0;
      quarter = quarterOf(ctx.intervalStart());
    }
    if (!Double.isNaN(previousMw)) {
      double applied = ctx.currentMiningMw();
      pending.add(new double[] {previousStart, applied, previousCapMw, previousSpotMw,
          applied != previousMw ? ctx.site().switchCostUsd() : 0});
    }
    String q = quarterOf(ctx.intervalStart());
    if (!q.equals(quarter)) {
      // the intervals of the quarter that ended are settled into it, not into this one
      quarter = q;
      settled = 0;
      pending.removeIf(e -> !quarterOf(Instant.ofEpochSecond((long) e[0])).equals(q));
    }
    lastStart = start;
    settle(ctx, step);
  }

  /**
   * Books the interval being decided, as it will run, once the decision is made.
   *
   * @param ctx the decision's context
   * @param spotMw the AI spot power the interval will run
   */
  void close(PolicyContext ctx, double spotMw) {
    previousMw = ctx.currentMiningMw();
    previousCapMw = ctx.miningCapMw();
    previousSpotMw = spotMw;
    previousStart = ctx.intervalStart().getEpochSecond();
  }

  /**
   * The quarter's settled intervals against always-mine.
   *
   * @return USD
   */
  double settledUsd() {
    return settled;
  }

  /**
   * Settled prices seen outside {@code [low, high]} since the account was made; each voids the
   * bound that rests on the range for its quarter.
   *
   * @return the count
   */
  long pricesOutsideRange() {
    return outsideRange;
  }

  /**
   * The least the quarter's run but unsettled intervals can add, for every price in the range.
   *
   * @param ctx the decision's context (mining value, AI margin, interval length)
   * @return USD, at most zero when any interval ran below always-mine
   */
  double worstPendingUsd(PolicyContext ctx) {
    double sum = 0;
    for (double[] e : pending) {
      sum += worst(ctx, e[1], e[2], e[3]) - e[4];
    }
    return sum;
  }

  /**
   * The least one interval at the given power adds against always-mine for a price in
   * {@code [low, high]}; the value is linear in the price, so one of the two ends is the least.
   */
  double worst(PolicyContext ctx, double miningMw, double capMw, double spotMw) {
    double v = ctx.miningValueUsdPerMwh();
    double a = ctx.aiMarginUsdPerMwh();
    double h = ctx.intervalHours();
    double atLow = h * ((miningMw - capMw) * (v - low) + spotMw * (a - low));
    double atHigh = h * ((miningMw - capMw) * (v - high) + spotMw * (a - high));
    return Math.min(atLow, atHigh);
  }

  /** Adds every pending interval whose price is now published. */
  private void settle(PolicyContext ctx, long step) {
    if (!published.advanced(ctx)) {
      return;
    }
    double v = ctx.miningValueUsdPerMwh();
    double a = ctx.aiMarginUsdPerMwh();
    double h = ctx.intervalHours();
    published.drain(pending, ctx, step, (e, p) -> {
      if (Double.isNaN(p)) {
        settled += worst(ctx, e[1], e[2], e[3]) - e[4]; // its price is no longer in view: booked at its worst
        return;
      }
      if (p < low || p > high) {
        outsideRange++;
      }
      settled += h * ((e[1] - e[2]) * (v - p) + e[3] * (a - p)) - e[4];
    });
  }

  /**
   * The UTC calendar quarter of an instant.
   *
   * @param t the instant
   * @return e.g. {@code 2021Q1}
   */
  static String quarterOf(Instant t) {
    ZonedDateTime at = t.atZone(ZoneOffset.UTC);
    return at.getYear() + "Q" + ((at.getMonthValue() - 1) / 3 + 1);
  }
}
