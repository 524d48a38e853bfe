package org.computerwa.mining.share;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.computerwa.core.ValidationException;

/**
 * What a pool and a miner agreed for one Stratum v1 connection and that every share of it is
 * checked against: the pool difficulty ({@code mining.set_difficulty}) and the version-rolling
 * mask negotiated through {@code mining.configure} (BIP310).
 *
 * <pre>{@code
 * StratumSession session = StratumSession.builder()
 *     .poolDifficulty(8192)
 *     .versionRollingMask(0x1fffe000)   // omit when version rolling was not negotiated
 *     .build();
 * session.allowedVersionBits();          // negotiated mask AND BIP320's 0x1fffe000
 * }</pre>
 *
 * <p>Only the bits of BIP320's general-purpose field {@code 0x1fffe000} may ever be rolled,
 * whatever was negotiated; a submission setting any other bit is rejected, not trimmed.
 *
 * @since 0.1.0
 */
public final class StratumSession {
  /** BIP320: the 16 version bits (13 to 28) reserved for general use such as version rolling. */
  public static final int BIP320_MASK = 0x1fffe000;

  /** The difficulty-1 target used by pools: {@code 0xffff * 2^208}. */
  static final BigInteger DIFFICULTY_1 = BigInteger.valueOf(0xffff).shiftLeft(208);

  private final double poolDifficulty;
  private final int versionRollingMask;
  private final BigInteger shareTarget;

  private StratumSession(double poolDifficulty, int versionRollingMask) {
    this.poolDifficulty = poolDifficulty;
    this.versionRollingMask = versionRollingMask;
    this.shareTarget = new BigDecimal(DIFFICULTY_1).divide(new BigDecimal(poolDifficulty), 0, RoundingMode.DOWN)
        .toBigInteger();
  }

  /**
   * Starts a builder; the pool difficulty is required, version rolling is off unless a mask is set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The difficulty every share of the session must reach.
   *
   * @return a positive finite number
   */
  public double poolDifficulty() {
    return poolDifficulty;
  }

  /**
   * The largest hash a share may have: {@code floor(0xffff * 2^208 / poolDifficulty)}, so that a
   * hash meets it exactly when its difficulty is at least the pool difficulty.
   *
   * @return the share target
   */
  public BigInteger shareTarget() {
    return shareTarget;
  }

  /**
   * The mask the pool answered to {@code mining.configure}'s {@code version-rolling} request.
   *
   * @return the negotiated mask; 0 when version rolling was not negotiated
   */
  public int versionRollingMask() {
    return versionRollingMask;
  }

  /**
   * The bits a submission may roll: the negotiated mask intersected with {@link #BIP320_MASK}.
   *
   * @return the allowed version bits
   */
  public int allowedVersionBits() {
    return versionRollingMask & BIP320_MASK;
  }

  @Override
  public String toString() {
    return String.format("StratumSession{poolDifficulty=%s, versionRollingMask=%08x}", poolDifficulty,
        versionRollingMask);
  }

  /** Configures a {@link StratumSession}. */
  public static final class Builder {
    private double poolDifficulty = Double.NaN;
    private int versionRollingMask;

    private Builder() {}

    /**
     * Sets the pool difficulty ({@code mining.set_difficulty}).
     *
     * @param difficulty a positive finite number
     * @return this builder
     * @throws ValidationException if not positive and finite
     */
    public Builder poolDifficulty(double difficulty) {
      if (!(difficulty > 0) || Double.isInfinite(difficulty)) {
        throw new ValidationException("poolDifficulty", difficulty, "must be a positive finite number");
      }
      this.poolDifficulty = difficulty;
      return this;
    }

    /**
     * Sets the version-rolling mask the pool granted (BIP310).
     *
     * @param mask the negotiated mask
     * @return this builder
     */
    public Builder versionRollingMask(int mask) {
      this.versionRollingMask = mask;
      return this;
    }

    /**
     * Builds the session.
     *
     * @return the session
     * @throws ValidationException if no pool difficulty was set
     */
    public StratumSession build() {
      if (Double.isNaN(poolDifficulty)) {
        throw new ValidationException("poolDifficulty", null, "must be set: the difficulty the pool asked for");
      }
      return new StratumSession(poolDifficulty, versionRollingMask);
    }
  }
}
