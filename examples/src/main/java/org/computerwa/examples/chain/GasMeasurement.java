package org.computerwa.examples.chain;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The gas one transaction used, with the number of share holders at the time (or none).
 *
 * <pre>{@code
 * GasMeasurement m = GasMeasurement.of("shares", "claim", 1000, 52_345, 60_000);
 * }</pre>
 */
public final class GasMeasurement {
  private final String scenario;
  private final String operation;
  private final int holders;
  private final long gasUsed;
  private final long target;

  private GasMeasurement(String scenario, String operation, int holders, long gasUsed, long target) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.holders = holders;
    this.gasUsed = gasUsed;
    this.target = target;
  }

  /**
   * Creates a measurement.
   *
   * @param scenario the scenario name
   * @param operation what was done
   * @param holders share holders at the time, or {@link GasBench#ONE_OFF}
   * @param gasUsed gas used by the transaction
   * @param target the gas target, or 0 for none
   * @return the measurement
   */
  public static GasMeasurement of(
      String scenario, String operation, int holders, long gasUsed, long target) {
    return new GasMeasurement(scenario, operation, holders, gasUsed, target);
  }

  /**
   * The scenario name.
   *
   * @return the scenario
   */
  public String scenario() {
    return scenario;
  }

  /**
   * The operation.
   *
   * @return the operation
   */
  public String operation() {
    return operation;
  }

  /**
   * Share holders when measured; {@link GasBench#ONE_OFF} when the count does not apply.
   *
   * @return the holder count
   */
  public int holders() {
    return holders;
  }

  /**
   * Gas used.
   *
   * @return the gas
   */
  public long gasUsed() {
    return gasUsed;
  }

  /**
   * The target, if the operation has one.
   *
   * @return the target
   */
  public OptionalLong target() {
    return target > 0 ? OptionalLong.of(target) : OptionalLong.empty();
  }
}
