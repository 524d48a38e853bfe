package org.computerwa.mining.policy.backtest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.LoadController;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.PerfectForesight;
import org.computerwa.mining.policy.PolicyContext;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;

/**
 * Runs a policy over a price series through a {@link LoadController} and scores it with the
 * realised prices.
 *
 * <pre>{@code
 * Backtest bt = Backtest.builder()
 *     .prices(PriceSeriesCsv.read(path))
 *     .site(SiteProfile.builder().capacityMw(50).minDwellMinutes(60).switchCostUsd(500).build())
 *     .hashpriceUsdPerPhDay(50)
 *     .build();
 * BacktestResult r = bt.run(LoadPolicies.rolling());
 * r.capturedFlexibilityValue();
 * }</pre>
 *
 * <p>Each interval the policy sees a {@link PolicyContext} at that index (settled prices before it,
 * published day-ahead prices, the hashprice); the profit of the applied allocation is then taken
 * at the interval's realised price, minus the switching cost of each switch. Always-mine and the
 * {@link PerfectForesight} optimum are computed on the same series and site.
 *
 * @since 0.1.0
 */
public final class Backtest {
  private final PriceSeries prices;
  private final SiteProfile site;
  private final double hashpriceUsdPerPhDay;
  private final double aiMarginUsdPerMwh;
  private final double dayAheadHorizonMinutes;

  private Backtest(Builder b, PriceSeries prices, SiteProfile site) {
    this.prices = prices;
    this.site = site;
    this.hashpriceUsdPerPhDay = b.hashpriceUsdPerPhDay;
    this.aiMarginUsdPerMwh = b.aiMarginUsdPerMwh;
    this.dayAheadHorizonMinutes = b.dayAheadHorizonMinutes;
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
   * Runs a policy, always-mine and the optimum, and compares them.
   *
   * @param policy the policy to score
   * @return the result
   */
  public BacktestResult run(LoadPolicy policy) {
    Path main = simulate(policy);
    Path mine = simulate(LoadPolicies.alwaysMine());
    PerfectForesight.Solution best = PerfectForesight.solve(prices, site, hashpriceUsdPerPhDay, aiMarginUsdPerMwh);
    return new BacktestResult(policy.name(), prices, main.mining, main.spot, main.leased, main.curtailed,
        main.profit, mine.profit[0], best.profitUsd(), main.switches, main.interventions, main.slaBreaches,
        site.capacityMw(), worstDay(main.profit, optimumByInterval(best)));
  }

  /**
   * Profit of one policy only, without the comparisons (used by benchmarks and quick scans).
   *
   * @param policy the policy
   * @return total profit in USD
   */
  public double profitUsd(LoadPolicy policy) {
    return simulate(policy).profit[0];
  }

  /**
   * The optimum's profit on this series and site.
   *
   * @return USD
   */
  public double optimumProfitUsd() {
    return PerfectForesight.solve(prices, site, hashpriceUsdPerPhDay, aiMarginUsdPerMwh).profitUsd();
  }

  private static final class Path {
    double[] mining;
    double[] spot;
    double[] leased;
    double[] curtailed;
    double[] profit; // [0] total, [1..n] per interval
    int switches;
    int interventions;
    int slaBreaches;
  }

  private Path simulate(LoadPolicy policy) {
    int n = prices.size();
    Path p = new Path();
    p.mining = new double[n];
    p.spot = new double[n];
    p.leased = new double[n];
    p.curtailed = new double[n];
    p.profit = new double[n + 1];
    double v = MiningEconomics.breakEvenUsdPerMwh(hashpriceUsdPerPhDay, site.efficiencyJPerTh());
    double a = aiMarginUsdPerMwh;
    double h = prices.intervalMinutes() / 60.0;
    try (LoadController controller = LoadController.builder().site(site).policy(policy).build()) {
      for (int t = 0; t < n; t++) {
        PolicyContext ctx = PolicyContext.builder().prices(prices).index(t)
            .hashpriceUsdPerPhDay(hashpriceUsdPerPhDay).aiMarginUsdPerMwh(a)
            .dayAheadHorizonMinutes(dayAheadHorizonMinutes).build();
        Decision d = controller.decide(ctx);
        double price = prices.realTimeUsdPerMwh(t);
        p.mining[t] = d.applied().miningMw();
        p.spot[t] = d.applied().aiSpotMw();
        p.leased[t] = d.applied().aiLeasedMw();
        p.curtailed[t] = d.applied().curtailedMw();
        double committed = site.leases().isEmpty() ? 0 : site.leasedMw(prices.start(t), prices.end(t));
        if (p.leased[t] + 1e-9 < committed) {
          p.slaBreaches++;
        }
        double profit = h * (p.mining[t] * (v - price) + (p.spot[t] + p.leased[t]) * (a - price));
        if (d.switched()) {
          p.switches++;
          profit -= site.switchCostUsd();
        }
        if (!d.interventions().isEmpty()) {
          p.interventions++;
        }
        p.profit[t + 1] = profit;
        p.profit[0] += profit;
      }
    }
    return p;
  }

  /** Per-interval profit of the optimum, switching costs included, indexed from 1 like a path. */
  private double[] optimumByInterval(PerfectForesight.Solution best) {
    double v = MiningEconomics.breakEvenUsdPerMwh(hashpriceUsdPerPhDay, site.efficiencyJPerTh());
    double h = prices.intervalMinutes() / 60.0;
    double[] m = best.miningMw();
    double[] s = best.aiSpotMw();
    double[] l = best.aiLeasedMw();
    double[] profit = new double[prices.size() + 1];
    double prev = site.initialMiningMw();
    for (int t = 0; t < prices.size(); t++) {
      double p = prices.realTimeUsdPerMwh(t);
      profit[t + 1] = h * (m[t] * (v - p) + (s[t] + l[t]) * (aiMarginUsdPerMwh - p));
      if (m[t] != prev) {
        profit[t + 1] -= site.switchCostUsd();
      }
      prev = m[t];
    }
    return profit;
  }

  /** The UTC day on which the policy fell furthest short of the optimum. */
  private BacktestResult.Day worstDay(double[] profit, double[] optimum) {
    Map<LocalDate, double[]> byDay = new TreeMap<>();
    for (int t = 0; t < prices.size(); t++) {
      LocalDate day = prices.start(t).atOffset(ZoneOffset.UTC).toLocalDate();
      double[] sums = byDay.computeIfAbsent(day, d -> new double[2]);
      sums[0] += profit[t + 1];
      sums[1] += optimum[t + 1];
    }
    Map.Entry<LocalDate, double[]> worst = null;
    for (Map.Entry<LocalDate, double[]> e : byDay.entrySet()) {
      if (worst == null || e.getValue()[1] - e.getValue()[0] > worst.getValue()[1] - worst.getValue()[0]) {
        worst = e;
      }
    }
    Objects.requireNonNull(worst);
    return new BacktestResult.Day(worst.getKey(), worst.getValue()[0], worst.getValue()[1]);
  }

  /**
   * Builds a {@link Backtest}.
   *
   * <pre>{@code
   * Backtest.builder().prices(prices).site(site).hashpriceUsdPerPhDay(50).build();
   * }</pre>
   */
  public static final class Builder {
    private PriceSeries prices;
    private SiteProfile site;
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
     * The site, required.
     *
     * @param profile the site
     * @return this builder
     */
    public Builder site(SiteProfile profile) {
      this.site = Objects.requireNonNull(profile, "site");
      return this;
    }

    /**
     * Hashprice over the whole backtest, required.
     *
     * @param usd USD per (PH/s) per day
     * @return this builder
     */
    public Builder hashpriceUsdPerPhDay(double usd) {
      this.hashpriceUsdPerPhDay = usd;
      return this;
    }

    /**
     * AI margin before power; defaults to 0.
     *
     * @param usd USD/MWh
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
     * Checks and builds the backtest.
     *
     * @return the backtest
     * @throws ValidationException naming the missing or invalid field
     */
    public Backtest build() {
      PriceSeries p = prices;
      SiteProfile s = site;
      if (p == null) {
        throw new ValidationException("backtest.prices", null, "must be set");
      }
      if (s == null) {
        throw new ValidationException("backtest.site", null, "must be set");
      }
      // Validates the remaining values once, up front, with the same messages the context gives.
      PolicyContext.builder().prices(p).index(0).hashpriceUsdPerPhDay(hashpriceUsdPerPhDay)
          .aiMarginUsdPerMwh(aiMarginUsdPerMwh).dayAheadHorizonMinutes(dayAheadHorizonMinutes).build();
      return new Backtest(this, p, s);
    }
  }
}
