package org.computerwa.mining.share;

import java.math.BigDecimal;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.pow.BlockHeader;

/**
 * A share rebuilt from its job and checked: the header, its hash, the difficulty it reached and
 * whether it would also have been a block.
 *
 * <pre>{@code
 * VerifiedShare s = verifier.verify(job, submission, 1.0);
 * s.difficulty();            // 7.885781...
 * s.meetsNetworkTarget();    // true: this share was a block
 * }</pre>
 *
 * @since 0.1.0
 */
public final class VerifiedShare {
  private final BlockHeader header;
  private final BlockHash hash;
  private final BigDecimal difficulty;
  private final boolean meetsNetworkTarget;

  VerifiedShare(BlockHeader header, BlockHash hash, BigDecimal difficulty, boolean meetsNetworkTarget) {
    this.header = header;
    this.hash = hash;
    this.difficulty = difficulty;
    this.meetsNetworkTarget = meetsNetworkTarget;
  }

  /**
   * The rebuilt header.
   *
   * @return the header
   */
  public BlockHeader header() {
    return header;
  }

  /**
   * The header's hash.
   *
   * @return the hash
   */
  public BlockHash hash() {
    return hash;
  }

  /**
   * The difficulty the hash reached: the difficulty-1 target
   * {@code 0xffff * 2^208} divided by the hash, to 12 decimal places (rounded down).
   *
   * @return the share difficulty
   */
  public BigDecimal difficulty() {
    return difficulty;
  }

  /**
   * Whether the hash also meets the job's network target (the share is a block).
   *
   * @return {@code true} if it is a block
   */
  public boolean meetsNetworkTarget() {
    return meetsNetworkTarget;
  }
}
