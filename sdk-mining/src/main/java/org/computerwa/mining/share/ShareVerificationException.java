package org.computerwa.mining.share;

import org.computerwa.core.VerificationException;

/**
 * A submitted share does not meet the difficulty it was submitted at.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(job, submission, poolDifficulty);
 * } catch (ShareVerificationException e) {
 *   e.reason();   // "LOW_DIFFICULTY_SHARE"
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShareVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** The reason code of a share below its difficulty. */
  public static final String LOW_DIFFICULTY_SHARE = "LOW_DIFFICULTY_SHARE";

  private final double shareDifficulty;

  ShareVerificationException(double shareDifficulty, double required, String hash) {
    super(LOW_DIFFICULTY_SHARE, "share hash " + hash + " has difficulty " + shareDifficulty
        + ", below the required " + required);
    this.shareDifficulty = shareDifficulty;
  }

  /**
   * The difficulty the share actually reached.
   *
   * @return the share's difficulty
   */
  public double shareDifficulty() {
    return shareDifficulty;
  }
}
