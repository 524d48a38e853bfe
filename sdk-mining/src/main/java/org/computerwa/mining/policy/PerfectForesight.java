package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;

/**
 * The exact optimum over a whole price series, knowing every realised price in advance: the
 * reference a backtest measures policies against.
 *
 * <pre>{@code
 * PerfectForesight.Solution best = PerfectForesight.solve(prices, site, 50, 0);
 * best.profitUsd();
 * best.miningMw(t);
 * }</pre>
 *
 * <p>Dynamic programming over the mining setpoint (multiples of the site's resolution) and the
 * number of intervals it has been held (1 .. dwell), under exactly the rules of the
 * {@linkplain org.computerwa.mining.policy package overview}: feasible levels, leases first with
 * forced switches, dwell, ramp and the switching cost. AI spot power has no dwell, so for each
 * setpoint its best value is taken per interval (all the room left when the AI margin beats the
 * price, none otherwise). Every schedule the {@link LoadController} can apply is feasible here, so
 * no policy can earn more. Time {@code O(T · L · d)}, memory {@code O(T · L)} for {@code T}
 * intervals, {@code L} levels and dwell {@code d}; {@code T · L} is bounded by {@link #MAX_CELLS} and
 * larger problems are refused with a {@link ValidationException} before any memory is taken.
 *
 * @since 0.1.0
 */
public final class PerfectForesight {
  private static final double NEG = Double.NEGATIVE_INFINITY;

  /**
   * Largest {@code intervals × levels} the optimum accepts: its back-pointers take 4 bytes and one
   * bit per cell (about 260 MiB at this bound). Levels are {@code floor(miningMaxMw / resolutionMw) + 1}.
   */
  public static final long MAX_CELLS = 64L << 20;

  private PerfectForesight() {}

  /**
   * Solves the series.
   *
   * @param prices the series (realised prices are used: this is the oracle)
   * @param site the site
   * @param hashpriceUsdPerPhDay hashprice, USD per (PH/s) per day
   * @param aiMarginUsdPerMwh AI margin before power, USD/MWh
   * @return the optimal schedule
   */
  public static Solution solve(PriceSeries prices, SiteProfile site, double hashpriceUsdPerPhDay,
      double aiMarginUsdPerMwh) {
    return solve(prices, site, Scenario.constant(hashpriceUsdPerPhDay, aiMarginUsdPerMwh));
  }

  /**
   * Solves the series under a scenario of hashprice and AI margin over time.
   *
   * @param prices the series (realised prices are used: this is the oracle)
   * @param site the site
   * @param scenario hashprice and AI margin in force at each interval's start
   * @return the optimal schedule
   * @throws ValidationException if {@code intervals × levels} exceeds {@link #MAX_CELLS}
   */
  public static Solution solve(PriceSeries prices, SiteProfile site, Scenario scenario) {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(scenario, "scenario");
    SiteRules r = new SiteRules(site, prices.intervalMinutes());
    int n = prices.size();
    double[] value = new double[n];
    double[] margin = new double[n];
    for (int t = 0; t < n; t++) {
      Instant start = prices.start(t);
      value[t] = MiningEconomics.breakEvenUsdPerMwh(scenario.hashpriceUsdPerPhDay(start), site.efficiencyJPerTh());
      margin[t] = scenario.aiMarginUsdPerMwh(start);
    }
    int levels = r.maxLevel + 1;
    long cells = (long) n * levels;
    if (cells > MAX_CELLS) {
      throw new ValidationException("site.resolutionMw", site.resolutionMw(), "gives " + levels + " mining levels; "
          + n + " intervals x " + levels + " levels = " + cells + " exceeds the optimum's bound of " + MAX_CELLS
          + " (about " + (MAX_CELLS * 4 / (1 << 20)) + " MiB of schedule): use a coarser resolution or a shorter series");
    }
    int d = r.dwell;
    double c = site.switchCostUsd();
    double[] leased = new double[n];
    int[] cap = new int[n];
    for (int t = 0; t < n; t++) {
      leased[t] = r.leasedMw(prices, t);
      cap[t] = r.capLevel(leased[t]);
    }
    double[][] next = new double[d + 1][levels];
    double[][] cur = new double[d + 1][levels];
    double[] reward = new double[levels];
    double[] w = new double[levels];
    double[] bestSwitch = new double[levels];
    int[] bestTarget = new int[levels];
    int[] target = new int[(int) cells];
    long[] stay = new long[(n * levels + 63) / 64];
    int[] deque = new int[levels];
    for (int t = n - 1; t >= 0; t--) {
      double p = prices.rt(t);
      for (int m = 0; m < levels; m++) {
        reward[m] = r.feasible(m, cap[t]) ? intervalProfit(r, value[t], margin[t], p, leased[t], m) : NEG;
        w[m] = reward[m] == NEG ? NEG : reward[m] + next[1][m];
      }
      windowMax(w, r.rampDownLevels, r.rampUpLevels, bestSwitch, bestTarget, deque);
      int globalArg = 0;
      for (int m = 1; m < levels; m++) {
        if (w[m] > w[globalArg]) {
          globalArg = m;
        }
      }
      int base = t * levels;
      for (int m = 0; m < levels; m++) {
        boolean forced = m > cap[t];
        int tgt = forced ? globalArg : bestTarget[m];
        double sw = (forced ? w[globalArg] : bestSwitch[m]) - c;
        target[base + m] = tgt;
        for (int k = 1; k <= d; k++) {
          if (forced) {
            cur[k][m] = sw;
          } else if (reward[m] == NEG) {
            cur[k][m] = NEG;
          } else {
            double keep = reward[m] + next[Math.min(k + 1, d)][m];
            if (k < d) {
              cur[k][m] = keep;
            } else if (keep >= sw) {
              cur[k][m] = keep;
              stay[(base + m) >>> 6] |= 1L << ((base + m) & 63);
            } else {
              cur[k][m] = sw;
            }
          }
        }
      }
      double[][] tmp = next;
      next = cur;
      cur = tmp;
    }
    int m = r.initialLevel();
    int k = d;
    double[] mining = new double[n];
    double[] spot = new double[n];
    double profit = 0;
    int switches = 0;
    for (int t = 0; t < n; t++) {
      int idx = t * levels + m;
      boolean forced = m > cap[t];
      boolean keep = !forced && (k < d || (stay[idx >>> 6] & (1L << (idx & 63))) != 0);
      if (keep) {
        k = Math.min(k + 1, d);
      } else {
        m = target[idx];
        k = 1;
        switches++;
        profit -= c;
      }
      double p = prices.rt(t);
      mining[t] = r.mw(m);
      spot[t] = margin[t] > p ? r.spotRoom(leased[t], m) : 0;
      profit += intervalProfit(r, value[t], margin[t], p, leased[t], m);
    }
    return new Solution(mining, spot, leased, profit, switches);
  }

  /** Profit of one interval at mining level {@code m}, with the best AI spot for that level. */
  static double intervalProfit(SiteRules r, double v, double a, double p, double leased, int m) {
    double spot = a > p ? r.spotRoom(leased, m) : 0;
    return r.hours * (r.mw(m) * (v - p) + (spot + leased) * (a - p));
  }

  /** For each m, the max of w over [m − down, m + up] and where it is (first on ties). */
  private static void windowMax(double[] w, int down, int up, double[] best, int[] arg, int[] dq) {
    int levels = w.length;
    int head = 0;
    int tail = 0;
    int right = 0;
    for (int m = 0; m < levels; m++) {
      int hi = Math.min(levels - 1, m + up);
      while (right <= hi) {
        while (tail > head && w[dq[tail - 1]] < w[right]) {
          tail--;
        }
        dq[tail++] = right++;
      }
      while (dq[head] < m - down) {
        head++;
      }
      best[m] = w[dq[head]];
      arg[m] = dq[head];
    }
  }

  /**
   * An optimal schedule and its profit.
   *
   * <pre>{@code
   * double[] mw = solution.miningMw();
   * }</pre>
   */
  public static final class Solution {
    private final double[] mining;
    private final double[] spot;
    private final double[] leased;
    private final double profitUsd;
    private final int switches;

    Solution(double[] mining, double[] spot, double[] leased, double profitUsd, int switches) {
      this.mining = mining;
      this.spot = spot;
      this.leased = leased;
      this.profitUsd = profitUsd;
      this.switches = switches;
    }

    /**
     * Total profit, switching costs included.
     *
     * @return USD
     */
    public double profitUsd() {
      return profitUsd;
    }

    /**
     * Number of switches.
     *
     * @return the count
     */
    public int switches() {
      return switches;
    }

    /**
     * Mining setpoint of every interval.
     *
     * @return a copy, MW
     */
    public double[] miningMw() {
      return mining.clone();
    }

    /**
     * AI spot power of every interval.
     *
     * @return a copy, MW
     */
    public double[] aiSpotMw() {
      return spot.clone();
    }

    /**
     * Leased power of every interval.
     *
     * @return a copy, MW
     */
    public double[] aiLeasedMw() {
      return leased.clone();
    }

    @Override
    public String toString() {
      return "Solution[profit=" + profitUsd + " USD, switches=" + switches + ", intervals=" + mining.length
          + ", mining=" + Arrays.toString(Arrays.copyOf(mining, Math.min(8, mining.length))) + "...]";
    }
  }
}
