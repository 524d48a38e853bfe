package org.computerwa.mining.policy;

import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A rolling-horizon policy: forecasts the price over the next switch-committed window from what is
 * known, and switches mining only when the forecast margin over that window pays for it.
 *
 * <pre>{@code
 * LoadPolicy p = RollingHorizonPolicy.builder()
 *     .entryHalfLifeMinutes(200)
 *     .exitHalfLifeMinutes(90)
 *     .restartSwitchCostShare(1.0)
 *     .build();
 * }</pre>
 *
 * <p><b>Forecast.</b> For interval {@code t + j} ({@code j = 0 .. n−1}, {@code n} the horizon: the
 * site's dwell, at least 60 minutes) the forecast is {@code E_j = w_j · L + (1 − w_j) · R_j}: the
 * recent settled level {@code L} decays towards a reference {@code R_j} with weight
 * {@code w_j = 2^(−(j+1)·Δ/halfLife)}, Δ the interval length. {@code R_j} is the published
 * day-ahead price of {@code t + j}; where none is published, the caller's forecast for it (see
 * {@link MarketView.Builder#forecast}); otherwise the median settled price of the last 24 hours.
 *
 * <p><b>Curtail</b> (while mining): {@code L = min(p₁, max(p₂, R₀))} with {@code p₁, p₂} the last two
 * settled prices — a single settled spike that the day-ahead market did not expect is not trusted
 * to persist, two in a row or one the day-ahead market confirms are — and half-life
 * {@code entryHalfLife}. Curtail when the forecast excess over the window,
 * {@code Σ (E_j − v) · MW · h}, exceeds {@code entrySwitchCostShare} times the cost of the two
 * switches the excursion takes ({@code v} the mining value).
 *
 * <p><b>Resume</b> (while curtailed): {@code L = p₁}, half-life {@code exitHalfLife}, over a window
 * {@code restartHorizonFactor} (2) times as long — a restart commits to a dwell and, if prices
 * rise again, to another curtailment; resume when the forecast margin of running over that
 * window, {@code Σ (v − E_j) · MW · h}, exceeds
 * {@code restartSwitchCostShare} (1) times one switch — a restart must pay for its own switch — so
 * the site stays curtailed through short dips.
 *
 * <p>AI spot work runs while its margin beats {@code E_0}. The defaults (entry half-life 200 min,
 * exit half-life 90 min, entry share 0, restart share 1, restart window factor 2) are rules about
 * persistence and switch economics, not about any price event. How much the choice among
 * settings matters, out of sample, is measured by a walk-forward over
 * {@link LoadPolicies#grid(String) LoadPolicies.grid("rolling")} (the backtest report).
 *
 * <p><b>Can lose against always-mine</b>: it acts on published prices only, so in a calm period
 * a spike that is over before the next decision costs it two switches. With its defaults, worst
 * measured quarter −197,799 USD against always-mine (SPP North Hub 2021Q4, 5-minute, a file
 * scored only after its defaults were frozen; conditions in {@link LoadPolicies}). The policy keeps no decision state, only a cache of its weights: it is
 * deterministic.
 *
 * @since 0.1.0
 */
public final class RollingHorizonPolicy implements LoadPolicy {
  private final double entryHalfLifeMinutes;
  private final double exitHalfLifeMinutes;
  private final double entrySwitchCostShare;
  private final double restartSwitchCostShare;
  private final double minHorizonMinutes;
  private final double restartHorizonFactor;

  private RollingHorizonPolicy(Builder b) {
    this.restartHorizonFactor = b.restartHorizonFactor;
    this.entryHalfLifeMinutes = b.entryHalfLifeMinutes;
    this.exitHalfLifeMinutes = b.exitHalfLifeMinutes;
    this.entrySwitchCostShare = b.entrySwitchCostShare;
    this.restartSwitchCostShare = b.restartSwitchCostShare;
    this.minHorizonMinutes = b.minHorizonMinutes;
  }

  /**
   * Starts a builder with the default parameters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "rolling";
  }

  @Override
  public Allocation propose(PolicyContext ctx) {
    int settled = ctx.settledCount();
    if (settled == 0) {
      return ctx.allocate(ctx.currentMiningMw(), 0);
    }
    double v = ctx.miningValueUsdPerMwh();
    int n = Math.max(ctx.dwellIntervals(), (int) Math.ceil(minHorizonMinutes / ctx.intervalMinutes()));
    int nRestart = (int) Math.ceil(n * restartHorizonFactor);
    double[] ref = reference(ctx, Math.max(n, nRestart));
    double last = ctx.settledUsdPerMwh(1);
    boolean mining = ctx.currentMiningMw() > 0;
    Weights w = weights(ctx.intervalMinutes(), Math.max(n, nRestart));
    double mw = mining ? ctx.currentMiningMw() : ctx.miningCapMw();
    double energy = mw * ctx.intervalHours();
    double switchCost = ctx.site().switchCostUsd();
    boolean mine;
    double e0;
    if (mining) {
      double level = settled >= 2 ? Math.min(last, Math.max(ctx.settledUsdPerMwh(2), ref[0])) : last;
      double excess = 0;
      e0 = blend(w.entry[0], level, ref[0]);
      for (int j = 0; j < n; j++) {
        excess += blend(w.entry[j], level, ref[j]) - v;
      }
      mine = !(excess * energy > entrySwitchCostShare * 2 * switchCost);
    } else {
      double margin = 0;
      e0 = blend(w.exit[0], last, ref[0]);
      for (int j = 0; j < nRestart; j++) {
        margin += v - blend(w.exit[j], last, ref[j]);
      }
      mine = margin * energy > restartSwitchCostShare * switchCost;
    }
    return ctx.meritOrder(mine, ctx.aiMarginUsdPerMwh() > e0);
  }

  /** Persistence weights for one interval length, computed once and reused. */
  private static final class Weights {
    final int minutes;
    final double[] entry;
    final double[] exit;

    Weights(int minutes, int n, double entryHalfLife, double exitHalfLife) {
      this.minutes = minutes;
      this.entry = new double[n];
      this.exit = new double[n];
      for (int j = 0; j < n; j++) {
        entry[j] = Math.pow(0.5, (j + 1) * minutes / entryHalfLife);
        exit[j] = Math.pow(0.5, (j + 1) * minutes / exitHalfLife);
      }
    }
  }

  private volatile @Nullable Weights weights;

  private Weights weights(int minutes, int n) {
    Weights w = weights;
    if (w == null || w.minutes != minutes || w.entry.length < n) {
      w = new Weights(minutes, n, entryHalfLifeMinutes, exitHalfLifeMinutes);
      weights = w;
    }
    return w;
  }

  private static double blend(double w, double level, double reference) {
    return w * level + (1 - w) * reference;
  }

  private static double[] reference(PolicyContext ctx, int n) {
    double[] ref = new double[n];
    int visible = ctx.dayAheadVisible();
    int forecast = ctx.forecastVisible();
    double fallback = Double.NaN;
    for (int j = 0; j < n; j++) {
      if (j < visible) {
        ref[j] = ctx.dayAheadUsdPerMwh(j);
      } else if (j < forecast) {
        ref[j] = ctx.forecastUsdPerMwh(j);
      } else {
        if (Double.isNaN(fallback)) {
          fallback = trailingMedian(ctx);
        }
        ref[j] = fallback;
      }
    }
    return ref;
  }

  private static double trailingMedian(PolicyContext ctx) {
    return ctx.settledMedianUsdPerMwh(Math.max(1, 1440 / ctx.intervalMinutes())).orElseThrow();
  }

  /**
   * Builds a {@link RollingHorizonPolicy}.
   *
   * <pre>{@code
   * RollingHorizonPolicy.builder().restartSwitchCostShare(1.0).build();
   * }</pre>
   */
  public static final class Builder {
    private double entryHalfLifeMinutes = 200;
    private double exitHalfLifeMinutes = 90;
    private double entrySwitchCostShare = 0;
    private double restartSwitchCostShare = 1.0;
    private double minHorizonMinutes = 60;
    private double restartHorizonFactor = 2.0;

    private Builder() {}

    /**
     * How much longer than the curtailment window the resume decision looks ahead.
     *
     * @param factor {@code >= 1}
     * @return this builder
     */
    public Builder restartHorizonFactor(double factor) {
      this.restartHorizonFactor = factor;
      return this;
    }

    /**
     * How long a settled price excursion is expected to persist when deciding to curtail.
     *
     * @param minutes half-life, {@code > 0}
     * @return this builder
     */
    public Builder entryHalfLifeMinutes(double minutes) {
      this.entryHalfLifeMinutes = minutes;
      return this;
    }

    /**
     * How long a settled price is expected to persist when deciding to resume.
     *
     * @param minutes half-life, {@code > 0}
     * @return this builder
     */
    public Builder exitHalfLifeMinutes(double minutes) {
      this.exitHalfLifeMinutes = minutes;
      return this;
    }

    /**
     * Share of the two switches' cost the forecast excess must beat to curtail.
     *
     * @param share {@code >= 0}
     * @return this builder
     */
    public Builder entrySwitchCostShare(double share) {
      this.entrySwitchCostShare = share;
      return this;
    }

    /**
     * Share of one switch's cost the forecast margin must beat to resume.
     *
     * @param share {@code >= 0}
     * @return this builder
     */
    public Builder restartSwitchCostShare(double share) {
      this.restartSwitchCostShare = share;
      return this;
    }

    /**
     * Shortest forecast window; the site's dwell is used when longer.
     *
     * @param minutes {@code > 0}
     * @return this builder
     */
    public Builder minHorizonMinutes(double minutes) {
      this.minHorizonMinutes = minutes;
      return this;
    }

    /**
     * Checks and builds the policy.
     *
     * @return the policy
     * @throws ValidationException naming the offending parameter
     */
    public RollingHorizonPolicy build() {
      positive("entryHalfLifeMinutes", entryHalfLifeMinutes);
      positive("exitHalfLifeMinutes", exitHalfLifeMinutes);
      positive("minHorizonMinutes", minHorizonMinutes);
      if (!(restartHorizonFactor >= 1) || Double.isInfinite(restartHorizonFactor)) {
        throw new ValidationException("restartHorizonFactor", restartHorizonFactor, "must be a finite number >= 1");
      }
      if (!(entrySwitchCostShare >= 0) || Double.isInfinite(entrySwitchCostShare)) {
        throw new ValidationException("entrySwitchCostShare", entrySwitchCostShare, "must be a finite number >= 0");
      }
      if (!(restartSwitchCostShare >= 0) || Double.isInfinite(restartSwitchCostShare)) {
        throw new ValidationException("restartSwitchCostShare", restartSwitchCostShare, "must be a finite number >= 0");
      }
      return new RollingHorizonPolicy(this);
    }

    private static void positive(String field, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new ValidationException(field, v, "must be a finite number > 0");
      }
    }
  }
}
