package org.computerwa.mining.share;

import java.util.Optional;
import org.computerwa.core.VerificationException;
import org.jspecify.annotations.Nullable;

/**
 * A submitted share is not valid for its session: below the pool difficulty, or rolling version
 * bits the session does not allow.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(session, job, submission);
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

  /** The reason code of a share setting version bits outside the session's allowed mask. */
  public static final String VERSION_BITS_OUTSIDE_MASK = "VERSION_BITS_OUTSIDE_MASK";

  private final transient @Nullable VerifiedShare share;

  private ShareVerificationException(String reason, String message, @Nullable VerifiedShare share) {
    super(reason, message);
    this.share = share;
  }

  static ShareVerificationException lowDifficulty(VerifiedShare share, double required) {
    return new ShareVerificationException(LOW_DIFFICULTY_SHARE, "share hash " + share.hash() + " has difficulty "
        + share.difficulty().toPlainString() + ", below the pool difficulty " + required, share);
  }

  static ShareVerificationException versionBitsOutsideMask(int bits, int allowed) {
    return new ShareVerificationException(VERSION_BITS_OUTSIDE_MASK, String.format(
        "version bits %08x set %08x outside the allowed mask %08x (negotiated mask AND BIP320's 1fffe000)", bits,
        bits & ~allowed, allowed), null);
  }

  /**
   * The rebuilt share, with its hash and the difficulty it reached, when the header could be
   * rebuilt (a share below the pool difficulty); empty when the submission was refused before
   * hashing (version bits outside the mask).
   *
   * @return the share or empty
   */
  public Optional<VerifiedShare> share() {
    return Optional.ofNullable(share);
  }

  /**
   * The difficulty the share actually reached.
   *
   * @return the share's difficulty, or NaN when it was not hashed
   */
  public double shareDifficulty() {
    return share == null ? Double.NaN : share.difficulty().doubleValue();
  }
}
