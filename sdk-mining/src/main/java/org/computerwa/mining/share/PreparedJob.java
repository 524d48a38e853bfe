package org.computerwa.mining.share;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.pow.BlockHeader;
import org.computerwa.mining.sha256.MidstateHasher;
import org.computerwa.mining.sha256.Sha256Engine;

/**
 * One job prepared for the shares of one extranonce2, as a pool checks a miner's stream: the
 * coinbase and Merkle root are built once, the SHA-256 state after the header's first 64 bytes
 * (the midstate: version, previous hash and 28 bytes of the Merkle root) is kept per rolled
 * version, and each share costs two compressions (the header's last 16 bytes, then the second
 * pass of SHA-256d) instead of three, with the verifier's {@link Sha256Engine}.
 *
 * <pre>{@code
 * PreparedJob prepared = ShareVerifier.create().prepare(session, job, extranonce2);
 * boolean ok = prepared.isValid(submission);        // allocation-free
 * VerifiedShare share = prepared.verify(submission); // the same rules, with the header and hash
 * }</pre>
 *
 * <p>Cost: with {@link Sha256Engine#portable()} the midstate is the engine's own eight state
 * words, and a share costs two compressions where a whole header costs three. With {@link
 * Sha256Engine#jdk()} (the default where HotSpot has SHA-256 intrinsics) the JDK's {@code
 * MessageDigest} cannot be given a state, so each share clones a digest primed with the first 64
 * bytes; the clone and {@code MessageDigest}'s per-call overhead take back most of the saved
 * compression. {@code PairedRatioBenchmark} in the benchmarks module measures both, and its group
 * {@code jdkFloors} the bound of the JDK case: bare {@code MessageDigest} loops, without this
 * class's checks, over shares from a cloned midstate and over whole headers. {@code
 * MessageDigestCostBenchmark} prices each part (a compression, a {@code digest} call's
 * finalisation, a clone), and with it what a settable state would have saved.
 *
 * <p>Not thread-safe: it reuses its buffers; prepare one per thread.
 *
 * @since 0.1.0
 */
public final class PreparedJob {
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final StratumSession session;
  private final StratumJob job;
  private final byte[] extranonce2;
  private final byte[] header = new byte[BlockHeader.SIZE];
  private final MidstateHasher hasher;
  private final byte[] hash = new byte[32];
  private final long target0;
  private final long target1;
  private final long target2;
  private final long target3;
  private int midstateVersion;
  private boolean hasMidstate;

  PreparedJob(Sha256Engine engine, StratumSession session, StratumJob job, byte[] extranonce2, byte[] merkleRoot) {
    this.hasher = engine.newMidstateHasher();
    this.session = session;
    this.job = job;
    this.extranonce2 = extranonce2;
    BlockHeader template = BlockHeader.of(job.version(), BlockHash.fromRaw(job.prevHashHeaderBytes()), merkleRoot,
        Integer.toUnsignedLong(job.time()), job.bits(), 0);
    System.arraycopy(template.toBytes(), 0, header, 0, BlockHeader.SIZE);
    BigInteger target = session.shareTarget();
    target0 = target.longValue();
    target1 = target.shiftRight(64).longValue();
    target2 = target.shiftRight(128).longValue();
    target3 = target.shiftRight(192).longValue();
  }

  /**
   * The session the shares are checked against.
   *
   * @return the session
   */
  public StratumSession session() {
    return session;
  }

  /**
   * Whether a submission is a valid share of this job and session, without allocating.
   *
   * @param submission a submission carrying this job's extranonce2
   * @return {@code true} if its version bits are allowed and its hash reaches the pool difficulty
   * @throws ValidationException if the submission carries another extranonce2
   */
  public boolean isValid(ShareSubmission submission) {
    int allowed = session.allowedVersionBits();
    int bits = submission.versionBits();
    if ((bits & ~allowed) != 0) {
      return false;
    }
    hash(submission, (job.version() & ~allowed) | bits);
    return meetsTarget();
  }

  /**
   * Verifies a submission, as {@link ShareVerifier#verify(StratumSession, StratumJob,
   * ShareSubmission)} does.
   *
   * @param submission a submission carrying this job's extranonce2
   * @return the verified share
   * @throws ShareVerificationException if the share is not valid for the session, with the reason
   * @throws ValidationException if the submission carries another extranonce2
   */
  public VerifiedShare verify(ShareSubmission submission) {
    int version = ShareVerifier.version(session, job, submission);
    hash(submission, version);
    return ShareVerifier.judge(session, job, BlockHeader.parse(header), BlockHash.fromRaw(hash));
  }

  private void hash(ShareSubmission submission, int version) {
    if (!Arrays.equals(submission.extranonce2Shared(), extranonce2)) {
      throw new ValidationException("extranonce2", java.util.HexFormat.of().formatHex(submission.extranonce2Shared()),
          "must be the extranonce2 this job was prepared for");
    }
    if (!hasMidstate || version != midstateVersion) {
      INT_LE.set(header, 0, version);
      hasher.prefix(header, 0);
      midstateVersion = version;
      hasMidstate = true;
    }
    INT_LE.set(header, 68, submission.time());
    INT_LE.set(header, 76, submission.nonce());
    hasher.doubleHash80(header, 64, hash, 0);
  }

  /** Whether the hash, read as a little-endian 256-bit number, is at most the share target. */
  private boolean meetsTarget() {
    long h = (long) LONG_LE.get(hash, 24);
    if (h != target3) {
      return Long.compareUnsigned(h, target3) < 0;
    }
    h = (long) LONG_LE.get(hash, 16);
    if (h != target2) {
      return Long.compareUnsigned(h, target2) < 0;
    }
    h = (long) LONG_LE.get(hash, 8);
    if (h != target1) {
      return Long.compareUnsigned(h, target1) < 0;
    }
    return Long.compareUnsigned((long) LONG_LE.get(hash, 0), target0) <= 0;
  }
}
