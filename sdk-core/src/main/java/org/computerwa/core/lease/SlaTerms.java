package org.computerwa.core.lease;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigInteger;
import java.time.Duration;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A lease's service level: the availability promised, the downtime excused on top of it per
 * measured period, and how excess downtime is credited.
 *
 * <pre>{@code
 * SlaTerms sla = SlaTerms.builder()
 *     .minAvailabilityBps(9_950)            // 99.5 %: 0.5 % of each period may be down
 *     .gracePeriod(Duration.ofMinutes(30))  // and 30 more minutes per period
 *     .credit(SlaCredit.builder().creditBps(10_000).maxBps(3_000).build())
 *     .build();
 * TokenAmount credit = sla.creditFor(monthRent, 30 * 86_400, 9_870);
 * }</pre>
 *
 * <p><b>Credit formula</b> (exact, all divisions rounded down), for a measured period of
 * {@code P} seconds with rent {@code R}, measured availability {@code A} bps, promised {@code M}
 * bps, grace {@code G} seconds and credit rule {@code k} bps capped at {@code C} bps:
 * <ol>
 *   <li>downtime {@code D = floor(P * (10000 - A) / 10000)} seconds;
 *   <li>allowance {@code L = floor(P * (10000 - M) / 10000) + G} seconds;
 *   <li>excess {@code E = max(0, D - L)} seconds;
 *   <li>credit {@code min(floor(R * E * k / (P * 10000)), floor(R * C / 10000))} base units.
 * </ol>
 * With a per-second rate {@code r} the rent is {@code R = r * P}, so the credit is
 * {@code E * r * k / 10000} (before the cap). With {@code M = 10000}, {@code k = 10000} and
 * {@code C = 10000} this is exactly the on-chain lease manager's rule,
 * {@code (downtime - grace) * rate}.
 *
 * <p>Rules: availability 0 to 10 000 bps; grace not negative and at most 31 days (whole seconds
 * count).
 *
 * @param minAvailabilityBps promised availability
 * @param gracePeriod downtime excused in each measured period before the shortfall counts
 * @param credit how a shortfall is credited
 * @since 0.1.0
 */
@JsonDeserialize(builder = SlaTerms.Builder.class)
public record SlaTerms(
    @JsonProperty("minAvailabilityBps") int minAvailabilityBps,
    @JsonProperty("gracePeriod") Duration gracePeriod,
    @JsonProperty("credit") SlaCredit credit) {
  private static final BigInteger BPS = BigInteger.valueOf(10_000);

  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param minAvailabilityBps basis points, 0 to 10 000 (9 950 = 99.5 %)
   * @param gracePeriod a non-negative duration (whole seconds count)
   * @param credit the credit rule
   * @throws ValidationException naming the first field that breaks a rule
   */
  public SlaTerms {
    Checks.required("gracePeriod", gracePeriod);
    Checks.required("credit", credit);
    Checks.range("minAvailabilityBps", minAvailabilityBps, 0, 10_000);
    if (gracePeriod.isNegative() || gracePeriod.compareTo(Duration.ofDays(31)) > 0) {
      throw new ValidationException("gracePeriod", gracePeriod, "must be between PT0S and P31D");
    }
  }

  /**
   * The credit owed to the lessee for one measured period, by the formula above.
   *
   * @param periodRent the rent that accrued over the period
   * @param periodSeconds the period's length in seconds, not negative; 0 gives no credit
   * @param measuredAvailabilityBps measured availability, 0 to 10 000 bps
   * @return the credit, rounded down, never more than {@code periodRent}
   * @throws ValidationException if the availability is out of range or the period negative
   */
  public TokenAmount creditFor(TokenAmount periodRent, long periodSeconds, int measuredAvailabilityBps) {
    Checks.range("measuredAvailabilityBps", measuredAvailabilityBps, 0, 10_000);
    if (periodSeconds < 0) {
      throw new ValidationException("periodSeconds", periodSeconds, "must not be negative");
    }
    if (periodSeconds == 0) {
      return TokenAmount.zero(periodRent.token());
    }
    BigInteger p = BigInteger.valueOf(periodSeconds);
    BigInteger downtime = p.multiply(BigInteger.valueOf(10_000L - measuredAvailabilityBps)).divide(BPS);
    BigInteger allowance = p.multiply(BigInteger.valueOf(10_000L - minAvailabilityBps())).divide(BPS)
        .add(BigInteger.valueOf(gracePeriod().getSeconds()));
    BigInteger excess = downtime.subtract(allowance).max(BigInteger.ZERO);
    BigInteger rent = periodRent.baseUnits();
    BigInteger units = rent.multiply(excess).multiply(BigInteger.valueOf(credit().creditBps()))
        .divide(p.multiply(BPS))
        .min(rent.multiply(BigInteger.valueOf(credit().maxBps())).divide(BPS));
    return TokenAmount.of(units, periodRent.token());
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
   * Builds {@link SlaTerms}: one setter per component, named after it, each returning this builder;
   * {@code from(SlaTerms)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Integer minAvailabilityBps;
    private @Nullable Duration gracePeriod;
    private @Nullable SlaCredit credit;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(SlaTerms instance) {
      this.minAvailabilityBps = instance.minAvailabilityBps();
      this.gracePeriod = instance.gracePeriod();
      this.credit = instance.credit();
      return this;
    }

    /**
     * Sets {@link SlaTerms#minAvailabilityBps()}: promised availability.
     *
     * @param minAvailabilityBps the value
     * @return this builder
     */
    @JsonProperty("minAvailabilityBps")
    public Builder minAvailabilityBps(int minAvailabilityBps) {
      this.minAvailabilityBps = minAvailabilityBps;
      return this;
    }

    /**
     * Sets {@link SlaTerms#gracePeriod()}: downtime excused in each measured period before the shortfall counts.
     *
     * @param gracePeriod the value
     * @return this builder
     */
    @JsonProperty("gracePeriod")
    public Builder gracePeriod(Duration gracePeriod) {
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Sets {@link SlaTerms#credit()}: how a shortfall is credited.
     *
     * @param credit the value
     * @return this builder
     */
    @JsonProperty("credit")
    public Builder credit(SlaCredit credit) {
      this.credit = credit;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public SlaTerms build() {
      return new SlaTerms(Checks.required("minAvailabilityBps", minAvailabilityBps), Checks.required("gracePeriod", gracePeriod), Checks.required("credit", credit));
    }
  }
}
