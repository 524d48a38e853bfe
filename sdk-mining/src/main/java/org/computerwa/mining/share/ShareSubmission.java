package org.computerwa.mining.share;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
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
 * <p>The record holds its own copy of the extranonce2 bytes and hands out copies, so
 * {@link #equals}, {@link #hashCode} and {@link #toString} compare and show the bytes, not the
 * array's identity.
 *
 * @param extranonce2 the extranonce2 bytes, the job's extranonce2 size; copied in and out
 * @param time ntime, as the 32-bit word the header carries
 * @param nonce the nonce, as the 32-bit word the header carries
 * @param versionBits the BIP310 version bits submitted, {@code 0} for none
 * @since 0.1.0
 */
public record ShareSubmission(byte[] extranonce2, int time, int nonce, int versionBits) {
  /**
   * Copies the extranonce2 bytes.
   *
   * @throws NullPointerException if {@code extranonce2} is null
   */
  public ShareSubmission {
    extranonce2 = Objects.requireNonNull(extranonce2, "extranonce2").clone();
  }

  /**
   * A submission without version rolling, from the hex strings {@code mining.submit} carries.
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

  /**
   * The extranonce2 bytes.
   *
   * @return a copy
   */
  @Override
  public byte[] extranonce2() {
    return extranonce2.clone();
  }

  /** The extranonce2 bytes without a copy, for the verifier's allocation-free path; never mutated. */
  byte[] extranonce2Shared() {
    return extranonce2;
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
    return o instanceof ShareSubmission s && Arrays.equals(extranonce2, s.extranonce2) && time == s.time
        && nonce == s.nonce && versionBits == s.versionBits;
  }

  @Override
  public int hashCode() {
    return ((Arrays.hashCode(extranonce2) * 31 + time) * 31 + nonce) * 31 + versionBits;
  }

  @Override
  public String toString() {
    return "ShareSubmission[extranonce2=" + HexFormat.of().formatHex(extranonce2) + ", time="
        + String.format("%08x", time) + ", nonce=" + String.format("%08x", nonce) + ", versionBits="
        + String.format("%08x", versionBits) + "]";
  }
}
