package org.computerwa.mining.share;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.pow.BlockHeader;
import org.computerwa.mining.pow.CompactTarget;
import org.computerwa.mining.sha256.Sha256;
import org.computerwa.mining.sha256.Sha256Engine;
import org.computerwa.mining.sha256.Sha256Hasher;

/**
 * Verifies Stratum v1 shares: rebuilds the coinbase, the Merkle root and the header from the job
 * and the submission, hashes it and compares with the share difficulty.
 *
 * <pre>{@code
 * ShareVerifier verifier = ShareVerifier.create();
 * StratumSession session = StratumSession.builder().poolDifficulty(1).build();
 * VerifiedShare share = verifier.verify(session, job, ShareSubmission.of("00000001", "504e86ed", "b2957c02"));
 * share.difficulty();   // >= the pool difficulty, else ShareVerificationException
 *
 * PreparedJob prepared = verifier.prepare(session, job, extranonce2);   // many shares, one job
 * prepared.verify(submission);                                           // two SHA-256 blocks each
 * }</pre>
 *
 * <p>A share is valid when its version bits stay inside the session's {@link
 * StratumSession#allowedVersionBits()} and its hash reaches the session's pool difficulty.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ShareVerifier {
  private final Sha256Engine engine;

  private ShareVerifier(Sha256Engine engine) {
    this.engine = engine;
  }

  /**
   * Creates a verifier whose prepared jobs hash with {@link Sha256Engine#fastest()}.
   *
   * @return the verifier
   */
  public static ShareVerifier create() {
    return new ShareVerifier(Sha256Engine.fastest());
  }

  /**
   * Creates a verifier whose prepared jobs hash with the given engine.
   *
   * @param engine the engine, for example {@link Sha256Engine#portable()}
   * @return the verifier
   */
  public static ShareVerifier create(Sha256Engine engine) {
    return new ShareVerifier(Objects.requireNonNull(engine, "engine"));
  }

  /**
   * The coinbase transaction {@code coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2}.
   *
   * @param job the job (with coinbase parts)
   * @param extranonce2 the submitted extranonce2
   * @return the serialized coinbase
   * @throws ValidationException if the job has no coinbase or extranonce2 has the wrong size
   */
  public byte[] coinbase(StratumJob job, byte[] extranonce2) {
    byte[] c1 = job.coinbase1();
    byte[] c2 = job.coinbase2();
    if (c1 == null || c2 == null) {
      throw new ValidationException("coinb1", null, "must be part of the job to rebuild the coinbase");
    }
    checkExtranonce2(job, extranonce2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(c1);
    out.writeBytes(job.extranonce1());
    out.writeBytes(extranonce2);
    out.writeBytes(c2);
    return out.toByteArray();
  }

  /**
   * The Merkle root in header byte order: the coinbase's SHA-256d folded with the branch, or the
   * job's fixed root.
   *
   * @param job the job
   * @param extranonce2 the submitted extranonce2
   * @return 32 bytes
   */
  public byte[] merkleRoot(StratumJob job, byte[] extranonce2) {
    byte[] fixed = job.fixedMerkleRoot();
    if (fixed != null) {
      return fixed.clone();
    }
    byte[] root = Sha256.doubleHash(coinbase(job, extranonce2));
    byte[] pair = new byte[64];
    for (byte[] branch : job.merkleBranch()) {
      System.arraycopy(root, 0, pair, 0, 32);
      System.arraycopy(branch, 0, pair, 32, 32);
      root = Sha256.doubleHash(pair);
    }
    return root;
  }

  /**
   * Rebuilds the header the miner hashed.
   *
   * @param session the session (its version-rolling mask)
   * @param job the job
   * @param submission the submission
   * @return the header
   * @throws ShareVerificationException if the submission rolls version bits the session does not
   *     allow
   */
  public BlockHeader header(StratumSession session, StratumJob job, ShareSubmission submission) {
    return BlockHeader.of(version(session, job, submission), BlockHash.fromRaw(job.prevHashHeaderBytes()),
        merkleRoot(job, submission.extranonce2Shared()), Integer.toUnsignedLong(submission.time()), job.bits(),
        submission.nonce());
  }

  /** The rolled version, or a rejection when a submitted bit lies outside the allowed mask. */
  static int version(StratumSession session, StratumJob job, ShareSubmission submission) {
    int allowed = session.allowedVersionBits();
    int bits = submission.versionBits();
    if ((bits & ~allowed) != 0) {
      throw ShareVerificationException.versionBitsOutsideMask(bits, allowed);
    }
    return (job.version() & ~allowed) | bits;
  }

  /**
   * The SHA-256 midstate after the first 64 header bytes for a given version (what ASICs are fed).
   *
   * @param job the job
   * @param extranonce2 the extranonce2
   * @param version the (possibly rolled) version
   * @return the eight state words H0..H7
   */
  public int[] midstate(StratumJob job, byte[] extranonce2, int version) {
    BlockHeader h = BlockHeader.of(version, BlockHash.fromRaw(job.prevHashHeaderBytes()), merkleRoot(job, extranonce2),
        Integer.toUnsignedLong(job.time()), job.bits(), 0);
    Sha256Hasher hasher = Sha256.newHasher();
    return hasher.update(h.toBytes(), 0, 64).midstate();
  }

  /**
   * Verifies a share against its session: version bits inside the allowed mask, hash at or below
   * the pool difficulty's target.
   *
   * @param session the session (pool difficulty, version-rolling mask)
   * @param job the job
   * @param submission the submission
   * @return the verified share
   * @throws ShareVerificationException if the share is not valid for the session, with the reason
   * @throws ValidationException if the inputs do not fit the job
   */
  public VerifiedShare verify(StratumSession session, StratumJob job, ShareSubmission submission) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(submission, "submission");
    BlockHeader header = header(session, job, submission);
    return judge(session, job, header, header.hash());
  }

  /**
   * Prepares a job for many shares with one extranonce2 (one miner's stream): the coinbase and
   * the Merkle root are built once, and each share is hashed from the SHA-256 midstate of its
   * header's first 64 bytes (two compressions instead of three).
   *
   * @param session the session
   * @param job the job
   * @param extranonce2 the extranonce2 the shares will carry; copied
   * @return the prepared job
   * @throws ValidationException if extranonce2 does not fit the job
   */
  public PreparedJob prepare(StratumSession session, StratumJob job, byte[] extranonce2) {
    Objects.requireNonNull(session, "session");
    return new PreparedJob(engine, session, job, extranonce2.clone(), merkleRoot(job, extranonce2));
  }

  static VerifiedShare judge(StratumSession session, StratumJob job, BlockHeader header, BlockHash hash) {
    BigInteger value = hash.toBigInteger();
    BigDecimal difficulty = value.signum() == 0 ? BigDecimal.valueOf(Double.MAX_VALUE)
        : new BigDecimal(StratumSession.DIFFICULTY_1).divide(new BigDecimal(value), 12, RoundingMode.DOWN);
    CompactTarget network = CompactTarget.of(job.bits());
    boolean block = network.isValid() && value.compareTo(network.value()) <= 0;
    VerifiedShare share = new VerifiedShare(header, hash, difficulty, block);
    if (value.compareTo(session.shareTarget()) > 0) {
      throw ShareVerificationException.lowDifficulty(share, session.poolDifficulty());
    }
    return share;
  }

  private static void checkExtranonce2(StratumJob job, byte[] extranonce2) {
    if (extranonce2.length != job.extranonce2Size()) {
      throw new ValidationException("extranonce2", extranonce2.length + " bytes",
          "must be extranonce2_size = " + job.extranonce2Size() + " bytes");
    }
  }
}
