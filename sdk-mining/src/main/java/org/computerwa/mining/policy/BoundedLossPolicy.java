package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a policy so that no UTC calendar quarter ends more than a stated loss below always-mine,
 * whatever the prices do, as long as every settled price stays inside a stated range.
 *
 * <pre>{@code
 * LoadPolicy bounded = BoundedLossPolicy.builder()
 *     .policy(LoadPolicies.adaptive())
 *     .quarterlyLossLimitUsd(25_000)
 *     .priceRange(-250, 5_000)          // ERCOT's offer floor and cap, say: the caller's statement
 *     .build();
 * }</pre>
 *
 * <p><b>Why a bound needs a price range.</b> A policy decides before the interval's price exists
 * and sees it only after it is published, so any policy that ever curtails can be made to lose:
 * prices high while it mines draw it into a curtailment, low while it is curtailed make the
 * curtailment cost the mining it gave up, for the whole minimum dwell and every ramp step back. No
 * rule on published prices can prevent that loss; what can be bounded is its size, and only given
 * the lowest price the site will see while curtailed (and the highest, while AI spot work runs
 * beyond the mining it replaces). There is no default range: a range narrower than the market's
 * real one silently voids the bound, so the caller states it.
 *
 * <p><b>The rule.</b> The account {@code G} is what the site realised against always-mine since
 * the quarter began, on published prices; {@code W} is the least the intervals already run but not
 * yet published can still add, for prices in the range. Before passing on a proposal, the policy
 * plays out the worst case of accepting it: the proposal for this interval, then full mining (no
 * AI spot work) from the next interval on, through the site's envelope (minimum dwell, ramps,
 * pool minimum), each interval at the worse end of the price range, each switch at its cost, until
 * the site is back at full mining. The proposal passes only if {@code G + W} plus that worst case
 * stays at or above {@code −limit}, and the site is back at full mining within the quarter;
 * otherwise the policy proposes full mining with no AI spot work. By induction the worst case of
 * the path taken so far is always affordable, so the quarter's realised result against
 * always-mine is never below {@code −limit}: {@code BoundedLossPolicyTest} checks it against an
 * adversary that sets every price after seeing the decision, and on every quarter of the price
 * files in the repository.
 *
 * <p><b>What the bound assumes.</b> Every settled price inside the range (a price outside it is
 * counted by {@link #settledPricesOutsideRange()}); the mining value, AI
 * margin and lease commitments of the decision holding for the path it plays out; the site
 * applying what its envelope makes of the proposal (as {@link LoadController} does); and the
 * policy seeing every interval of the quarter from its first one with the site at full mining. A
 * policy restarted in the middle of a curtailment bounds the quarter's result only from then on.
 *
 * <p>The price of the bound: a curtailment is admitted only when the quarter can pay for its worst
 * case, so a quarter starts with curtailments worth at most {@code limit}, and a market whose range
 * is wide (a deep negative floor) needs a large limit before the first curtailment fits at all.
 *
 * <p>One instance keeps state for one site: do not share it between controllers.
 *
 * @since 0.3.0
 */
public final class BoundedLossPolicy implements LoadPolicy {
  private final LoadPolicy policy;
  private final double limitUsd;
  private final double lowUsdPerMwh;
  private final double highUsdPerMwh;
  private final QuarterAccount account;
  private @Nullable SiteRules rules;

  private BoundedLossPolicy(LoadPolicy policy, double limitUsd, double lowUsdPerMwh, double highUsdPerMwh) {
    this.policy = policy;
    this.limitUsd = limitUsd;
    this.lowUsdPerMwh = lowUsdPerMwh;
    this.highUsdPerMwh = highUsdPerMwh;
    this.account = new QuarterAccount(lowUsdPerMwh, highUsdPerMwh);
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
    return "bounded " + policy.name();
  }

  /**
   * The quarter's loss limit against always-mine.
   *
   * @return USD, {@code >= 0}
   */
  public double quarterlyLossLimitUsd() {
    return limitUsd;
  }

  /**
   * The quarter's settled intervals against always-mine, on published prices.
   *
   * @return USD
   */
  public synchronized double realisedGainUsd() {
    return account.settledUsd();
  }

  /**
   * How many settled prices the policy has booked that lay outside the stated range. Each one
   * means the quarter it fell in is no longer bounded by the limit: a range stated too narrow (by
   * mistake, or to admit more curtailments than the market's real range allows) shows here rather
   * than passing silently.
   *
   * @return the count since the policy was built
   */
  public synchronized long settledPricesOutsideRange() {
    return account.pricesOutsideRange();
  }

  @Override
  public synchronized Allocation propose(PolicyContext ctx) {
    SiteRules r = rules;
    if (r == null || r.site != ctx.site() || r.hours * 60 != ctx.intervalMinutes()) {
      r = new SiteRules(ctx.site(), ctx.intervalMinutes());
      rules = r;
    }
    account.open(ctx);
    Allocation proposal = Objects.requireNonNull(policy.propose(ctx), "proposal");
    double room = account.settledUsd() + account.worstPendingUsd(ctx) + limitUsd;
    Allocation out = room + worstPathUsd(ctx, r, proposal) >= 0 ? proposal : ctx.allocate(ctx.miningCapMw(), 0);
    int cap = r.capLevel(ctx.leasedMw());
    int level = r.floorLevel(ctx.currentMiningMw() + 1e-9);
    int target = Envelope.miningLevel(r, level, ctx.intervalsHeld(), cap, out.miningMw(), EnumSet.noneOf(Intervention.class));
    account.close(ctx, Math.min(out.aiSpotMw(), r.spotRoom(ctx.leasedMw(), target)));
    return out;
  }

  /**
   * The least the site can realise against always-mine from this interval on if it accepts
   * {@code first} now and returns to full mining from the next interval: {@code -infinity} if it
   * cannot be back within the quarter.
   */
  private double worstPathUsd(PolicyContext ctx, SiteRules r, Allocation first) {
    int cap = r.capLevel(ctx.leasedMw());
    double capMw = ctx.miningCapMw();
    double switchCost = ctx.site().switchCostUsd();
    int level = r.floorLevel(ctx.currentMiningMw() + 1e-9);
    int held = ctx.intervalsHeld();
    double proposedMw = first.miningMw();
    double proposedSpot = first.aiSpotMw();
    long step = ctx.intervalMinutes() * 60L;
    long start = ctx.intervalStart().getEpochSecond();
    String quarter = QuarterAccount.quarterOf(ctx.intervalStart());
    double total = 0;
    // Each ramp step back waits out a dwell: the path is at most (levels / ramp + 1) dwells long.
    int longest = (r.maxLevel / Math.max(1, r.rampUpLevels) + 2) * (r.dwell + 1) + 1;
    for (int i = 0; i < longest; i++) {
      if (!QuarterAccount.quarterOf(Instant.ofEpochSecond(start + i * step)).equals(quarter)) {
        return Double.NEGATIVE_INFINITY;
      }
      int target = Envelope.miningLevel(r, level, held, cap, proposedMw, EnumSet.noneOf(Intervention.class));
      double spot = Math.min(Math.max(0, proposedSpot), r.spotRoom(ctx.leasedMw(), target));
      boolean switched = target != level;
      total += account.worst(ctx, r.mw(target), capMw, spot) - (switched ? switchCost : 0);
      held = switched ? 1 : Math.min(held + 1, r.dwell);
      level = target;
      if (level == cap && spot == 0) {
        return total; // at full mining with no spot work every later interval adds exactly zero
      }
      proposedMw = capMw;
      proposedSpot = 0;
    }
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "BoundedLossPolicy[" + policy.name() + ", limit " + limitUsd + " USD, prices [" + lowUsdPerMwh + ", "
        + highUsdPerMwh + "] USD/MWh]";
  }

  /**
   * Builds a {@link BoundedLossPolicy}; the policy, the limit and the price range are required.
   */
  public static final class Builder {
    private @Nullable LoadPolicy policy;
    private double limitUsd = Double.NaN;
    private double low = Double.NaN;
    private double high = Double.NaN;

    private Builder() {}

    /**
     * The policy to bound, required.
     *
     * @param p the policy; a stateful one must not be shared
     * @return this builder
     */
    public Builder policy(LoadPolicy p) {
      this.policy = Objects.requireNonNull(p, "policy");
      return this;
    }

    /**
     * The most a quarter may end below always-mine, required.
     *
     * @param usd {@code >= 0}; zero admits no curtailment that could lose
     * @return this builder
     */
    public Builder quarterlyLossLimitUsd(double usd) {
      this.limitUsd = usd;
      return this;
    }

    /**
     * The range every settled price is taken to stay in, required: the bound holds only inside it.
     *
     * @param lowUsdPerMwh the lowest price (a market's offer floor, or lower)
     * @param highUsdPerMwh the highest price (a market's cap, or higher)
     * @return this builder
     */
    public Builder priceRange(double lowUsdPerMwh, double highUsdPerMwh) {
      this.low = lowUsdPerMwh;
      this.high = highUsdPerMwh;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the policy
     * @throws ValidationException naming the missing or offending field
     */
    public BoundedLossPolicy build() {
      LoadPolicy p = policy;
      if (p == null) {
        throw new ValidationException("bounded.policy", null, "must be set");
      }
      if (!(limitUsd >= 0) || Double.isInfinite(limitUsd)) {
        throw new ValidationException("bounded.quarterlyLossLimitUsd", limitUsd, "must be set to a finite number >= 0");
      }
      if (Double.isNaN(low) || Double.isNaN(high)) {
        throw new ValidationException("bounded.priceRange", null,
            "must be set: the bound holds only for prices inside a range the caller states");
      }
      if (Double.isInfinite(low) || Double.isInfinite(high) || !(low < high)) {
        throw new ValidationException("bounded.priceRange", "[" + low + ", " + high + "]", "must be finite with low < high");
      }
      return new BoundedLossPolicy(p, limitUsd, low, high);
    }
  }
}
