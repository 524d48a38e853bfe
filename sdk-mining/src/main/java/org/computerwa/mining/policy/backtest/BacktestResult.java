package org.computerwa.mining.policy.backtest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computerwa.mining.policy.PriceSeries;

/**
 * The score of one backtest: profits, captured flexibility value, switches, energy by pool, SLA
 * breaches, envelope interventions, the worst day, and the per-interval allocation for charts.
 *
 * <pre>{@code
 * BacktestResult r = backtest.run(LoadPolicies.rolling());
 * r.capturedFlexibilityValue();  // (policy − always-mine) / (optimum − always-mine)
 * r.slaBreaches();               // always 0
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BacktestResult {
  private final String policy;
  private final PriceSeries prices;
  private final double[] mining;
  private final double[] spot;
  private final double[] leased;
  private final double[] curtailed;
  private final double profitUsd;
  private final double alwaysMineProfitUsd;
  private final double optimumProfitUsd;
  private final int switches;
  private final int interventions;
  private final int slaBreaches;
  private final double capacityMw;
  private final Day worstDay;

  BacktestResult(String policy, PriceSeries prices, double[] mining, double[] spot, double[] leased,
      double[] curtailed, double[] profit, double alwaysMine, double optimum, int switches,
      int interventions, int slaBreaches, double capacityMw, Day worstDay) {
    this.policy = policy;
    this.prices = prices;
    this.mining = mining;
    this.spot = spot;
    this.leased = leased;
    this.curtailed = curtailed;
    this.profitUsd = profit[0];
    this.alwaysMineProfitUsd = alwaysMine;
    this.optimumProfitUsd = optimum;
    this.switches = switches;
    this.interventions = interventions;
    this.slaBreaches = slaBreaches;
    this.capacityMw = capacityMw;
    this.worstDay = worstDay;
  }

  /**
   * Name of the scored policy.
   *
   * @return the name
   */
  public String policy() {
    return policy;
  }

  /**
   * Number of intervals.
   *
   * @return the count
   */
  public int intervals() {
    return mining.length;
  }

  /**
   * The series scored.
   *
   * @return the prices
   */
  public PriceSeries prices() {
    return prices;
  }

  /**
   * Profit of the policy, switching costs included.
   *
   * @return USD
   */
  public double profitUsd() {
    return profitUsd;
  }

  /**
   * Profit of always-mine on the same site.
   *
   * @return USD
   */
  public double alwaysMineProfitUsd() {
    return alwaysMineProfitUsd;
  }

  /**
   * Profit of the perfect-foresight optimum.
   *
   * @return USD
   */
  public double optimumProfitUsd() {
    return optimumProfitUsd;
  }

  /**
   * {@code (policy − always-mine) / (optimum − always-mine)}: 1 is the optimum, 0 no better than
   * always-mine.
   *
   * @return the share, or NaN when the optimum earns no more than always-mine (nothing to capture)
   */
  public double capturedFlexibilityValue() {
    double span = optimumProfitUsd - alwaysMineProfitUsd;
    return span > 1e-6 ? (profitUsd - alwaysMineProfitUsd) / span : Double.NaN;
  }

  /**
   * Number of switches of the mining setpoint.
   *
   * @return the count
   */
  public int switches() {
    return switches;
  }

  /**
   * Hours in which some power was curtailed.
   *
   * @return hours
   */
  public double curtailedHours() {
    double h = prices.intervalMinutes() / 60.0;
    double sum = 0;
    for (double c : curtailed) {
      if (c > 1e-9) {
        sum += h;
      }
    }
    return sum;
  }

  /**
   * Energy by pool: {@code mining}, {@code aiSpot}, {@code aiLeased}, {@code curtailed}.
   *
   * @return MWh, in that order
   */
  public Map<String, Double> mwhByPool() {
    double h = prices.intervalMinutes() / 60.0;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("mining", sum(mining) * h);
    m.put("aiSpot", sum(spot) * h);
    m.put("aiLeased", sum(leased) * h);
    m.put("curtailed", sum(curtailed) * h);
    return m;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s;
  }

  /**
   * Intervals in which a committed lease was not served in full; the envelope keeps this at 0.
   *
   * @return the count
   */
  public int slaBreaches() {
    return slaBreaches;
  }

  /**
   * Decisions in which the envelope changed the policy's proposal.
   *
   * @return the count
   */
  public int envelopeInterventions() {
    return interventions;
  }

  /**
   * The UTC day on which the policy fell furthest short of the optimum (largest regret).
   *
   * @return the day, the policy's profit and the optimum's profit on it
   */
  public Day worstDay() {
    return worstDay;
  }

  /**
   * Site capacity, for charts.
   *
   * @return MW
   */
  public double capacityMw() {
    return capacityMw;
  }

  /**
   * Mining power of every interval.
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

  /**
   * Curtailed power of every interval.
   *
   * @return a copy, MW
   */
  public double[] curtailedMw() {
    return curtailed.clone();
  }

  /**
   * One UTC day with the policy's and the optimum's profit.
   *
   * <pre>{@code
   * result.worstDay().date();
   * }</pre>
   */
  public static final class Day {
    private final LocalDate date;
    private final double profitUsd;
    private final double optimumProfitUsd;

    Day(LocalDate date, double profitUsd, double optimumProfitUsd) {
      this.date = date;
      this.profitUsd = profitUsd;
      this.optimumProfitUsd = optimumProfitUsd;
    }

    /**
     * The optimum's profit on that day.
     *
     * @return USD
     */
    public double optimumProfitUsd() {
      return optimumProfitUsd;
    }

    /**
     * The day.
     *
     * @return the UTC date
     */
    public LocalDate date() {
      return date;
    }

    /**
     * Profit on that day.
     *
     * @return USD
     */
    public double profitUsd() {
      return profitUsd;
    }
  }
}
