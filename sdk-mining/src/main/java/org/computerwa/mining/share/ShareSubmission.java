package org.computerwa.mining.share;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a miner submits for a job ({@code mining.submit}): extranonce2, time, nonce and, with
 * version rolling (BIP310), the rolled version bits.
 *
 * <pre>{@code
 * ShareSubmission s = ShareSubmission.of("00000001", "504e86ed", "b2957c02");
 * ShareSubmission rolled = s.withVersionBits("00002000");   // mining.submit's sixth parameter
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShareSubmission {
  private final byte[] extranonce2;
  private final int time;
  private final int nonce;
  private final int versionBits;

  private ShareSubmission(byte[] extranonce2, int time, int nonce, int versionBits) {
    this.extranonce2 = extranonce2;
    this.time = time;
    this.nonce = nonce;
    this.versionBits = versionBits;
  }

  /**
   * A submission without version rolling.
   *
   * @param extranonce2 hex, the job's extranonce2 size
   * @param time ntime, 8 big-endian hex digits
   * @param nonce nonce, 8 big-endian hex digits
   * @return the submission
   * @throws org.computerwa.core.ValidationException if a field is not hex of the right length
   */
  public static ShareSubmission of(String extranonce2, String time, String nonce) {
    return new ShareSubmission(StratumJob.hex("extranonce2", extranonce2), StratumJob.word("ntime", time),
        StratumJob.word("nonce", nonce), 0);
  }

  /**
   * This submission with BIP310 version bits: the header version becomes
   * {@code (job.version & ~allowed) | bits}, where {@code allowed} is the session's
   * {@link StratumSession#allowedVersionBits()}; a bit outside {@code allowed} makes the share
   * invalid.
   *
   * @param bits the submitted version bits, 8 hex digits
   * @return a new submission
   * @throws org.computerwa.core.ValidationException if not 8 hex digits
   */
  public ShareSubmission withVersionBits(String bits) {
    return new ShareSubmission(extranonce2, time, nonce, StratumJob.word("version_bits", bits));
  }

  byte[] extranonce2() {
    return extranonce2;
  }

  int time() {
    return time;
  }

  int nonce() {
    return nonce;
  }

  int versionBits() {
    return versionBits;
  }

  /**
   * The version bits submitted, if any.
   *
   * @return the bits or empty
   */
  public Optional<Integer> versionBitsSubmitted() {
    return versionBits == 0 ? Optional.empty() : Optional.of(versionBits);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ShareSubmission)) {
      return false;
    }
    ShareSubmission s = (ShareSubmission) o;
    return java.util.Arrays.equals(extranonce2, s.extranonce2) && time == s.time && nonce == s.nonce
        && versionBits == s.versionBits;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(extranonce2) * 31 + nonce;
  }
}
