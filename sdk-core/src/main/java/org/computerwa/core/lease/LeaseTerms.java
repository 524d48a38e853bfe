package org.computerwa.core.lease;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What a lessor offers a lessee: capacity of one asset for a time window at a streaming rate,
 * under service-level terms.
 *
 * <pre>{@code
 * LeaseTerms terms = LeaseTerms.builder()
 *     .assetId("gpu-node-001")
 *     .lessor(operator)
 *     .lessee(customer)
 *     .capacityUnits(8)
 *     .start(Instant.parse("2026-01-01T00:00:00Z"))
 *     .end(Instant.parse("2026-02-01T00:00:00Z"))
 *     .rate(Rate.of(BigInteger.valueOf(3_858), usdc))   // about 10 000 USDC per 30 days
 *     .token(usdc)
 *     .sla(sla)
 *     .build();
 * TokenAmount total = terms.totalRent();
 * }</pre>
 *
 * <p>Rules: the asset id is a valid identifier; lessor and lessee are different, non-zero
 * addresses; capacity units are positive; start and end are whole seconds (chains count time in
 * seconds) and {@code end} is after {@code start}, at most 100 years later; the rate is positive
 * and in {@code token}.
 *
 * @param assetId the leased asset
 * @param lessor who leases the capacity out (the asset's operator)
 * @param lessee who leases the capacity and pays
 * @param capacityUnits how much of the asset's capacity is leased, in the asset's units
 * @param start when the lease starts and rent begins to accrue
 * @param end when the lease ends and rent stops accruing
 * @param rate the rent per second
 * @param token the token rent is paid in
 * @param sla the service level
 * @since 0.1.0
 */
@JsonDeserialize(builder = LeaseTerms.Builder.class)
public record LeaseTerms(
    @JsonProperty("assetId") String assetId,
    @JsonProperty("lessor") Address lessor,
    @JsonProperty("lessee") Address lessee,
    @JsonProperty("capacityUnits") long capacityUnits,
    @JsonProperty("start") Instant start,
    @JsonProperty("end") Instant end,
    @JsonProperty("rate") Rate rate,
    @JsonProperty("token") Token token,
    @JsonProperty("sla") SlaTerms sla) {
  private static final Duration MAX_TERM = Duration.ofDays(36_525);

  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param assetId the asset's id
   * @param lessor the lessor's address
   * @param lessee the lessee's address
   * @param capacityUnits a positive number of units
   * @param start the start, a whole second
   * @param end the end, a whole second after the start
   * @param rate the rate, in {@link #token()}
   * @param token the token
   * @param sla the SLA terms
   * @throws ValidationException naming the first field that breaks a rule
   */
  public LeaseTerms {
    Checks.required("assetId", assetId);
    Checks.required("lessor", lessor);
    Checks.required("lessee", lessee);
    Checks.required("start", start);
    Checks.required("end", end);
    Checks.required("rate", rate);
    Checks.required("token", token);
    Checks.required("sla", sla);
    Checks.id("assetId", assetId);
    Checks.nonZero("lessor", lessor);
    Checks.nonZero("lessee", lessee);
    if (lessee.equals(lessor)) {
      throw new ValidationException("lessee", lessee, "must differ from the lessor");
    }
    if (capacityUnits < 1) {
      throw new ValidationException("capacityUnits", capacityUnits, "must be at least 1");
    }
    wholeSecond("start", start);
    wholeSecond("end", end);
    if (!end.isAfter(start)) {
      throw new ValidationException("end", end, "must be after start (" + start + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_TERM) > 0) {
      throw new ValidationException("end", end, "must be at most 100 years after start (" + start + ")");
    }
    if (!rate.token().equals(token)) {
      throw new MixedTokenException("rate.token", token, rate.token());
    }
    if (rate.isZero()) {
      throw new ValidationException("rate.baseUnitsPerSecond", "0", "must be positive");
    }
  }

  /**
   * The lease's length.
   *
   * @return {@code end - start}
   */
  public Duration term() {
    return Duration.between(start(), end());
  }

  /**
   * Rent over the whole term.
   *
   * @return {@code rate * seconds(end - start)}
   */
  public TokenAmount totalRent() {
    return rate().accrue(start(), end());
  }

  /**
   * Checks that these terms can be offered on {@code asset}: it is the asset named by
   * {@link #assetId()}, the lessor owns it, it has at least {@link #capacityUnits()} units and it
   * is not retired. (Whether other leases already hold some of its capacity is the chain's
   * business.)
   *
   * @param asset the asset to lease
   * @return these terms
   * @throws ValidationException naming {@code assetId}, {@code lessor}, {@code capacityUnits} or
   *     {@code asset.status}
   */
  public LeaseTerms requireFits(ComputeAsset asset) {
    if (!asset.id().equals(assetId())) {
      throw new ValidationException("assetId", assetId(), "must be the id of the leased asset (" + asset.id() + ")");
    }
    if (!asset.owner().equals(lessor())) {
      throw new ValidationException("lessor", lessor(), "must be the asset's owner (" + asset.owner() + ")");
    }
    if (capacityUnits() > asset.capacityUnits()) {
      throw new ValidationException("capacityUnits", capacityUnits(),
          "must be at most the asset's capacity (" + asset.capacityUnits() + ")");
    }
    if (asset.status() == AssetStatus.RETIRED) {
      throw new ValidationException("asset.status", asset.status(), "must not be RETIRED to be leased");
    }
    return this;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void wholeSecond(String field, Instant instant) {
    if (instant.getNano() != 0) {
      throw new ValidationException(field, instant, "must be a whole second (chains count time in seconds)");
    }
  }

  /**
   * Builds {@link LeaseTerms}: one setter per component, named after it, each returning this builder;
   * {@code from(LeaseTerms)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String assetId;
    private @Nullable Address lessor;
    private @Nullable Address lessee;
    private @Nullable Long capacityUnits;
    private @Nullable Instant start;
    private @Nullable Instant end;
    private @Nullable Rate rate;
    private @Nullable Token token;
    private @Nullable SlaTerms sla;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(LeaseTerms instance) {
      this.assetId = instance.assetId();
      this.lessor = instance.lessor();
      this.lessee = instance.lessee();
      this.capacityUnits = instance.capacityUnits();
      this.start = instance.start();
      this.end = instance.end();
      this.rate = instance.rate();
      this.token = instance.token();
      this.sla = instance.sla();
      return this;
    }

    /**
     * Sets {@link LeaseTerms#assetId()}: the leased asset.
     *
     * @param assetId the value
     * @return this builder
     */
    @JsonProperty("assetId")
    public Builder assetId(String assetId) {
      this.assetId = assetId;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#lessor()}: who leases the capacity out (the asset's operator).
     *
     * @param lessor the value
     * @return this builder
     */
    @JsonProperty("lessor")
    public Builder lessor(Address lessor) {
      this.lessor = lessor;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#lessee()}: who leases the capacity and pays.
     *
     * @param lessee the value
     * @return this builder
     */
    @JsonProperty("lessee")
    public Builder lessee(Address lessee) {
      this.lessee = lessee;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#capacityUnits()}: how much of the asset's capacity is leased, in the asset's units.
     *
     * @param capacityUnits the value
     * @return this builder
     */
    @JsonProperty("capacityUnits")
    public Builder capacityUnits(long capacityUnits) {
      this.capacityUnits = capacityUnits;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#start()}: when the lease starts and rent begins to accrue.
     *
     * @param start the value
     * @return this builder
     */
    @JsonProperty("start")
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#end()}: when the lease ends and rent stops accruing.
     *
     * @param end the value
     * @return this builder
     */
    @JsonProperty("end")
    public Builder end(Instant end) {
      this.end = end;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#rate()}: the rent per second.
     *
     * @param rate the value
     * @return this builder
     */
    @JsonProperty("rate")
    public Builder rate(Rate rate) {
      this.rate = rate;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#token()}: the token rent is paid in.
     *
     * @param token the value
     * @return this builder
     */
    @JsonProperty("token")
    public Builder token(Token token) {
      this.token = token;
      return this;
    }

    /**
     * Sets {@link LeaseTerms#sla()}: the service level.
     *
     * @param sla the value
     * @return this builder
     */
    @JsonProperty("sla")
    public Builder sla(SlaTerms sla) {
      this.sla = sla;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public LeaseTerms build() {
      return new LeaseTerms(Checks.required("assetId", assetId), Checks.required("lessor", lessor), Checks.required("lessee", lessee), Checks.required("capacityUnits", capacityUnits), Checks.required("start", start), Checks.required("end", end), Checks.required("rate", rate), Checks.required("token", token), Checks.required("sla", sla));
    }
  }
}
