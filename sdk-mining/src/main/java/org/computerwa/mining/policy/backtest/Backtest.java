package org.computerwa.mining.policy.backtest;

import java.time.Duration;
import java.time.Instant;
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
import org.computerwa.mining.policy.MarketReplay;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.Scenario;
import org.computerwa.mining.policy.SiteProfile;
import org.jspecify.annotations.Nullable;

/**
 * Runs a policy over a price series through a {@link LoadController} and scores it with the
 * realised prices.
 *
 * <pre>{@code
 * Backtest bt = Backtest.builder()
 *     .prices(PriceSeriesCsv.read(path))
 *     .site(SiteProfile.builder().capacityMw(50).minDwellMinutes(60).switchCostUsd(500).build())
 *     .hashpriceUsdPerPhDay(50)
 *     .market(MarketRules.ercot(Duration.ofMinutes(5)))
 *     .decisionLead(Duration.ofMinutes(5))
 *     .build();
 * BacktestResult r = bt.run(LoadPolicies.rolling());
 * r.capturedFlexibilityValue();
 * }</pre>
 *
 * <p>Each interval the policy sees the {@link MarketReplay} view at that interval's decision time
 * (exactly what a live feed would have published by then, under the market's rules); the profit of the applied allocation is then taken
 * at the interval's realised price, minus the switching cost of each switch. Always-mine and the
 * {@link PerfectForesight} optimum are computed on the same series and site.
 *
 * @since 0.1.0
 */
public final class Backtest {
  private final PriceSeries prices;
  private final SiteProfile site;
  private final Scenario scenario;
  private final double[] hashprice;
  private final double[] miningValue;
  private final double[] aiMargin;
  private final MarketReplay replay;
  /** Always-mine and the optimum depend only on the series, site and scenario: computed once. */
  private volatile @Nullable Reference reference;

  private Backtest(Builder b, PriceSeries prices, SiteProfile site) {
    this.prices = prices;
    this.site = site;
    this.scenario = b.scenario != null ? b.scenario : Scenario.constant(b.hashpriceUsdPerPhDay, b.aiMarginUsdPerMwh);
    int n = prices.size();
    this.hashprice = new double[n];
    this.miningValue = new double[n];
    this.aiMargin = new double[n];
    for (int t = 0; t < n; t++) {
      Instant start = prices.start(t);
      hashprice[t] = scenario.hashpriceUsdPerPhDay(start);
      miningValue[t] = MiningEconomics.breakEvenUsdPerMwh(hashprice[t], site.efficiencyJPerTh());
      aiMargin[t] = scenario.aiMarginUsdPerMwh(start);
    }
    this.replay = MarketReplay.builder().prices(prices).rules(Objects.requireNonNull(b.market))
        .decisionLead(Objects.requireNonNull(b.decisionLead)).scenario(scenario).build();
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
    Reference ref = reference();
    return new BacktestResult(policy.name(), prices, main.mining, main.spot, main.leased, main.curtailed,
        main.profit, ref.alwaysMineProfitUsd, ref.optimum.profitUsd(), main.switches, main.interventions,
        main.slaBreaches, site.capacityMw(), worstDay(main.profit, ref.optimumByInterval));
  }

  /**
   * The same backtest (site, scenario, market rules, decision lead) on a contiguous part of the
   * series; the run starts afresh at {@code from} (initial setpoint, nothing learned).
   *
   * @param from first interval, inclusive
   * @param to last interval, exclusive
   * @return the backtest of the part
   */
  public Backtest slice(int from, int to) {
    Builder b = builder().prices(prices.slice(from, to)).site(site).scenario(scenario)
        .market(replay.rules()).decisionLead(replay.decisionLead());
    return b.build();
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
   * Profit of always-mine on this series and site.
   *
   * @return USD
   */
  public double alwaysMineProfitUsd() {
    return reference().alwaysMineProfitUsd;
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
    return reference().optimum.profitUsd();
  }

  /** The yardsticks every run is compared with. */
  private static final class Reference {
    final double alwaysMineProfitUsd;
    final PerfectForesight.Solution optimum;
    final double[] optimumByInterval;

    Reference(double alwaysMineProfitUsd, PerfectForesight.Solution optimum, double[] optimumByInterval) {
      this.alwaysMineProfitUsd = alwaysMineProfitUsd;
      this.optimum = optimum;
      this.optimumByInterval = optimumByInterval;
    }
  }

  private Reference reference() {
    Reference ref = reference;
    if (ref == null) {
      synchronized (this) {
        ref = reference;
        if (ref == null) {
          PerfectForesight.Solution best = PerfectForesight.solve(prices, site, scenario);
          ref = new Reference(simulate(LoadPolicies.alwaysMine()).profit[0], best, optimumByInterval(best));
          reference = ref;
        }
      }
    }
    return ref;
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
    double h = prices.intervalMinutes() / 60.0;
    try (LoadController controller = LoadController.builder().site(site).policy(policy)
        .decisionLead(replay.decisionLead()).build()) {
      for (int t = 0; t < n; t++) {
        double v = miningValue[t];
        double a = aiMargin[t];
        Decision d = controller.decide(replay.view(t));
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
    double h = prices.intervalMinutes() / 60.0;
    double[] m = best.miningMw();
    double[] s = best.aiSpotMw();
    double[] l = best.aiLeasedMw();
    double[] profit = new double[prices.size() + 1];
    double prev = site.initialMiningMw();
    for (int t = 0; t < prices.size(); t++) {
      double p = prices.realTimeUsdPerMwh(t);
      profit[t + 1] = h * (m[t] * (miningValue[t] - p) + (s[t] + l[t]) * (aiMargin[t] - p));
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
   * Backtest.builder().prices(prices).site(site).hashpriceUsdPerPhDay(50)
   *     .market(MarketRules.ercot(Duration.ofMinutes(5))).decisionLead(Duration.ofMinutes(5)).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable PriceSeries prices;
    private @Nullable SiteProfile site;
    private double hashpriceUsdPerPhDay = Double.NaN;
    private double aiMarginUsdPerMwh;
    private @Nullable MarketRules market;
    private @Nullable Duration decisionLead;
    private @Nullable Scenario scenario;

    private Builder() {}

    /**
     * Hashprice and AI margin over time; replaces {@link #hashpriceUsdPerPhDay(double)} and
     * {@link #aiMarginUsdPerMwh(double)}.
     *
     * @param s the scenario
     * @return this builder
     */
    public Builder scenario(Scenario s) {
      this.scenario = Objects.requireNonNull(s, "scenario");
      return this;
    }

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
     * Hashprice over the whole backtest, required unless a {@link #scenario(Scenario)} is given.
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
     * When the market publishes its prices, required: decides what each decision may see.
     *
     * @param rules the market's publication rules
     * @return this builder
     */
    public Builder market(MarketRules rules) {
      this.market = Objects.requireNonNull(rules, "market");
      return this;
    }

    /**
     * How long before each interval its decision is made, required.
     *
     * @param lead {@code >= 0}, whole seconds
     * @return this builder
     */
    public Builder decisionLead(Duration lead) {
      this.decisionLead = Objects.requireNonNull(lead, "decisionLead");
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
      if (scenario == null) {
        Scenario.constant(hashpriceUsdPerPhDay, aiMarginUsdPerMwh); // validates both values
      }
      if (market == null) {
        throw new ValidationException("backtest.market", null, "must be set: say when the market publishes its prices");
      }
      if (decisionLead == null) {
        throw new ValidationException("backtest.decisionLead", null, "must be set: say how long before an interval it is decided");
      }
      MarketReplay.builder().prices(p).rules(market).decisionLead(decisionLead)
          .scenario(Scenario.constant(0, 0)).build(); // validates the lead
      return new Backtest(this, p, s);
    }
  }
}
