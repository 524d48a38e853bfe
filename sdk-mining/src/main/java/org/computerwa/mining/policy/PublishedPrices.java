package org.computerwa.mining.policy;

import java.util.ArrayDeque;

/**
 * The one way the policies that keep an account learn what their intervals cost: each interval run
 * is queued (its start in epoch seconds first), and once the price of a newer interval is
 * published, every queued interval up to it is taken off the queue with its settled price, looked
 * up in the context's view by its lag, or {@code NaN} when it is older than the view shows (each
 * policy decides what such an interval counts for). Not thread-safe, like the policies using it.
 */
final class PublishedPrices {
  /** Receives one interval taken off a queue. */
  interface Settled {
    /**
     * One interval whose price is published.
     *
     * @param interval the queued entry, its start in epoch seconds first
     * @param priceUsdPerMwh its settled price, or {@code NaN} when the view no longer holds it
     */
    void accept(double[] interval, double priceUsdPerMwh);
  }

  private long lastSettledStart = Long.MIN_VALUE;

  /** Forgets what was published, as at a restart. */
  void reset() {
    lastSettledStart = Long.MIN_VALUE;
  }

  /**
   * Whether a price newer than at the previous call has been published; when it has, {@link
   * #drain} takes the intervals up to it.
   *
   * @param ctx the decision's context
   * @return {@code true} if there is a newly published interval
   */
  boolean advanced(PolicyContext ctx) {
    if (ctx.settledCount() == 0) {
      return false;
    }
    long newest = ctx.settledIntervalStart(1).getEpochSecond();
    if (newest == lastSettledStart) {
      return false;
    }
    lastSettledStart = newest;
    return true;
  }

  /**
   * Takes every interval that starts at or before the newest published one off {@code queue}, in
   * order, with its price; call after {@link #advanced} returned {@code true}.
   *
   * @param queue the intervals run, oldest first
   * @param ctx the decision's context
   * @param step the interval length in seconds
   * @param sink receives each interval and its price
   */
  void drain(ArrayDeque<double[]> queue, PolicyContext ctx, long step, Settled sink) {
    while (!queue.isEmpty() && queue.peekFirst()[0] <= lastSettledStart) {
      double[] e = queue.pollFirst();
      int lag = (int) ((lastSettledStart - (long) e[0]) / step) + 1;
      sink.accept(e, lag <= ctx.settledCount() ? ctx.settledUsdPerMwh(lag) : Double.NaN);
    }
  }
}
