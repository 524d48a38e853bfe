package org.computerwa.benchmarks.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.computerwa.mining.share.PreparedJob;
import org.computerwa.mining.share.ShareSubmission;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumJob;
import org.computerwa.mining.share.StratumSession;
import org.computerwa.mining.sha256.Sha256Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification of one miner's stream of shares on a real Stratum job (ESP-Miner's fixture: real
 * coinbase parts and Merkle branch): 289 shares, one extranonce2 and one version, nonces and
 * times from a seeded generator. Scores are shares per second per thread, comparable with
 * {@code HeaderVerificationBenchmark}'s headers per second when both run in one JMH invocation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar "HeaderVerificationBenchmark|ShareVerificationBenchmark"
 * </pre>
 *
 * <p>The session's pool difficulty is set so low (2^-32) that every share is valid: each one is
 * hashed and compared in full, as for a valid header.
 *
 * <p>{@link #jdkMidstateFloor} is the bound of {@link #midstate} with the JDK engine: the same
 * shares hashed by a bare loop over {@code MessageDigest} (clone the digest primed with the job's
 * first 64 bytes, the 16-byte tail laid out before the measurement, the second pass, the target
 * compare) with none of the SDK's checks. Its ratio to {@code
 * HeaderVerificationBenchmark.jdkMessageDigest}, the same bare loop over whole headers, bounds what
 * the midstate can save over a whole header through {@code MessageDigest}, whose state can be
 * copied but never set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
public class ShareVerificationBenchmark {
  /** Shares per invocation, as many as the header benchmark's headers. */
  static final int SHARES = 289;

  private final List<ShareSubmission> shares = new ArrayList<>();
  private StratumSession session;
  private StratumJob job;
  private PreparedJob prepared;
  private PreparedJob preparedPortable;
  private ShareVerifier verifier;
  private MidstateFloor floor;

  /** Loads the job and draws the shares. */
  @Setup
  public void setUp() throws IOException {
    JsonNode entry;
    try (InputStream in = ShareVerificationBenchmark.class.getResourceAsStream("jobs.json")) {
      if (in == null) {
        throw new IllegalStateException("jobs.json missing from the benchmark jar");
      }
      entry = new ObjectMapper().readTree(in).get(0);
    }
    JsonNode n = entry.get("notify");
    List<String> branch = new ArrayList<>();
    n.get("merkle_branch").forEach(b -> branch.add(b.asText()));
    job = StratumJob.builder().prevHash(n.get("prevhash").asText()).version(n.get("version").asText())
        .bits(n.get("nbits").asText()).time(n.get("ntime").asText()).coinbase1(n.get("coinb1").asText())
        .coinbase2(n.get("coinb2").asText()).merkleBranch(branch)
        .extranonce1(entry.get("subscribe").get("extranonce1").asText())
        .extranonce2Size(entry.get("subscribe").get("extranonce2_size").asInt()).build();
    session = StratumSession.builder().poolDifficulty(Math.scalb(1.0, -32))
        .versionRollingMask(Integer.parseUnsignedInt(entry.get("version_rolling_mask").asText(), 16)).build();
    String extranonce2 = entry.get("extranonce2").asText();
    SplittableRandom random = new SplittableRandom(20261201L);
    for (int i = 0; i < SHARES; i++) {
      shares.add(ShareSubmission.of(extranonce2, String.format("%08x", job.time() + random.nextInt(600)),
          String.format("%08x", random.nextInt())));
    }
    verifier = ShareVerifier.create();
    prepared = verifier.prepare(session, job, HexFormat.of().parseHex(extranonce2));
    preparedPortable = ShareVerifier.create(Sha256Engine.portable())
        .prepare(session, job, HexFormat.of().parseHex(extranonce2));
    floor = MidstateFloor.of(verifier, session, job, shares);
  }

  /** Checks, after the measurement, that both paths accepted every share. */
  @TearDown
  public void tearDown() {
    if (midstate() != SHARES || midstatePortable() != SHARES || rebuild() != SHARES || jdkMidstateFloor() != SHARES) {
      throw new IllegalStateException("a valid share was rejected");
    }
  }

  /**
   * {@link PreparedJob#isValid} with the default engine ({@code Sha256Engine.fastest()}): the
   * job's midstate, then the last 16 header bytes and the second pass per share.
   */
  @Benchmark
  @OperationsPerInvocation(SHARES)
  public int midstate() {
    int valid = 0;
    for (int i = 0; i < SHARES; i++) {
      if (prepared.isValid(shares.get(i))) {
        valid++;
      }
    }
    return valid;
  }

  /** The same with the SDK's own pure-Java SHA-256: two compressions per share. */
  @Benchmark
  @OperationsPerInvocation(SHARES)
  public int midstatePortable() {
    int valid = 0;
    for (int i = 0; i < SHARES; i++) {
      if (preparedPortable.isValid(shares.get(i))) {
        valid++;
      }
    }
    return valid;
  }

  /**
   * The bound of {@link #midstate} with the JDK engine: a bare {@code MessageDigest} loop from the
   * job's midstate, without the SDK's checks.
   */
  @Benchmark
  @OperationsPerInvocation(SHARES)
  public int jdkMidstateFloor() {
    return floor.run();
  }

  /**
   * {@link ShareVerifier#verify}: coinbase, Merkle root and header rebuilt for every share, three
   * compressions, the share's difficulty computed exactly.
   */
  @Benchmark
  @OperationsPerInvocation(SHARES)
  public int rebuild() {
    int valid = 0;
    for (int i = 0; i < SHARES; i++) {
      verifier.verify(session, job, shares.get(i));
      valid++;
    }
    return valid;
  }

  /**
   * A bare {@code MessageDigest} loop over the shares of one job: a digest primed with the header's
   * first 64 bytes is cloned per share, then the share's 16-byte tail (laid out before the
   * measurement) and the second pass; the hash is compared with the share target as little-endian
   * bytes. Shared by {@code PairedRatioBenchmark}.
   */
  public static final class MidstateFloor {
    private final MessageDigest primed;
    private final MessageDigest second;
    private final byte[] tails;
    private final byte[] targetLittleEndian;
    private final byte[] hash = new byte[32];

    private MidstateFloor(MessageDigest primed, MessageDigest second, byte[] tails, byte[] targetLittleEndian) {
      this.primed = primed;
      this.second = second;
      this.tails = tails;
      this.targetLittleEndian = targetLittleEndian;
    }

    /**
     * Lays out the shares' header tails with the headers the SDK itself rebuilds.
     *
     * @param verifier rebuilds each share's header
     * @param session the session (share target)
     * @param job the job
     * @param shares the shares
     * @return the floor loop
     */
    public static MidstateFloor of(ShareVerifier verifier, StratumSession session, StratumJob job,
        List<ShareSubmission> shares) {
      byte[] tails = new byte[16 * shares.size()];
      byte[] first = null;
      for (int i = 0; i < shares.size(); i++) {
        byte[] header = verifier.verify(session, job, shares.get(i)).header().toBytes();
        if (first == null) {
          first = header;
        } else if (!Arrays.equals(first, 0, 64, header, 0, 64)) {
          throw new IllegalStateException("the shares do not share a midstate");
        }
        System.arraycopy(header, 64, tails, 16 * i, 16);
      }
      try {
        MessageDigest primed = MessageDigest.getInstance("SHA-256");
        primed.update(first, 0, 64);
        return new MidstateFloor(primed, MessageDigest.getInstance("SHA-256"), tails,
            littleEndian32(session.shareTarget()));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Hashes and checks every share.
     *
     * @return the number of shares at or below the target
     */
    public int run() {
      int valid = 0;
      int n = tails.length / 16;
      try {
        for (int i = 0; i < n; i++) {
          MessageDigest d = (MessageDigest) primed.clone();
          d.update(tails, 16 * i, 16);
          d.digest(hash, 0, 32);
          second.update(hash, 0, 32);
          second.digest(hash, 0, 32);
          if (notAbove(hash, targetLittleEndian)) {
            valid++;
          }
        }
      } catch (CloneNotSupportedException | DigestException e) {
        throw new IllegalStateException(e);
      }
      return valid;
    }

    private static boolean notAbove(byte[] digest, byte[] target) {
      for (int i = 31; i >= 0; i--) {
        int d = digest[i] & 0xff;
        int t = target[i] & 0xff;
        if (d != t) {
          return d < t;
        }
      }
      return true;
    }

    private static byte[] littleEndian32(BigInteger value) {
      byte[] be = value.toByteArray();
      byte[] le = new byte[32];
      for (int i = 0; i < Math.min(32, be.length); i++) {
        le[i] = be[be.length - 1 - i];
      }
      return le;
    }
  }
}
