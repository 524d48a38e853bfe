package org.computerwa.benchmarks.share;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDK's {@code MessageDigest} charges for each part of a SHA-256d, in nanoseconds: the
 * parts from which the midstate's saving with the JDK engine can be worked out. A whole header
 * costs three compressions and two finalisations ({@link #header}); a share from a midstate costs
 * a clone of the primed digest, two compressions and two finalisations ({@link #midstate}).
 * {@link #twoOneBlockDigests} is what a share would cost if a digest's state could be set instead
 * of cloned (two one-block hashes, each with its finalisation); no public JDK API allows it, so it
 * is a bound, not a path the SDK could take.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MessageDigestCostBenchmark
 * </pre>
 *
 * <p>{@code header / midstate} is the best {@code midstate / computerwa} any verifier built on
 * {@code MessageDigest} can reach, and {@code header / twoOneBlockDigests} the best it could reach
 * without the clone. {@link #compression}, {@link #oneBlockDigest} and {@link #clonePrimed}
 * separate the three costs: a compression, a compression with its finalisation, a clone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageDigestCostBenchmark {
  private static final int BLOCKS = 64;

  private final byte[] blocks = new byte[64 * BLOCKS];
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private MessageDigest running;
  private MessageDigest primed;
  private MessageDigest second;

  /** Fills the inputs from a seeded generator and primes a digest with a header's first 64 bytes. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    SplittableRandom random = new SplittableRandom(20261201L);
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = (byte) random.nextInt(256);
    }
    for (int i = 0; i < header.length; i++) {
      header[i] = (byte) random.nextInt(256);
    }
    running = MessageDigest.getInstance("SHA-256");
    primed = MessageDigest.getInstance("SHA-256");
    primed.update(header, 0, 64);
    second = MessageDigest.getInstance("SHA-256");
  }

  /**
   * One compression: 64 whole blocks through {@code update} on a digest never finalised.
   *
   * @return the digest (for the blackhole)
   */
  @Benchmark
  @OperationsPerInvocation(BLOCKS)
  public MessageDigest compression() {
    running.update(blocks, 0, blocks.length);
    return running;
  }

  /**
   * One 32-byte message hashed: one compression with its padding, output and reset.
   *
   * @return the hash
   */
  @Benchmark
  public byte[] oneBlockDigest() throws DigestException {
    second.update(hash, 0, 32);
    second.digest(hash, 0, 32);
    return hash;
  }

  /**
   * A copy of the digest primed with 64 bytes, as each share needs one.
   *
   * @return the copy
   */
  @Benchmark
  public Object clonePrimed() throws CloneNotSupportedException {
    return primed.clone();
  }

  /**
   * SHA-256d of a whole 80-byte header with one reused digest.
   *
   * @return the hash
   */
  @Benchmark
  public byte[] header() throws DigestException {
    second.update(header, 0, 80);
    second.digest(hash, 0, 32);
    second.update(hash, 0, 32);
    second.digest(hash, 0, 32);
    return hash;
  }

  /**
   * SHA-256d of the same header from its midstate: clone the primed digest, its last 16 bytes,
   * then the second pass.
   *
   * @return the hash
   */
  @Benchmark
  public byte[] midstate() throws CloneNotSupportedException, DigestException {
    MessageDigest d = (MessageDigest) primed.clone();
    d.update(header, 64, 16);
    d.digest(hash, 0, 32);
    second.update(hash, 0, 32);
    second.digest(hash, 0, 32);
    return hash;
  }

  /**
   * Two one-block hashes: what {@link #midstate} would cost if the primed state could be set
   * instead of cloned.
   *
   * @return the hash
   */
  @Benchmark
  public byte[] twoOneBlockDigests() throws DigestException {
    second.update(header, 64, 16);
    second.digest(hash, 0, 32);
    second.update(hash, 0, 32);
    second.digest(hash, 0, 32);
    return hash;
  }
}
