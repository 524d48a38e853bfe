package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An online policy that learns which of several candidate rules pays at this site and in this
 * market, from what it has seen: exponential weights over the candidates by their realised
 * profit, with forgetting.
 *
 * <pre>{@code
 * LoadPolicy p = AdaptivePolicy.builder().build();             // the default candidates
 * LoadPolicy q = AdaptivePolicy.builder()
 *     .candidates(List.of(LoadPolicies.alwaysMine(), LoadPolicies.threshold(20), LoadPolicies.rolling()))
 *     .halfLifeDays(7)
 *     .build();
 * }</pre>
 *
 * <p><b>How it decides.</b> Each candidate runs in a shadow copy of the site (its own setpoint and
 * dwell count, under the same envelope as the {@link LoadController}). As settled prices are
 * published, each shadow's realised profit — switching costs included — is added to a score that
 * decays with the given half-life. Candidate {@code i} weighs {@code exp((G_i − max G) / T)},
 * {@code T} the temperature (by default one switch's cost): a candidate one switch's cost behind
 * the leader weighs {@code 1/e} of it. The site mines at full power when the candidates that would
 * mine <em>now</em> (asked with the site's real state) carry at least half the weight, and runs
 * AI spot work on the same rule; otherwise it curtails. Always-mine starts with a head start of
 * {@code alwaysMinePriorSwitches} switch costs, so with no evidence yet the policy keeps mining.
 *
 * <p><b>Risk cap.</b> The policy also scores the real site against always-mine (the same
 * decaying sum). It starts a curtailment only while that realised gain, minus the curtailment's
 * two switches, stays above minus {@code riskBudgetSwitches} switch costs — or when a curtailing
 * candidate's shadow score leads always-mine's by more than that budget, evidence gathered without
 * risking the real site.
 *
 * <p><b>It can lose against always-mine.</b> It learns only from published prices, so it pays for
 * a regime change before it follows it, and in calm periods a spike that is over before the next
 * decision costs a curtailing candidate two switches. The cap bounds how much a run of such losses
 * can cost before the policy stops curtailing, but it does not prevent a losing quarter: the
 * backtest report lists, per market and quarter, where it ended below always-mine: with its
 * defaults, worst measured quarter −28,481 USD (NYISO zone J 2021Q3, hourly) and −28,039 USD on the
 * sub-hourly markets (SPP North Hub 2021Q4, 5-minute, a file scored only after its defaults were
 * frozen); see {@link LoadPolicies} for the conditions and
 * {@link GuardedPolicy} for a loss guard around it. It never sees a
 * price before it is published. One instance keeps state for one site: do not share it between
 * controllers. Its state resets when the intervals it is asked about are not consecutive.
 *
 * @since 0.2.0
 */
public final class AdaptivePolicy implements LoadPolicy {
  private final List<LoadPolicy> candidates;
  private final int alwaysMineIndex;
  private final double halfLifeDays;
  private final double temperatureSwitches;
  private final double alwaysMinePriorSwitches;
  private final double riskBudgetSwitches;

  private final Shadow[] shadows;
  /** The real site's applied mining, scored like a shadow against always-mine: {start, mw, capMw, switchCost}. */
  private final ArrayDeque<double[]> actual = new ArrayDeque<>();
  private double actualGain;
  private double previousMw = Double.NaN;
  private double previousCapMw;
  private long previousStart;
  private @Nullable SiteRules rules;
  private long lastStart = Long.MIN_VALUE;
  private final PublishedPrices published = new PublishedPrices();
  private double decay;

  /** One candidate's simulated site and score. */
  private static final class Shadow {
    int level = -1;
    int held;
    double score;
    final ArrayDeque<double[]> pending = new ArrayDeque<>(); // {start, miningMw, spotMw, switchCost}
  }

  private AdaptivePolicy(Builder b, List<LoadPolicy> candidates) {
    this.candidates = candidates;
    int am = -1;
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).name().equals("always-mine")) {
        am = i;
      }
    }
    this.alwaysMineIndex = am;
    this.halfLifeDays = b.halfLifeDays;
    this.temperatureSwitches = b.temperatureSwitches;
    this.alwaysMinePriorSwitches = b.alwaysMinePriorSwitches;
    this.riskBudgetSwitches = b.riskBudgetSwitches;
    this.shadows = new Shadow[candidates.size()];
  }

  /**
   * Starts a builder with the default candidates and parameters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default candidates: always-mine, the lagged threshold without and with hysteresis
   * (25 and 100 USD/MWh), and three rolling-horizon variants (default; fast: half-lives 100/45
   * min; cautious: entry share 1, restart share 2).
   *
   * @return a new list
   */
  public static List<LoadPolicy> defaultCandidates() {
    return List.of(
        LoadPolicies.alwaysMine(),
        LoadPolicy.named("threshold-0", LoadPolicies.threshold(0)),
        LoadPolicy.named("threshold-25", LoadPolicies.threshold(25)),
        LoadPolicy.named("threshold-100", LoadPolicies.threshold(100)),
        LoadPolicies.rolling(),
        LoadPolicy.named("rolling-fast", RollingHorizonPolicy.builder().entryHalfLifeMinutes(100).exitHalfLifeMinutes(45).build()),
        LoadPolicy.named("rolling-cautious", RollingHorizonPolicy.builder().entrySwitchCostShare(1).restartSwitchCostShare(2).build()));
  }

  @Override
  public String name() {
    return "adaptive";
  }

  /**
   * The candidates' names and current weights (summing to 1), for inspection.
   *
   * @return one line per candidate
   */
  public synchronized List<String> weights() {
    double[] w = weightsNow();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      out.add(candidates.get(i).name() + " " + w[i]);
    }
    return out;
  }

  @Override
  public synchronized Allocation propose(PolicyContext ctx) {
    SiteRules r = rules;
    long step = ctx.intervalMinutes() * 60L;
    long start = ctx.intervalStart().getEpochSecond();
    if (r == null || r.site != ctx.site() || r.hours * 60 != ctx.intervalMinutes() || start != lastStart + step) {
      r = reset(ctx);
    }
    if (!Double.isNaN(previousMw)) {
      double applied = ctx.currentMiningMw();
      actual.add(new double[] {previousStart, applied, previousCapMw, applied != previousMw ? ctx.site().switchCostUsd() : 0});
    }
    lastStart = start;
    settle(ctx, step);
    int cap = r.capLevel(ctx.leasedMw());
    double total = 0;
    double mineWeight = 0;
    double bestCurtailScore = Double.NEGATIVE_INFINITY;
    double spotWeight = 0;
    double[] w = weightsNow();
    for (int i = 0; i < candidates.size(); i++) {
      LoadPolicy c = candidates.get(i);
      Shadow s = shadows[i];
      boolean sameAsSite = s.level == r.floorLevel(ctx.currentMiningMw() + 1e-9) && s.held == ctx.intervalsHeld();
      // the candidate in its own shadow site
      PolicyContext own = ctx.withState(r.mw(s.level), s.held);
      Allocation a = safe(c, own);
      int target = Envelope.miningLevel(r, s.level, s.held, cap, a.miningMw(), EnumSet.noneOf(Intervention.class));
      double spot = Math.min(a.aiSpotMw(), r.spotRoom(ctx.leasedMw(), target));
      boolean switched = target != s.level;
      s.pending.add(new double[] {start, r.mw(target), spot, switched ? ctx.site().switchCostUsd() : 0});
      s.held = switched ? 1 : Math.min(s.held + 1, r.dwell);
      s.level = target;
      // the candidate asked with the site's real state
      Allocation now = sameAsSite ? a : safe(c, ctx);
      total += w[i];
      if (now.miningMw() > 0) {
        mineWeight += w[i];
      } else {
        bestCurtailScore = Math.max(bestCurtailScore, s.score);
      }
      if (now.aiSpotMw() > 0) {
        spotWeight += w[i];
      }
    }
    boolean mine = mineWeight >= 0.5 * total;
    boolean spot = spotWeight >= 0.5 * total && ctx.aiMarginUsdPerMwh() > 0;
    double switchCost = ctx.site().switchCostUsd();
    double budget = riskBudgetSwitches * switchCost;
    double alwaysMineScore = alwaysMineIndex < 0 ? 0 : shadows[alwaysMineIndex].score;
    if (!mine && ctx.currentMiningMw() > 0 && actualGain - 2 * switchCost < -budget
        && bestCurtailScore - alwaysMineScore < budget) {
      // A curtailment could take the site's loss against always-mine beyond the budget, and no
      // curtailing candidate has shown in its shadow that curtailing earns more than that.
      mine = true;
    }
    previousMw = ctx.currentMiningMw();
    previousCapMw = ctx.miningCapMw();
    previousStart = start;
    return ctx.meritOrder(mine, spot);
  }

  private static Allocation safe(LoadPolicy c, PolicyContext ctx) {
    try {
      return Objects.requireNonNull(c.propose(ctx), "proposal");
    } catch (RuntimeException e) {
      return ctx.allocate(ctx.currentMiningMw(), 0); // a failing candidate holds, as the controller's fallback
    }
  }

  private SiteRules reset(PolicyContext ctx) {
    SiteRules r = new SiteRules(ctx.site(), ctx.intervalMinutes());
    rules = r;
    published.reset();
    actual.clear();
    actualGain = 0;
    previousMw = Double.NaN;
    decay = Math.pow(0.5, ctx.intervalMinutes() / (halfLifeDays * 1440));
    int level = r.floorLevel(ctx.currentMiningMw());
    for (int i = 0; i < shadows.length; i++) {
      Shadow s = new Shadow();
      s.level = level;
      s.held = ctx.intervalsHeld();
      s.score = i == alwaysMineIndex ? alwaysMinePriorSwitches * ctx.site().switchCostUsd() : 0;
      shadows[i] = s;
    }
    return r;
  }

  /** Scores every pending shadow interval whose price is now published. */
  private void settle(PolicyContext ctx, long step) {
    if (!published.advanced(ctx)) {
      return;
    }
    double v = ctx.miningValueUsdPerMwh();
    double a = ctx.aiMarginUsdPerMwh();
    double h = ctx.intervalHours();
    // an interval older than the view shows cannot be scored (NaN): skipped
    published.drain(actual, ctx, step, (e, p) -> {
      if (!Double.isNaN(p)) {
        actualGain = decay * actualGain + h * (e[1] - e[2]) * (v - p) - e[3];
      }
    });
    for (Shadow s : shadows) {
      published.drain(s.pending, ctx, step, (e, p) -> {
        if (!Double.isNaN(p)) {
          s.score = decay * s.score + h * (e[1] * (v - p) + e[2] * (a - p)) - e[3];
        }
      });
    }
  }

  private double[] weightsNow() {
    int n = candidates.size();
    double[] w = new double[n];
    if (rules == null) {
      java.util.Arrays.fill(w, 1.0 / n);
      return w;
    }
    double t = Math.max(1e-9, temperatureSwitches * Math.max(1, rules.site.switchCostUsd()));
    double max = Double.NEGATIVE_INFINITY;
    for (Shadow s : shadows) {
      max = Math.max(max, s.score);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp((shadows[i].score - max) / t);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /**
   * Builds an {@link AdaptivePolicy}.
   *
   * <pre>{@code
   * AdaptivePolicy.builder().halfLifeDays(14).build();
   * }</pre>
   */
  public static final class Builder {
    private List<LoadPolicy> candidates = defaultCandidates();
    private double halfLifeDays = 14;
    private double temperatureSwitches = 4;
    private double alwaysMinePriorSwitches = 4;
    private double riskBudgetSwitches = 6;

    private Builder() {}

    /**
     * The candidate rules; stateless policies only (each is called for its shadow and for the
     * real site in the same interval).
     *
     * @param policies at least one, names distinct
     * @return this builder
     */
    public Builder candidates(List<LoadPolicy> policies) {
      this.candidates = List.copyOf(policies);
      return this;
    }

    /**
     * How fast old evidence fades.
     *
     * @param days half-life of a realised profit in the scores, {@code > 0}
     * @return this builder
     */
    public Builder halfLifeDays(double days) {
      this.halfLifeDays = days;
      return this;
    }

    /**
     * The temperature in switch costs: how far behind the leader a candidate may be and still
     * count.
     *
     * @param switches {@code > 0}
     * @return this builder
     */
    public Builder temperatureSwitches(double switches) {
      this.temperatureSwitches = switches;
      return this;
    }

    /**
     * Head start of always-mine, in switch costs, if it is a candidate.
     *
     * @param switches {@code >= 0}
     * @return this builder
     */
    public Builder alwaysMinePriorSwitches(double switches) {
      this.alwaysMinePriorSwitches = switches;
      return this;
    }

    /**
     * The loss against always-mine, in switch costs, that a new curtailment may risk: the site's
     * realised gain over always-mine (decaying with the same half-life) minus the two switches of
     * a curtailment must stay above minus this budget, or the policy keeps mining — unless a
     * curtailing candidate's shadow score leads always-mine's by more than the budget (evidence
     * gathered without risking the real site, so the budget never stops learning for good).
     *
     * @param switches {@code >= 0}
     * @return this builder
     */
    public Builder riskBudgetSwitches(double switches) {
      this.riskBudgetSwitches = switches;
      return this;
    }

    /**
     * Checks and builds the policy.
     *
     * @return the policy
     * @throws ValidationException naming the offending parameter
     */
    public AdaptivePolicy build() {
      if (candidates.isEmpty()) {
        throw new ValidationException("candidates", 0, "must hold at least one policy");
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (!names.add(candidates.get(i).name())) {
          throw new ValidationException("candidates[" + i + "].name", candidates.get(i).name(), "must be distinct");
        }
      }
      if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
        throw new ValidationException("halfLifeDays", halfLifeDays, "must be a finite number > 0");
      }
      if (!(temperatureSwitches > 0) || Double.isInfinite(temperatureSwitches)) {
        throw new ValidationException("temperatureSwitches", temperatureSwitches, "must be a finite number > 0");
      }
      if (!(alwaysMinePriorSwitches >= 0) || Double.isInfinite(alwaysMinePriorSwitches)) {
        throw new ValidationException("alwaysMinePriorSwitches", alwaysMinePriorSwitches, "must be a finite number >= 0");
      }
      if (!(riskBudgetSwitches >= 0) || Double.isInfinite(riskBudgetSwitches)) {
        throw new ValidationException("riskBudgetSwitches", riskBudgetSwitches, "must be a finite number >= 0");
      }
      return new AdaptivePolicy(this, candidates);
    }
  }

  @Override
  public String toString() {
    return "AdaptivePolicy[" + candidates.size() + " candidates, half-life " + halfLifeDays + " d, last " + Instant.ofEpochSecond(
        Math.max(0, lastStart)) + "]";
  }
}
