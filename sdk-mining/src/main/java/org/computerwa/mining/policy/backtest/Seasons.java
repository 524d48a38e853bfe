package org.computerwa.mining.policy.backtest;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.PriceSeries;

/**
 * Splits a backtest into calendar quarters (UTC) and scores a policy on each, from a cold start:
 * the policy begins each quarter with nothing learned and the site at its initial setpoint.
 *
 * <pre>{@code
 * for (PeriodScore q : Seasons.score(backtest, LoadPolicies::adaptive)) {
 *   System.out.println(q.label() + " " + q.capturedFlexibilityValue());
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class Seasons {
  private Seasons() {}

  /**
   * The quarters a series touches, as index ranges.
   *
   * @param prices the series
   * @return {@code {from, to}} pairs, {@code to} exclusive; each is labelled by its middle interval
   */
  static List<int[]> quarters(PriceSeries prices) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    String current = label(prices, 0);
    for (int t = 1; t <= prices.size(); t++) {
      String q = t < prices.size() ? label(prices, t) : "";
      if (!q.equals(current)) {
        out.add(new int[] {from, t});
        from = t;
        current = q;
      }
    }
    // A sliver of less than a day at either end (a UTC quarter boundary a few hours into the
    // series) joins its neighbour instead of being scored alone.
    int day = 1440 / prices.intervalMinutes();
    if (out.size() > 1 && out.get(out.size() - 1)[1] - out.get(out.size() - 1)[0] < day) {
      int[] last = out.remove(out.size() - 1);
      out.get(out.size() - 1)[1] = last[1];
    }
    if (out.size() > 1 && out.get(0)[1] - out.get(0)[0] < day) {
      int[] first = out.remove(0);
      out.get(0)[0] = first[0];
    }
    return out;
  }

  static String label(PriceSeries prices, int t) {
    ZonedDateTime at = prices.start(t).atZone(ZoneOffset.UTC);
    return at.getYear() + "Q" + ((at.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * Scores a policy on each quarter of the backtest's series.
   *
   * @param backtest the backtest (site, market, scenario and series)
   * @param policy makes a fresh policy for each quarter
   * @return one score per quarter, in order
   */
  public static List<PeriodScore> score(Backtest backtest, Supplier<LoadPolicy> policy) {
    List<PeriodScore> out = new ArrayList<>();
    for (int[] q : quarters(backtest.prices())) {
      BacktestResult r = backtest.slice(q[0], q[1]).run(policy.get());
      out.add(PeriodScore.of(label(backtest.prices(), (q[0] + q[1]) / 2), r));
    }
    return out;
  }
}
