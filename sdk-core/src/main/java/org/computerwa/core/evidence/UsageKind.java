package org.computerwa.core.evidence;

import org.computerwa.core.ValidationException;

/**
 * What a usage statement measures; the on-chain code is the {@code uint8 kind} of the statement.
 *
 * <pre>{@code
 * UsageKind kind = UsageKind.fromCode(0);   // AVAILABILITY
 * }</pre>
 *
 * @since 0.1.0
 */
public enum UsageKind {
  /** Seconds the asset was available in the period; {@code value} is seconds. */
  AVAILABILITY(0, "seconds"),
  /** GPU time delivered; {@code value} is milli-GPU-hours. */
  GPU_HOURS(1, "milli-GPU-hours"),
  /** Mining work delivered, as estimated from verified shares; {@code value} is hashes per second. */
  HASHRATE(2, "H/s"),
  /** Energy drawn in the period; {@code value} is watt-hours. */
  ENERGY(3, "Wh");

  private final int code;
  private final String unit;

  UsageKind(int code, String unit) {
    this.code = code;
    this.unit = unit;
  }

  /**
   * The {@code uint8} code used on chain.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  /**
   * The unit of a statement's {@code value} for this kind.
   *
   * @return the unit, such as {@code "seconds"}
   */
  public String unit() {
    return unit;
  }

  /**
   * The kind of an on-chain code.
   *
   * @param code the {@code uint8} code
   * @return the kind
   * @throws ValidationException if no kind has that code
   */
  public static UsageKind fromCode(int code) {
    for (UsageKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new ValidationException("kind", code, "must be one of 0 (AVAILABILITY), 1 (GPU_HOURS), 2 (HASHRATE), 3 (ENERGY)");
  }
}
