package org.computerwa.mining.share;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a miner submits for a job ({@code mining.submit}): extranonce2, time, nonce and, with
 * version rolling (BIP310), the rolled version bits.
 *
 * <pre>{@code
 * ShareSubmission s = ShareSubmission.of("00000001", "504e86ed", "b2957c02");
 * ShareSubmission rolled = s.withVersionBits("1fffe000", "00002000");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShareSubmission {
  private final byte[] extranonce2;
  private final int time;
  private final int nonce;
  private final int versionMask;
  private final int versionBits;

  private ShareSubmission(byte[] extranonce2, int time, int nonce, int versionMask, int versionBits) {
    this.extranonce2 = extranonce2;
    this.time = time;
    this.nonce = nonce;
    this.versionMask = versionMask;
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
        StratumJob.word("nonce", nonce), 0, 0);
  }

  /**
   * This submission with BIP310 version bits: the header version becomes
   * {@code (job.version & ~mask) | (bits & mask)}.
   *
   * @param mask the negotiated version-rolling mask, 8 hex digits
   * @param bits the submitted version bits, 8 hex digits
   * @return a new submission
   */
  public ShareSubmission withVersionBits(String mask, String bits) {
    return new ShareSubmission(extranonce2, time, nonce, StratumJob.word("version_mask", mask),
        StratumJob.word("version_bits", bits));
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

  int version(int jobVersion) {
    return (jobVersion & ~versionMask) | (versionBits & versionMask);
  }

  /**
   * The version-rolling mask, if any.
   *
   * @return the mask or empty
   */
  public Optional<Integer> versionMask() {
    return versionMask == 0 ? Optional.empty() : Optional.of(versionMask);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ShareSubmission)) {
      return false;
    }
    ShareSubmission s = (ShareSubmission) o;
    return java.util.Arrays.equals(extranonce2, s.extranonce2) && time == s.time && nonce == s.nonce
        && versionMask == s.versionMask && versionBits == s.versionBits;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(extranonce2) * 31 + nonce;
  }
}
