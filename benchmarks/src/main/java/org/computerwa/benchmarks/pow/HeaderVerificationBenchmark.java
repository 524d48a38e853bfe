package org.computerwa.benchmarks.pow;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.bitcoinj.core.Block;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.computerwa.mining.pow.CompactTarget;
import org.computerwa.mining.pow.HeaderVerifier;
import org.computerwa.mining.pow.Network;
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
 * Proof-of-work verification of the same 289 real mainnet headers (parse nBits, SHA-256d, compare
 * with the target) by the SDK and its peers, in one run. Scores are headers per second per thread.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HeaderVerificationBenchmark
 * </pre>
 *
 * <p>The peers get every advantage: the MessageDigest and BouncyCastle loops compare against
 * targets decoded before the measurement; bitcoinj runs its own parse and
 * {@code Block.verifyHeader}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
public class HeaderVerificationBenchmark {
  /** Number of headers each invocation verifies (the size of the resource file). */
  static final int HEADERS = 289;

  private byte[] headers;
  private byte[][] targetsLittleEndian;
  private final byte[] hash = new byte[32];
  private HeaderVerifier computerwa;
  private HeaderVerifier computerwaPortable;
  private MessageDigest messageDigest;
  private SHA256Digest bouncyCastle;

  /** Loads the headers and builds every verifier once. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    headers = RealHeaders.load();
    if (headers.length != 80 * HEADERS) {
      throw new IllegalStateException("expected " + HEADERS + " headers, got " + headers.length / 80);
    }
    targetsLittleEndian = new byte[HEADERS][];
    for (int i = 0; i < HEADERS; i++) {
      int bits = ByteBuffer.wrap(headers, 80 * i + 72, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
      targetsLittleEndian[i] = littleEndian32(CompactTarget.of(bits).value());
    }
    computerwa = HeaderVerifier.builder().network(Network.MAINNET).build();
    computerwaPortable = HeaderVerifier.builder().network(Network.MAINNET).engine(Sha256Engine.portable()).build();
    messageDigest = MessageDigest.getInstance("SHA-256");
    bouncyCastle = new SHA256Digest();
    org.bitcoinj.core.Context.propagate(new org.bitcoinj.core.Context());
    // The SDK's methods are checked after the measurement instead (tearDown): calling both SDK
    // engines here would show HotSpot two hasher types at one call site before it compiles it.
    for (java.util.function.IntSupplier run : new java.util.function.IntSupplier[] {
        this::jdkMessageDigest, this::bouncyCastle, this::bitcoinj}) {
      if (run.getAsInt() != HEADERS) {
        throw new IllegalStateException("a peer rejected a valid real header");
      }
    }
  }

  /** Checks, after the measurement, that both SDK verifiers accept every header. */
  @TearDown
  public void tearDown() {
    if (computerwa() != HEADERS || computerwaPortable() != HEADERS) {
      throw new IllegalStateException("the SDK rejected a valid real header");
    }
  }

  /** The SDK's verifier with its default engine ({@link Sha256Engine#fastest()}). */
  @Benchmark
  @OperationsPerInvocation(HEADERS)
  public int computerwa() {
    int valid = 0;
    for (int i = 0; i < HEADERS; i++) {
      if (computerwa.isValid(headers, 80 * i)) {
        valid++;
      }
    }
    return valid;
  }

  /** The SDK's verifier forced to its own pure-Java SHA-256. */
  @Benchmark
  @OperationsPerInvocation(HEADERS)
  public int computerwaPortable() {
    int valid = 0;
    for (int i = 0; i < HEADERS; i++) {
      if (computerwaPortable.isValid(headers, 80 * i)) {
        valid++;
      }
    }
    return valid;
  }

  /** A tight loop over one reused JDK MessageDigest: double hash, then compare with the target. */
  @Benchmark
  @OperationsPerInvocation(HEADERS)
  public int jdkMessageDigest() {
    int valid = 0;
    try {
      for (int i = 0; i < HEADERS; i++) {
        messageDigest.update(headers, 80 * i, 80);
        messageDigest.digest(hash, 0, 32);
        messageDigest.update(hash, 0, 32);
        messageDigest.digest(hash, 0, 32);
        if (notAbove(hash, targetsLittleEndian[i])) {
          valid++;
        }
      }
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return valid;
  }

  /** The same loop over one reused BouncyCastle {@code SHA256Digest}. */
  @Benchmark
  @OperationsPerInvocation(HEADERS)
  public int bouncyCastle() {
    int valid = 0;
    for (int i = 0; i < HEADERS; i++) {
      bouncyCastle.update(headers, 80 * i, 80);
      bouncyCastle.doFinal(hash, 0);
      bouncyCastle.update(hash, 0, 32);
      bouncyCastle.doFinal(hash, 0);
      if (notAbove(hash, targetsLittleEndian[i])) {
        valid++;
      }
    }
    return valid;
  }

  /** bitcoinj 0.17: parse the header, then {@code Block.verifyHeader}. */
  @Benchmark
  @OperationsPerInvocation(HEADERS)
  public int bitcoinj() {
    int valid = 0;
    for (int i = 0; i < HEADERS; i++) {
      Block block = Block.read(ByteBuffer.wrap(headers, 80 * i, 80));
      try {
        Block.verifyHeader(block);
        valid++;
      } catch (org.bitcoinj.core.VerificationException e) {
        // counted as invalid
      }
    }
    return valid;
  }

  /** Whether the digest, read as a little-endian number, is at most the target. */
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
