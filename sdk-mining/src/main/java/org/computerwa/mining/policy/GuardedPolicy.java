package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a policy with a loss guard against always-mine, accounted per UTC calendar quarter: the
 * wrapped policy may start a curtailment only while what the site has realised against always-mine
 * since the quarter began can pay for it, and is made to resume mining once the quarter's loss
 * limit is reached.
 *
 * <pre>{@code
 * LoadPolicy safe = GuardedPolicy.builder().policy(AdaptivePolicy.builder().build()).build();
 * LoadPolicy same = LoadPolicies.guarded();                      // the same, named "guarded"
 * }</pre>
 *
 * <p><b>The account.</b> For every interval the site ran, once its settled price {@code p} is
 * published, the guard adds {@code h · ((mining − mining cap) · (v − p) + AI spot · (a − p))},
 * minus the switching cost if the site switched: what the site earned beyond always-mine in that
 * interval ({@code v} mining value, {@code a} AI margin). The account {@code G} restarts at zero at
 * the start of each UTC calendar quarter, when the guard is first used, and when the intervals it
 * is asked about stop being consecutive; {@code P} is its highest value in the quarter so far.
 *
 * <p><b>The rule.</b> With {@code c} one switch's cost, the loss limit is
 * {@code L = (1 − givebackShare) · P − lossAllowanceSwitches · c}: the site may give back a share
 * of what the quarter has earned, plus a fixed allowance, and never more than the allowance below
 * zero. A proposal that lowers mining below the current setpoint is
 * passed on only if {@code G − 2c ≥ L} (the account can take the curtailment's two switches);
 * otherwise the guard proposes the current setpoint. While the site is curtailed and
 * {@code G < L}, the guard proposes full mining (the controller's envelope still applies the dwell).
 * Both rules are lifted while the last published price exceeds {@code scarcityMultiple} times the
 * mining value: in a scarcity event the wrapped policy decides alone, so a guard that stopped a run
 * of small losses does not also stop the quarter's one large gain.
 *
 * <p><b>It can still end a quarter below always-mine.</b> The account moves only on published
 * prices, so curtailments already in flight when it crosses the limit, and those started in a
 * scarcity event, can take it below {@code L}; and a quarter that reaches its limit early stays
 * near it. The backtest report lists its measured quarters per market; the worst measured quarter
 * is quoted in {@link LoadPolicies#guarded()}. For a limit that holds whatever the prices do
 * inside a stated range, use {@link BoundedLossPolicy}.
 *
 * <p>One instance keeps state for one site: do not share it between controllers.
 *
 * @since 0.2.0
 */
public final class GuardedPolicy implements LoadPolicy {
  private final LoadPolicy policy;
  private final double lossAllowanceSwitches;
  private final double givebackShare;
  private final double scarcityMultiple;

  /** Intervals run but not yet settled: {start, miningMw, capMw, spotMw, switchCost}. */
  private final ArrayDeque<double[]> pending = new ArrayDeque<>();
  private double gain;
  private double peak;
  private String quarter = "";
  private long lastStart = Long.MIN_VALUE;
  private final PublishedPrices published = new PublishedPrices();
  private double previousMw = Double.NaN;
  private double previousCapMw;
  private double previousSpotMw;
  private long previousStart;

  private GuardedPolicy(LoadPolicy policy, double lossAllowanceSwitches, double givebackShare, double scarcityMultiple) {
    this.policy = policy;
    this.lossAllowanceSwitches = lossAllowanceSwitches;
    this.givebackShare = givebackShare;
    this.scarcityMultiple = scarcityMultiple;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "guarded";
  }

  /**
   * The account: what the site realised beyond always-mine since the quarter began, on the
   * intervals whose prices are published.
   *
   * @return USD
   */
  public synchronized double realisedGainUsd() {
    return gain;
  }

  @Override
  public synchronized Allocation propose(PolicyContext ctx) {
    long step = ctx.intervalMinutes() * 60L;
    long start = ctx.intervalStart().getEpochSecond();
    if (start != lastStart + step) {
      pending.clear();
      previousMw = Double.NaN;
      published.reset();
      gain = 0;
      peak = 0;
    }
    String q = quarterOf(ctx.intervalStart());
    if (!q.equals(quarter)) {
      quarter = q;
      gain = 0;
      peak = 0;
      pending.removeIf(e -> !quarterOf(Instant.ofEpochSecond((long) e[0])).equals(q));
    }
    if (!Double.isNaN(previousMw)) {
      double applied = ctx.currentMiningMw();
      pending.add(new double[] {previousStart, applied, previousCapMw, previousSpotMw,
          applied != previousMw ? ctx.site().switchCostUsd() : 0});
    }
    lastStart = start;
    settle(ctx, step);
    Allocation proposal = Objects.requireNonNull(policy.propose(ctx), "proposal");
    Allocation out = guard(ctx, proposal);
    previousMw = ctx.currentMiningMw();
    previousCapMw = ctx.miningCapMw();
    previousSpotMw = out.aiSpotMw();
    previousStart = start;
    return out;
  }

  private Allocation guard(PolicyContext ctx, Allocation proposal) {
    double c = ctx.site().switchCostUsd();
    double floor = (1 - givebackShare) * peak - lossAllowanceSwitches * c; // never below -allowance
    double current = ctx.currentMiningMw();
    boolean scarcity = ctx.settledCount() > 0 && ctx.settledUsdPerMwh(1) > scarcityMultiple * ctx.miningValueUsdPerMwh();
    if (scarcity) {
      return proposal;
    }
    if (current < ctx.miningCapMw() - 1e-9 && gain < floor) {
      return ctx.allocate(ctx.miningCapMw(), proposal.aiSpotMw()); // the quarter's loss limit is reached: mine
    }
    if (proposal.miningMw() < current - 1e-9 && gain - 2 * c < floor) {
      return ctx.allocate(current, proposal.aiSpotMw()); // the account cannot pay for a curtailment's switches
    }
    return proposal;
  }

  /** Adds every pending interval whose price is now published to the account. */
  private void settle(PolicyContext ctx, long step) {
    if (!published.advanced(ctx)) {
      return;
    }
    double v = ctx.miningValueUsdPerMwh();
    double a = ctx.aiMarginUsdPerMwh();
    double h = ctx.intervalHours();
    published.drain(pending, ctx, step, (e, p) -> {
      if (!Double.isNaN(p)) { // an interval whose price left the view is dropped (this account is frozen so)
        gain += h * ((e[1] - e[2]) * (v - p) + e[3] * (a - p)) - e[4];
        peak = Math.max(peak, gain);
      }
    });
  }

  private static String quarterOf(Instant t) {
    return QuarterAccount.quarterOf(t);
  }

  @Override
  public String toString() {
    return "GuardedPolicy[" + policy.name() + ", " + quarter + " gain " + gain + " USD]";
  }

  /**
   * Builds a {@link GuardedPolicy}.
   *
   * <pre>{@code
   * GuardedPolicy.builder().policy(LoadPolicies.rolling()).lossAllowanceSwitches(2).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable LoadPolicy policy;
    private double lossAllowanceSwitches = 4;
    private double givebackShare = 0.5;
    private double scarcityMultiple = 3;

    private Builder() {}

    /**
     * The policy to guard, required.
     *
     * @param p the policy; a stateful one must not be shared
     * @return this builder
     */
    public Builder policy(LoadPolicy p) {
      this.policy = Objects.requireNonNull(p, "policy");
      return this;
    }

    /**
     * The fixed part of the quarter's loss limit, in switch costs: what the quarter may lose
     * against always-mine before any gain has funded it. Defaults to 4.
     *
     * @param switches {@code >= 0}
     * @return this builder
     */
    public Builder lossAllowanceSwitches(double switches) {
      this.lossAllowanceSwitches = switches;
      return this;
    }

    /**
     * Share of the quarter's highest account that may be given back before the guard stops
     * curtailing. Defaults to 0.5.
     *
     * @param share in {@code [0, 1]}
     * @return this builder
     */
    public Builder givebackShare(double share) {
      this.givebackShare = share;
      return this;
    }

    /**
     * While the last published price exceeds this multiple of the mining value, the guard lets the
     * wrapped policy decide alone. Defaults to 3.
     *
     * @param multiple {@code >= 1}; {@code Double.POSITIVE_INFINITY} never lifts the guard
     * @return this builder
     */
    public Builder scarcityMultiple(double multiple) {
      this.scarcityMultiple = multiple;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the policy
     * @throws ValidationException naming the offending field
     */
    public GuardedPolicy build() {
      LoadPolicy p = policy;
      if (p == null) {
        throw new ValidationException("guarded.policy", null, "must be set");
      }
      if (!(lossAllowanceSwitches >= 0) || Double.isInfinite(lossAllowanceSwitches)) {
        throw new ValidationException("guarded.lossAllowanceSwitches", lossAllowanceSwitches, "must be a finite number >= 0");
      }
      if (!(givebackShare >= 0 && givebackShare <= 1)) {
        throw new ValidationException("guarded.givebackShare", givebackShare, "must be in [0, 1]");
      }
      if (!(scarcityMultiple >= 1)) {
        throw new ValidationException("guarded.scarcityMultiple", scarcityMultiple, "must be a number >= 1");
      }
      return new GuardedPolicy(p, lossAllowanceSwitches, givebackShare, scarcityMultiple);
    }
  }
}
