package org.computerwa.benchmarks.pow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.computerwa.benchmarks.share.ShareVerificationBenchmark;
import org.computerwa.mining.pow.CompactTarget;
import org.computerwa.mining.pow.HeaderVerifier;
import org.computerwa.mining.pow.Network;
import org.computerwa.mining.sha256.Sha256Engine;
import org.computerwa.mining.share.PreparedJob;
import org.computerwa.mining.share.ShareSubmission;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumJob;
import org.computerwa.mining.share.StratumSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two speed ratios of proof-of-work verification measured in pairs that run at the same
 * time, one thread each (JMH groups): on a machine shared with other work, both sides of a ratio
 * then see the same load, which separate benchmarks, run one after the other, do not. Each
 * method is the loop of its namesake in {@code HeaderVerificationBenchmark} or {@code
 * ShareVerificationBenchmark}, over the same data.
 *
 * <ul>
 *   <li>{@code portableVsBouncyCastle}: {@code portable} (the SDK's pure-Java SHA-256d in
 *       {@code HeaderVerifier}) against {@code bouncyCastle} ({@code SHA256Digest}, twice).
 *   <li>{@code midstateVsHeader}: {@code midstate} ({@code PreparedJob.isValid}, default engine)
 *       against {@code header} ({@code HeaderVerifier.isValid}, default engine).
 *   <li>{@code portableMidstateVsHeader}: the same pair with the portable engine on both sides,
 *       where the midstate is the engine's own state words (two compressions against three). With
 *       the JDK engine the midstate is a cloned {@code MessageDigest}, whose state cannot be set;
 *       the pair shows what the clone and the per-call overhead of {@code MessageDigest} leave of
 *       the saved compression.
 *   <li>{@code jdkFloors}: the bound of {@code midstateVsHeader} with the JDK engine, bare {@code
 *       MessageDigest} loops on both sides without the SDK's checks: {@code jdkMidstateFloor}
 *       (clone of a primed digest per share, see {@code ShareVerificationBenchmark.MidstateFloor})
 *       against {@code jdkHeaderFloor} (one reused digest, whole headers, as {@code
 *       HeaderVerificationBenchmark.jdkMessageDigest}).
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PairedRatioBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 20, time = 1)
public class PairedRatioBenchmark {
  static final int N = HeaderVerificationBenchmark.HEADERS;

  /** The real headers and their verifiers, per thread. */
  @State(Scope.Thread)
  public static class Headers {
    byte[] headers;
    byte[][] targets;
    final byte[] hash = new byte[32];
    MessageDigest messageDigest;
    HeaderVerifier fastest;
    HeaderVerifier portable;
    SHA256Digest bouncyCastle;

    /** Loads the headers. */
    @Setup
    public void setUp() {
      headers = RealHeaders.load();
      targets = new byte[N][];
      for (int i = 0; i < N; i++) {
        int bits = ByteBuffer.wrap(headers, 80 * i + 72, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        targets[i] = littleEndian32(CompactTarget.of(bits).value());
      }
      fastest = HeaderVerifier.builder().network(Network.MAINNET).build();
      portable = HeaderVerifier.builder().network(Network.MAINNET).engine(Sha256Engine.portable()).build();
      bouncyCastle = new SHA256Digest();
      try {
        messageDigest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One miner's shares on a real job, per thread. */
  @State(Scope.Thread)
  public static class Shares {
    final List<ShareSubmission> shares = new ArrayList<>();
    PreparedJob prepared;
    PreparedJob preparedPortable;
    ShareVerificationBenchmark.MidstateFloor floor;

    /** Loads the job and draws the shares, as {@code ShareVerificationBenchmark} does. */
    @Setup
    public void setUp() throws IOException {
      JsonNode entry;
      try (InputStream in = PairedRatioBenchmark.class.getResourceAsStream("/org/computerwa/benchmarks/share/jobs.json")) {
        if (in == null) {
          throw new IllegalStateException("jobs.json missing from the benchmark jar");
        }
        entry = new ObjectMapper().readTree(in).get(0);
      }
      JsonNode n = entry.get("notify");
      List<String> branch = new ArrayList<>();
      n.get("merkle_branch").forEach(b -> branch.add(b.asText()));
      StratumJob job = StratumJob.builder().prevHash(n.get("prevhash").asText()).version(n.get("version").asText())
          .bits(n.get("nbits").asText()).time(n.get("ntime").asText()).coinbase1(n.get("coinb1").asText())
          .coinbase2(n.get("coinb2").asText()).merkleBranch(branch)
          .extranonce1(entry.get("subscribe").get("extranonce1").asText())
          .extranonce2Size(entry.get("subscribe").get("extranonce2_size").asInt()).build();
      StratumSession session = StratumSession.builder().poolDifficulty(Math.scalb(1.0, -32)).build();
      String extranonce2 = entry.get("extranonce2").asText();
      SplittableRandom random = new SplittableRandom(20261201L);
      for (int i = 0; i < N; i++) {
        shares.add(ShareSubmission.of(extranonce2, String.format("%08x", job.time() + random.nextInt(600)),
            String.format("%08x", random.nextInt())));
      }
      ShareVerifier verifier = ShareVerifier.create();
      prepared = verifier.prepare(session, job, HexFormat.of().parseHex(extranonce2));
      floor = ShareVerificationBenchmark.MidstateFloor.of(verifier, session, job, shares);
      preparedPortable = ShareVerifier.create(Sha256Engine.portable())
          .prepare(session, job, HexFormat.of().parseHex(extranonce2));
    }
  }

  /** The SDK's pure-Java engine, paired with {@link #bouncyCastle}. */
  @Benchmark
  @Group("portableVsBouncyCastle")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int portable(Headers h) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      if (h.portable.isValid(h.headers, 80 * i)) {
        valid++;
      }
    }
    return valid;
  }

  /** BouncyCastle's {@code SHA256Digest}, paired with {@link #portable}. */
  @Benchmark
  @Group("portableVsBouncyCastle")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int bouncyCastle(Headers h) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      h.bouncyCastle.update(h.headers, 80 * i, 80);
      h.bouncyCastle.doFinal(h.hash, 0);
      h.bouncyCastle.update(h.hash, 0, 32);
      h.bouncyCastle.doFinal(h.hash, 0);
      if (notAbove(h.hash, h.targets[i])) {
        valid++;
      }
    }
    return valid;
  }

  /** Shares from the job's midstate, default engine, paired with {@link #header}. */
  @Benchmark
  @Group("midstateVsHeader")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int midstate(Shares s) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      if (s.prepared.isValid(s.shares.get(i))) {
        valid++;
      }
    }
    return valid;
  }

  /** Whole headers, default engine, paired with {@link #midstate}. */
  @Benchmark
  @Group("midstateVsHeader")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int header(Headers h) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      if (h.fastest.isValid(h.headers, 80 * i)) {
        valid++;
      }
    }
    return valid;
  }

  /** Shares from the job's midstate, portable engine, paired with {@link #portableHeader}. */
  @Benchmark
  @Group("portableMidstateVsHeader")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int portableMidstate(Shares s) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      if (s.preparedPortable.isValid(s.shares.get(i))) {
        valid++;
      }
    }
    return valid;
  }

  /** Whole headers, portable engine, paired with {@link #portableMidstate}. */
  @Benchmark
  @Group("portableMidstateVsHeader")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int portableHeader(Headers h) {
    int valid = 0;
    for (int i = 0; i < N; i++) {
      if (h.portable.isValid(h.headers, 80 * i)) {
        valid++;
      }
    }
    return valid;
  }

  /** Bare {@code MessageDigest} from the job's midstate, paired with {@link #jdkHeaderFloor}. */
  @Benchmark
  @Group("jdkFloors")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int jdkMidstateFloor(Shares s) {
    return s.floor.run();
  }

  /** Bare {@code MessageDigest} over whole headers, paired with {@link #jdkMidstateFloor}. */
  @Benchmark
  @Group("jdkFloors")
  @GroupThreads(1)
  @OperationsPerInvocation(N)
  public int jdkHeaderFloor(Headers h) {
    int valid = 0;
    try {
      for (int i = 0; i < N; i++) {
        h.messageDigest.update(h.headers, 80 * i, 80);
        h.messageDigest.digest(h.hash, 0, 32);
        h.messageDigest.update(h.hash, 0, 32);
        h.messageDigest.digest(h.hash, 0, 32);
        if (notAbove(h.hash, h.targets[i])) {
          valid++;
        }
      }
    } catch (DigestException e) {
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
