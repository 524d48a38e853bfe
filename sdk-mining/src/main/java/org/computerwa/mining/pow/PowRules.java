package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Bitcoin Core's proof-of-work rules as pure functions: {@code CheckProofOfWork},
 * {@code CalculateNextWorkRequired} and {@code PermittedDifficultyTransition}.
 *
 * <pre>{@code
 * int next = PowRules.calculateNextWorkRequired(Network.MAINNET,
 *     firstBlockTime, firstBits, lastBlockTime, lastBits);
 * boolean ok = PowRules.permittedTransition(Network.MAINNET, 32256, 0x1d00ffff, 0x1d00d86a);
 * Optional<RejectReason> r = PowRules.checkProofOfWork(Network.MAINNET, hash.toBigInteger(), bits);
 * }</pre>
 *
 * <p>256-bit arithmetic wraps modulo 2^256 exactly where Core's {@code arith_uint256} does.
 *
 * @since 0.1.0
 */
public final class PowRules {
  private static final BigInteger MASK_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private PowRules() {}

  /**
   * Core's {@code CheckProofOfWork}, telling which part failed.
   *
   * @param network supplies the proof-of-work limit
   * @param hash the block hash as a 256-bit number ({@link BlockHash#toBigInteger()})
   * @param bits the header's nBits
   * @return empty if the proof of work is valid, else the reason
   */
  public static Optional<RejectReason> checkProofOfWork(Network network, BigInteger hash, int bits) {
    Optional<RejectReason> target = checkTarget(network, CompactTarget.of(bits));
    if (target.isPresent()) {
      return target;
    }
    return hash.compareTo(CompactTarget.of(bits).value()) > 0 ? Optional.of(RejectReason.HIGH_HASH) : Optional.empty();
  }

  /**
   * The nBits part of {@code CheckProofOfWork}: negative, zero, overflowing or easier than the
   * network limit.
   *
   * @param network supplies the limit
   * @param target the decoded nBits
   * @return empty if the target is acceptable, else the reason
   */
  public static Optional<RejectReason> checkTarget(Network network, CompactTarget target) {
    if (target.negative()) {
      return Optional.of(RejectReason.BITS_NEGATIVE);
    }
    if (target.overflow()) {
      return Optional.of(RejectReason.BITS_OVERFLOW);
    }
    if (target.isZero()) {
      return Optional.of(RejectReason.BITS_ZERO);
    }
    if (target.value().compareTo(network.powLimit()) > 0) {
      return Optional.of(RejectReason.BITS_ABOVE_POW_LIMIT);
    }
    return Optional.empty();
  }

  /**
   * Core's {@code CalculateNextWorkRequired}: the nBits of the first block of the next period.
   *
   * @param network the rules (timespan, limit, no-retargeting, BIP94)
   * @param firstBlockTime time of the first block of the period that just ended
   * @param firstBits nBits of that first block (used instead of {@code lastBits} under BIP94)
   * @param lastBlockTime time of the period's last block
   * @param lastBits nBits of the period's last block
   * @return the required nBits
   */
  public static int calculateNextWorkRequired(
      Network network, long firstBlockTime, int firstBits, long lastBlockTime, int lastBits) {
    if (network.noRetargeting()) {
      return lastBits;
    }
    long timespan = network.targetTimespanSeconds();
    long actual = Math.max(timespan / 4, Math.min(timespan * 4, lastBlockTime - firstBlockTime));
    BigInteger target = CompactTarget.of(network.enforceBip94() ? firstBits : lastBits).value();
    target = target.multiply(BigInteger.valueOf(actual)).and(MASK_256).divide(BigInteger.valueOf(timespan));
    if (target.compareTo(network.powLimit()) > 0) {
      target = network.powLimit();
    }
    return CompactTarget.encode(target);
  }

  /**
   * Core's {@code PermittedDifficultyTransition}: whether nBits may change from {@code oldBits} to
   * {@code newBits} at {@code height}. Always true on networks with minimum-difficulty blocks.
   *
   * @param network the rules
   * @param height the height of the block carrying {@code newBits}
   * @param oldBits its parent's nBits
   * @param newBits its nBits
   * @return whether the transition is permitted
   */
  public static boolean permittedTransition(Network network, long height, int oldBits, int newBits) {
    if (network.allowMinDifficultyBlocks()) {
      return true;
    }
    if (height % network.difficultyAdjustmentInterval() == 0) {
      long timespan = network.targetTimespanSeconds();
      BigInteger observed = CompactTarget.of(newBits).value();
      BigInteger largest = bound(network, oldBits, timespan * 4, timespan);
      BigInteger maximum = CompactTarget.of(CompactTarget.encode(largest)).value();
      if (maximum.compareTo(observed) < 0) {
        return false;
      }
      BigInteger smallest = bound(network, oldBits, timespan / 4, timespan);
      BigInteger minimum = CompactTarget.of(CompactTarget.encode(smallest)).value();
      return minimum.compareTo(observed) <= 0;
    }
    return oldBits == newBits;
  }

  private static BigInteger bound(Network network, int oldBits, long span, long timespan) {
    BigInteger t = CompactTarget.of(oldBits).value().multiply(BigInteger.valueOf(span)).and(MASK_256)
        .divide(BigInteger.valueOf(timespan));
    return t.compareTo(network.powLimit()) > 0 ? network.powLimit() : t;
  }
}
