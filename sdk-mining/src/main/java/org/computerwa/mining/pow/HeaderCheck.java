package org.computerwa.mining.pow;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The per-rule outcome for one {@link HeaderEntry}: proof of work, linkage, difficulty, median
 * time past and version, plus the first broken rule in Bitcoin Core's order.
 *
 * <pre>{@code
 * HeaderCheck c = checks.get(i);
 * c.pow();          // OK
 * c.difficulty();   // UNCHECKED when the period start is not in the list
 * c.reason();       // Optional[HIGH_HASH] when invalid
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HeaderCheck {
  private final int index;
  private final long height;
  private final @Nullable BlockHash hash;
  private final CheckStatus pow;
  private final CheckStatus link;
  private final CheckStatus difficulty;
  private final CheckStatus mtp;
  private final CheckStatus version;
  private final @Nullable RejectReason reason;

  HeaderCheck(int index, long height, @Nullable BlockHash hash, CheckStatus pow, CheckStatus link,
      CheckStatus difficulty, CheckStatus mtp, CheckStatus version, @Nullable RejectReason reason) {
    this.index = index;
    this.height = height;
    this.hash = hash;
    this.pow = pow;
    this.link = link;
    this.difficulty = difficulty;
    this.mtp = mtp;
    this.version = version;
    this.reason = reason;
  }

  /**
   * Position of the entry in the input list.
   *
   * @return zero-based index
   */
  public int index() {
    return index;
  }

  /**
   * The entry's height, if it had one.
   *
   * @return the height or empty
   */
  public OptionalLong height() {
    return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
  }

  /**
   * The header's hash; empty when the entry is not 80 bytes.
   *
   * @return the hash or empty
   */
  public Optional<BlockHash> hash() {
    return Optional.ofNullable(hash);
  }

  /**
   * Proof of work against the header's own nBits and the network limit.
   *
   * @return OK or FAIL
   */
  public CheckStatus pow() {
    return pow;
  }

  /**
   * Whether the header links to the entry before it (when that entry is at height - 1).
   *
   * @return OK, FAIL or NOT_APPLICABLE
   */
  public CheckStatus link() {
    return link;
  }

  /**
   * The difficulty rules (Core's {@code GetNextWorkRequired}, BIP94's time-warp rule). A retarget
   * is checked only when its period start is proven an ancestor by hash linkage; otherwise only
   * Core's {@code PermittedDifficultyTransition} applies and the status is UNCHECKED unless that
   * fails.
   *
   * @return the status; UNCHECKED when the needed ancestors are not proven
   */
  public CheckStatus difficulty() {
    return difficulty;
  }

  /**
   * Time after the median of the previous 11 blocks.
   *
   * @return the status; UNCHECKED when fewer than the needed ancestors are present
   */
  public CheckStatus mtp() {
    return mtp;
  }

  /**
   * Core's {@code bad-version} rule: nVersion at least 2, 3 and 4 from the BIP34, BIP66 and BIP65
   * heights of the network on.
   *
   * @return OK or FAIL; NOT_APPLICABLE for an entry without a height
   */
  public CheckStatus version() {
    return version;
  }

  /**
   * The first broken rule, in Core's order: proof of work, linkage, {@code bad-diffbits},
   * {@code time-too-old}, {@code time-timewarp-attack}, {@code bad-version}.
   *
   * @return the reason, or empty if valid
   */
  public Optional<RejectReason> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Whether no rule failed (unchecked rules do not make an entry invalid).
   *
   * @return {@code true} if valid
   */
  public boolean valid() {
    return reason == null;
  }

  @Override
  public String toString() {
    return "HeaderCheck{index=" + index + ", height=" + height + ", pow=" + pow + ", link=" + link + ", difficulty="
        + difficulty + ", mtp=" + mtp + ", version=" + version + ", reason=" + reason + "}";
  }
}
