package org.computerwa.mining.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Replays a price history as the market published it: for each interval, the {@link MarketView}
 * a live feed would have shown at the decision time, under the market's publication rules.
 *
 * <pre>{@code
 * MarketReplay replay = MarketReplay.builder()
 *     .prices(PriceSeriesCsv.read(path))
 *     .rules(MarketRules.ercot(Duration.ofMinutes(5)))
 *     .decisionLead(Duration.ofMinutes(5))
 *     .scenario(Scenario.constant(50, 0))
 *     .build();
 * for (int t = 0; t < replay.size(); t++) {
 *   controller.decide(replay.view(t));
 * }
 * }</pre>
 *
 * <p>The decision for interval {@code t} is made at {@code start(t) − decisionLead}. A settled
 * price is in the view once its interval ended and the publication delay passed; day-ahead prices
 * once their operating day's publication instant passed ({@link MarketRules#dayAheadKnownUntil}).
 * Views share the series' arrays: building one costs O(1) besides the calendar arithmetic.
 *
 * @since 0.2.0
 */
public final class MarketReplay {
  private final PriceSeries prices;
  private final MarketRules rules;
  private final Duration decisionLead;
  private final Scenario scenario;
  private final long step;
  private final long leadSeconds;
  private final long delaySeconds;

  private MarketReplay(PriceSeries prices, MarketRules rules, Duration lead, Scenario scenario) {
    this.prices = prices;
    this.rules = rules;
    this.decisionLead = lead;
    this.scenario = scenario;
    this.step = prices.intervalMinutes() * 60L;
    this.leadSeconds = lead.getSeconds();
    this.delaySeconds = rules.realTimePublicationDelay().getSeconds();
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
   * Number of intervals.
   *
   * @return the size of the series
   */
  public int size() {
    return prices.size();
  }

  /**
   * The replayed series.
   *
   * @return the series
   */
  public PriceSeries prices() {
    return prices;
  }

  /**
   * The publication rules.
   *
   * @return the rules
   */
  public MarketRules rules() {
    return rules;
  }

  /**
   * How long before each interval the decision is made.
   *
   * @return the lead
   */
  public Duration decisionLead() {
    return decisionLead;
  }

  /**
   * Hashprice and AI margin over time.
   *
   * @return the scenario
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * The view at the decision time of interval {@code t}.
   *
   * @param t interval index
   * @return the view
   * @throws ValidationException if {@code t} is outside the series
   */
  public MarketView view(int t) {
    if (t < 0 || t >= prices.size()) {
      throw new ValidationException("replay.index", t, "must be within 0.." + (prices.size() - 1));
    }
    long[] starts = prices.startsArray();
    long start = starts[t];
    long asOf = start - leadSeconds;
    long settledUntil = asOf - delaySeconds - step; // latest interval start whose price is out
    long settled = settledUntil < starts[0] ? 0 : Math.min(t, (settledUntil - starts[0]) / step + 1);
    double[] da = prices.dayAheadArray();
    int daCount = 0;
    if (da != null && rules.hasDayAhead()) {
      long until = rules.dayAheadKnownUntil(Instant.ofEpochSecond(asOf)).getEpochSecond();
      long end = until <= starts[0] ? 0 : (until - starts[0] + step - 1) / step; // first index not known
      daCount = (int) Math.max(0, Math.min(prices.size(), end) - t);
    }
    Instant at = prices.start(t);
    return new MarketView(start, prices.intervalMinutes(), Instant.ofEpochSecond(asOf), starts, prices.realTimeArray(),
        (int) settled, (int) settled, da == null ? new double[0] : da, t, daCount,
        scenario.hashpriceUsdPerPhDay(at), scenario.aiMarginUsdPerMwh(at), new double[0], null);
  }

  /**
   * Builds a {@link MarketReplay}; every field is required.
   *
   * <pre>{@code
   * MarketReplay.builder().prices(p).rules(MarketRules.ercot(Duration.ofMinutes(5)))
   *     .decisionLead(Duration.ofMinutes(5)).scenario(Scenario.constant(50, 0)).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable PriceSeries prices;
    private @Nullable MarketRules rules;
    private @Nullable Duration decisionLead;
    private @Nullable Scenario scenario;

    private Builder() {}

    /**
     * The price history.
     *
     * @param series the series
     * @return this builder
     */
    public Builder prices(PriceSeries series) {
      this.prices = Objects.requireNonNull(series, "prices");
      return this;
    }

    /**
     * When the market publishes what.
     *
     * @param market the rules
     * @return this builder
     */
    public Builder rules(MarketRules market) {
      this.rules = Objects.requireNonNull(market, "rules");
      return this;
    }

    /**
     * How long before each interval starts the decision is made (the command must reach the
     * fleet in time).
     *
     * @param lead {@code >= 0}, whole seconds
     * @return this builder
     */
    public Builder decisionLead(Duration lead) {
      this.decisionLead = Objects.requireNonNull(lead, "decisionLead");
      return this;
    }

    /**
     * Hashprice and AI margin over time.
     *
     * @param s the scenario
     * @return this builder
     */
    public Builder scenario(Scenario s) {
      this.scenario = Objects.requireNonNull(s, "scenario");
      return this;
    }

    /**
     * Checks and builds the replay.
     *
     * @return the replay
     * @throws ValidationException naming the missing or invalid field
     */
    public MarketReplay build() {
      PriceSeries p = prices;
      MarketRules r = rules;
      Duration lead = decisionLead;
      Scenario s = scenario;
      if (p == null) {
        throw new ValidationException("replay.prices", null, "must be set");
      }
      if (r == null) {
        throw new ValidationException("replay.rules", null, "must be set: say when the market publishes its prices");
      }
      if (lead == null) {
        throw new ValidationException("replay.decisionLead", null, "must be set: say how long before an interval it is decided");
      }
      if (lead.isNegative() || lead.getNano() != 0) {
        throw new ValidationException("replay.decisionLead", lead, "must be a whole number of seconds >= 0");
      }
      if (s == null) {
        throw new ValidationException("replay.scenario", null, "must be set: hashprice and AI margin over time");
      }
      return new MarketReplay(p, r, lead, s);
    }
  }
}
