package org.computerwa.core.lease;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * How excess downtime turns into a credit: each second of downtime beyond what the SLA allows is
 * credited at {@code creditBps} of its rent, and the credit for a period never exceeds
 * {@code maxBps} of that period's rent.
 *
 * <pre>{@code
 * SlaCredit refund = SlaCredit.builder().creditBps(10_000).maxBps(3_000).build();
 * // every excess second of downtime is refunded at the lease rate, at most 30 % of the rent
 * SlaCredit penalty = SlaCredit.builder().creditBps(25_000).maxBps(10_000).build();
 * // every excess second costs the lessor 2.5 seconds of rent, at most the whole rent
 * }</pre>
 *
 * <p>Rules: {@code creditBps} 0 to 100 000 (up to ten times the rent of the lost time);
 * {@code maxBps} 0 to 10 000.
 *
 * @param creditBps credit for each excess second of downtime, in basis points of the rent of that second (10 000 refunds it at the lease rate)
 * @param maxBps the largest credit, in basis points of the period's rent
 * @since 0.1.0
 */
@JsonDeserialize(builder = SlaCredit.Builder.class)
public record SlaCredit(
    @JsonProperty("creditBps") int creditBps,
    @JsonProperty("maxBps") int maxBps) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param creditBps 0 to 100 000
   * @param maxBps 0 to 10 000
   * @throws ValidationException naming the first field that breaks a rule
   */
  public SlaCredit {
    Checks.range("creditBps", creditBps, 0, 100_000);
    Checks.range("maxBps", maxBps, 0, 10_000);
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
   * Builds {@link SlaCredit}: one setter per component, named after it, each returning this builder;
   * {@code from(SlaCredit)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Integer creditBps;
    private @Nullable Integer maxBps;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(SlaCredit instance) {
      this.creditBps = instance.creditBps();
      this.maxBps = instance.maxBps();
      return this;
    }

    /**
     * Sets {@link SlaCredit#creditBps()}: credit for each excess second of downtime, in basis points of the rent of that second (10 000 refunds it at the lease rate).
     *
     * @param creditBps the value
     * @return this builder
     */
    @JsonProperty("creditBps")
    public Builder creditBps(int creditBps) {
      this.creditBps = creditBps;
      return this;
    }

    /**
     * Sets {@link SlaCredit#maxBps()}: the largest credit, in basis points of the period's rent.
     *
     * @param maxBps the value
     * @return this builder
     */
    @JsonProperty("maxBps")
    public Builder maxBps(int maxBps) {
      this.maxBps = maxBps;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public SlaCredit build() {
      return new SlaCredit(Checks.required("creditBps", creditBps), Checks.required("maxBps", maxBps));
    }
  }
}
