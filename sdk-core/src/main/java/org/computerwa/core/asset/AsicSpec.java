package org.computerwa.core.asset;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

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
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAsicSpec.class)
@JsonDeserialize(as = ImmutableAsicSpec.class)
public abstract class AsicSpec implements DeviceSpec {
  AsicSpec() {}

  /**
   * The miner model.
   *
   * @return the model, such as {@code "Antminer S21"}
   */
  @Override
  public abstract String model();

  /**
   * How many miners the fleet has.
   *
   * @return 1 to 1 000 000
   */
  public abstract int units();

  /**
   * Nominal hashrate of one miner.
   *
   * @return TH/s per unit, in normal form
   */
  public abstract BigDecimal hashrateThs();

  /**
   * Nominal efficiency of one miner.
   *
   * @return joules per terahash, in normal form
   */
  public abstract BigDecimal efficiencyJPerTh();

  /**
   * Wall power of one miner.
   *
   * @return watts per unit
   */
  public abstract int powerWatts();

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

  @Value.Check
  AsicSpec check() {
    Checks.name("model", model());
    Checks.range("units", units(), 1, 1_000_000);
    Checks.positiveDecimal("hashrateThs", hashrateThs(), 100_000, 3);
    Checks.positiveDecimal("efficiencyJPerTh", efficiencyJPerTh(), 10_000, 3);
    Checks.range("powerWatts", powerWatts(), 1, 100_000);
    BigDecimal hashrate = Checks.normalized(hashrateThs());
    BigDecimal efficiency = Checks.normalized(efficiencyJPerTh());
    if (hashrate.equals(hashrateThs()) && efficiency.equals(efficiencyJPerTh())) {
      return this;
    }
    return builder().from(this).hashrateThs(hashrate).efficiencyJPerTh(efficiency).build();
  }

  /**
   * Builds an {@link AsicSpec}: one setter per attribute, named after it, each returning
   * this builder; {@code from(AsicSpec)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableAsicSpec.Builder {
    Builder() {}
  }
}
