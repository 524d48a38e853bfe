package org.computerwa.mining.pow;

/**
 * Why a header or a header chain was rejected; each constant names one consensus rule.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(header);
 * } catch (HeaderVerificationException e) {
 *   if (e.rejectReason() == RejectReason.HIGH_HASH) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum RejectReason {
  /** The header is not exactly 80 bytes (or a header sequence is not a multiple of 80 bytes). */
  BAD_LENGTH,
  /** nBits has its sign bit set with a non-zero mantissa. */
  BITS_NEGATIVE,
  /** nBits encodes a value that does not fit in 256 bits. */
  BITS_OVERFLOW,
  /** nBits decodes to zero. */
  BITS_ZERO,
  /** nBits claims a target easier than the network's proof-of-work limit. */
  BITS_ABOVE_POW_LIMIT,
  /** The header's hash is above the target its own nBits claims. */
  HIGH_HASH,
  /** The header's previous-block hash is not the hash of the header before it. */
  BAD_PREV_HASH,
  /** nBits differs from what the difficulty rules require at this height. */
  BAD_DIFFICULTY,
  /** nBits changed by more than the retarget rules permit (4x either way, or at all off a boundary). */
  BAD_DIFFICULTY_TRANSITION,
  /** The timestamp is not after the median time of the previous 11 blocks. */
  TIME_TOO_OLD,
  /** The timestamp is more than two hours ahead of the verifier's clock. */
  TIME_TOO_NEW,
  /** BIP94: the first block of a period is more than 600 seconds earlier than its parent. */
  TIME_WARP,
  /**
   * nVersion is below what the buried deployments require at the header's height (Core's
   * {@code bad-version}: 2 from BIP34, 3 from BIP66, 4 from BIP65).
   */
  BAD_VERSION
}
