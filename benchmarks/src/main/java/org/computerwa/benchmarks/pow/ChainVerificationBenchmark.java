package org.computerwa.benchmarks.pow;

import java.util.concurrent.TimeUnit;
import org.computerwa.mining.pow.ChainVerification;
import org.computerwa.mining.pow.HeaderChainVerifier;
import org.computerwa.mining.pow.Network;
import org.computerwa.mining.sha256.HeaderHasher;
import org.computerwa.mining.sha256.Sha256Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-chain verification of a synthetic mainnet-length chain (880,000 linked headers, mined at
 * regtest difficulty so it can be built in seconds) on 1 and 2 threads: every rule of
 * {@link HeaderChainVerifier}, including chain work.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ChainVerificationBenchmark
 * </pre>
 *
 * <p>Scaling is the 1-thread time divided by the 2-thread time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
public class ChainVerificationBenchmark {
  /** Mainnet length at the time of writing, rounded. */
  static final int LENGTH = 880_000;

  /** Worker threads of the verifier. */
  @Param({"1", "2"})
  public int threads;

  private byte[] chain;
  private HeaderChainVerifier verifier;

  /** Mines the synthetic chain once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    chain = mine(LENGTH);
    verifier = HeaderChainVerifier.builder().network(Network.REGTEST).parallelism(threads).build();
    ChainVerification r = verifier.verify(0, chain);
    if (!r.valid() || r.headerCount() != LENGTH) {
      throw new IllegalStateException("synthetic chain does not verify: " + r);
    }
  }

  /** Verifies all 880,000 headers. */
  @Benchmark
  public ChainVerification verifyChain() {
    return verifier.verify(0, chain);
  }

  /** Headers at nBits 207fffff, 600 s apart from 2009-01-03, each linked to the one before. */
  static byte[] mine(int length) {
    byte[] raw = new byte[80 * length];
    HeaderHasher hasher = Sha256Engine.fastest().newHeaderHasher();
    byte[] hash = new byte[32];
    long time = 1_231_006_505L;
    for (int i = 0; i < length; i++) {
      int off = 80 * i;
      putLe(raw, off, 0x20000000);
      if (i > 0) {
        System.arraycopy(hash, 0, raw, off + 4, 32);
      }
      putLe(raw, off + 36, i);
      putLe(raw, off + 68, (int) (time + 600L * i));
      putLe(raw, off + 72, 0x207fffff);
      for (int nonce = 0; ; nonce++) {
        putLe(raw, off + 76, nonce);
        hasher.doubleHash80(raw, off, hash, 0);
        if ((hash[31] & 0xff) < 0x7f) { // below 0x7f0000..., so within the 207fffff target
          break;
        }
      }
    }
    return raw;
  }

  private static void putLe(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }
}
