package org.computerwa.benchmarks.evidence;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * secp256k1 signing and public-key recovery of 32-byte digests: sdk-core's {@link SigningKey} and
 * {@link Signature#recover(Bytes32)} against web3j 4.13.0's {@code Sign} on the same keys and
 * digests, in the same run. Both sign deterministically (RFC 6979) with low s and a recovery id;
 * both recoveries end in the signer's address.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EvidenceSigningBenchmark
 * }</pre>
 *
 * <p>Setup checks that both libraries produce identical signatures and recover the same address
 * for every digest, so the two sides do the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvidenceSigningBenchmark {
  private static final int DIGESTS = 64;

  private SigningKey key;
  private ECKeyPair web3jKey;
  private final Bytes32[] digests = new Bytes32[DIGESTS];
  private final byte[][] rawDigests = new byte[DIGESTS][];
  private final Signature[] signatures = new Signature[DIGESTS];
  private final Sign.SignatureData[] web3jSignatures = new Sign.SignatureData[DIGESTS];
  private int next;

  /** Draws the key and digests and checks that both libraries agree on them. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261128L);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    secret[0] &= 0x7f;
    BigInteger d = new BigInteger(1, secret);
    key = SigningKey.fromSecret(d);
    web3jKey = ECKeyPair.create(d);
    for (int i = 0; i < DIGESTS; i++) {
      byte[] m = new byte[32];
      random.nextBytes(m);
      rawDigests[i] = m;
      digests[i] = Bytes32.of(m);
      signatures[i] = key.sign(digests[i]);
      web3jSignatures[i] = Sign.signMessage(m, web3jKey, false);
      if (!java.util.Arrays.equals(signatures[i].toBytes(), concat(web3jSignatures[i]))) {
        throw new IllegalStateException("the libraries disagree on signature " + i);
      }
      if (!signatures[i].recover(digests[i]).equals(key.address())
          || !("0x" + Keys.getAddress(recoverWeb3j(i))).equals(key.address().toHex())) {
        throw new IllegalStateException("recovery disagrees on digest " + i);
      }
    }
  }

  private static byte[] concat(Sign.SignatureData s) {
    byte[] out = new byte[65];
    System.arraycopy(s.getR(), 0, out, 0, 32);
    System.arraycopy(s.getS(), 0, out, 32, 32);
    out[64] = s.getV()[0];
    return out;
  }

  private BigInteger recoverWeb3j(int i) {
    try {
      return Sign.signedMessageHashToKey(rawDigests[i], web3jSignatures[i]);
    } catch (java.security.SignatureException e) {
      throw new IllegalStateException(e);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (DIGESTS - 1);
    return i;
  }

  /**
   * sdk-core signs one digest.
   *
   * @return the signature
   */
  @Benchmark
  public Signature computerwa() {
    return key.sign(digests[nextIndex()]);
  }

  /**
   * web3j signs the same digest.
   *
   * @return the signature
   */
  @Benchmark
  public Sign.SignatureData web3j() {
    return Sign.signMessage(rawDigests[nextIndex()], web3jKey, false);
  }

  /**
   * sdk-core recovers the signer's address.
   *
   * @return the address
   */
  @Benchmark
  public Address recoverComputerwa() {
    int i = nextIndex();
    return signatures[i].recover(digests[i]);
  }

  /**
   * web3j recovers the signer's public key and its address.
   *
   * @return the address
   */
  @Benchmark
  public String recoverWeb3j() {
    return Keys.getAddress(recoverWeb3j(nextIndex()));
  }
}
