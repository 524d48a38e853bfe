package org.computerwa.core.asset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigDecimal;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The miners of an ASIC fleet: model, number of units, and per-unit hashrate, efficiency and power.
 *
 * <pre>{@code
 * AsicSpec spec = AsicSpec.builder()
 *     .model("Antminer S21")
 *     .units(1200)
 *     .hashrateThs(new BigDecimal("200"))
 *     .efficiencyJPerTh(new BigDecimal("17.5"))
 *     .powerWatts(3500)
 *     .build();
 * }</pre>
 *
 * <p>Rules: 1 to 1 000 000 units; hashrate greater than 0 and at most 100 000 TH/s per unit;
 * efficiency greater than 0 and at most 10 000 J/TH; power 1 to 100 000 W per unit; decimals with
 * at most 3 fraction digits, kept in normal form. In JSON the decimals are strings.
 *
 * @param model the miner model
 * @param units how many miners the fleet has
 * @param hashrateThs nominal hashrate of one miner
 * @param efficiencyJPerTh nominal efficiency of one miner
 * @param powerWatts wall power of one miner
 * @since 0.1.0
 */
@JsonDeserialize(builder = AsicSpec.Builder.class)
public record AsicSpec(
    @JsonProperty("model") String model,
    @JsonProperty("units") int units,
    @JsonProperty("hashrateThs") BigDecimal hashrateThs,
    @JsonProperty("efficiencyJPerTh") BigDecimal efficiencyJPerTh,
    @JsonProperty("powerWatts") int powerWatts) implements DeviceSpec {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param model the model, such as {@code "Antminer S21"}
   * @param units 1 to 1 000 000
   * @param hashrateThs TH/s per unit, in normal form
   * @param efficiencyJPerTh joules per terahash, in normal form
   * @param powerWatts watts per unit
   * @throws ValidationException naming the first field that breaks a rule
   */
  public AsicSpec {
    Checks.required("model", model);
    Checks.required("hashrateThs", hashrateThs);
    Checks.required("efficiencyJPerTh", efficiencyJPerTh);
    Checks.name("model", model);
    Checks.range("units", units, 1, 1_000_000);
    Checks.positiveDecimal("hashrateThs", hashrateThs, 100_000, 3);
    Checks.positiveDecimal("efficiencyJPerTh", efficiencyJPerTh, 10_000, 3);
    Checks.range("powerWatts", powerWatts, 1, 100_000);
    hashrateThs = Checks.normalized(hashrateThs);
    efficiencyJPerTh = Checks.normalized(efficiencyJPerTh);
  }

  /**
   * Wall power of the whole fleet.
   *
   * @return {@code units * powerWatts}
   */
  @Override
  public long totalPowerWatts() {
    return (long) units() * powerWatts();
  }

  /**
   * Nominal hashrate of the whole fleet.
   *
   * @return {@code units * hashrateThs}, TH/s
   */
  public BigDecimal totalHashrateThs() {
    return hashrateThs().multiply(BigDecimal.valueOf(units()));
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
   * Builds {@link AsicSpec}: one setter per component, named after it, each returning this builder;
   * {@code from(AsicSpec)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String model;
    private @Nullable Integer units;
    private @Nullable BigDecimal hashrateThs;
    private @Nullable BigDecimal efficiencyJPerTh;
    private @Nullable Integer powerWatts;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(AsicSpec instance) {
      this.model = instance.model();
      this.units = instance.units();
      this.hashrateThs = instance.hashrateThs();
      this.efficiencyJPerTh = instance.efficiencyJPerTh();
      this.powerWatts = instance.powerWatts();
      return this;
    }

    /**
     * Sets {@link AsicSpec#model()}: the miner model.
     *
     * @param model the value
     * @return this builder
     */
    @JsonProperty("model")
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets {@link AsicSpec#units()}: how many miners the fleet has.
     *
     * @param units the value
     * @return this builder
     */
    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    /**
     * Sets {@link AsicSpec#hashrateThs()}: nominal hashrate of one miner.
     *
     * @param hashrateThs the value
     * @return this builder
     */
    @JsonProperty("hashrateThs")
    public Builder hashrateThs(BigDecimal hashrateThs) {
      this.hashrateThs = hashrateThs;
      return this;
    }

    /**
     * Sets {@link AsicSpec#efficiencyJPerTh()}: nominal efficiency of one miner.
     *
     * @param efficiencyJPerTh the value
     * @return this builder
     */
    @JsonProperty("efficiencyJPerTh")
    public Builder efficiencyJPerTh(BigDecimal efficiencyJPerTh) {
      this.efficiencyJPerTh = efficiencyJPerTh;
      return this;
    }

    /**
     * Sets {@link AsicSpec#powerWatts()}: wall power of one miner.
     *
     * @param powerWatts the value
     * @return this builder
     */
    @JsonProperty("powerWatts")
    public Builder powerWatts(int powerWatts) {
      this.powerWatts = powerWatts;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public AsicSpec build() {
      return new AsicSpec(Checks.required("model", model), Checks.required("units", units), Checks.required("hashrateThs", hashrateThs), Checks.required("efficiencyJPerTh", efficiencyJPerTh), Checks.required("powerWatts", powerWatts));
    }
  }
}
