package org.computerwa.benchmarks.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.PerfectForesight;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.Backtest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One year of 5-minute intervals (105,120 steps): a built-in policy through the load controller and
 * its envelope, and the perfect-foresight optimum at 1 MW resolution (50 MW site, 60-minute dwell,
 * 500 USD per switch).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PolicyBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {
  /** Intervals in a year of 5-minute steps. */
  static final int YEAR_OF_5_MIN = 105_120;

  /** The built-in policy run through the controller. */
  @Param({"threshold", "rolling", "adaptive", "guarded"})
  public String policy;

  private PriceSeries prices;
  private SiteProfile site;
  private Backtest backtest;

  /** Builds a seeded synthetic year of spiky 5-minute prices with day-ahead prices. */
  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(2026);
    List<Instant> starts = new ArrayList<>(YEAR_OF_5_MIN);
    double[] rt = new double[YEAR_OF_5_MIN];
    double[] da = new double[YEAR_OF_5_MIN];
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    double level = 40;
    for (int i = 0; i < YEAR_OF_5_MIN; i++) {
      starts.add(t0.plusSeconds(300L * i));
      level += 0.05 * (40 - level) + rnd.nextGaussian() * 4;
      double spike = rnd.nextDouble() < 0.003 ? rnd.nextDouble() * 3000 : 0;
      rt[i] = level + spike;
      da[i] = level + rnd.nextGaussian() * 8;
    }
    prices = PriceSeries.of(starts, rt, da);
    site = SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();
    backtest = Backtest.builder().prices(prices).site(site).hashpriceUsdPerPhDay(50)
        .market(org.computerwa.mining.policy.MarketRules.ercot(java.time.Duration.ofMinutes(5)))
        .decisionLead(java.time.Duration.ofMinutes(5)).build();
  }

  /**
   * A year of decisions by a built-in policy through the controller and envelope, scored.
   *
   * @return the profit, so the work is not eliminated
   */
  @Benchmark
  public double yearThroughPolicy() {
    return backtest.profitUsd(LoadPolicies.byName(policy));
  }

  /**
   * The perfect-foresight optimum of the year at 1 MW resolution.
   *
   * @return the optimum's profit
   */
  @Benchmark
  public double yearOptimum() {
    return PerfectForesight.solve(prices, site, 50, 0).profitUsd();
  }
}
