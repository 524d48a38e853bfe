package org.computerwa.core.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
 *
 * <pre>{@code
 * Bytes32 h = Keccak256.hash("".getBytes(UTF_8));
 * // 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Keccak256 {
  // One digest per thread, reset by doFinal: hashing a Merkle tree allocates no digest state.
  private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

  private Keccak256() {}

  /**
   * Hashes the concatenation of the given byte arrays.
   *
   * @param parts the input, in order
   * @return the 32-byte digest
   */
  public static Bytes32 hash(byte[]... parts) {
    KeccakDigest digest = DIGEST.get();
    digest.reset();
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.wrap(out);
  }

  /** Keccak-256 of two 32-byte words, the inner node of a Merkle tree. */
  static Bytes32 hashPair(byte[] first, byte[] second) {
    KeccakDigest digest = DIGEST.get();
    digest.reset();
    digest.update(first, 0, 32);
    digest.update(second, 0, 32);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.wrap(out);
  }

  /** {@code keccak256(keccak256(input))}, the standard Merkle leaf of ABI-encoded values. */
  static Bytes32 hashTwice(byte[] input) {
    KeccakDigest digest = DIGEST.get();
    digest.reset();
    digest.update(input, 0, input.length);
    byte[] inner = new byte[32];
    digest.doFinal(inner, 0);
    digest.update(inner, 0, 32);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.wrap(out);
  }

  /**
   * Hashes the UTF-8 bytes of a text, as Solidity's {@code keccak256(bytes(text))}.
   *
   * @param text the text
   * @return the 32-byte digest
   */
  public static Bytes32 hashUtf8(String text) {
    return hash(text.getBytes(StandardCharsets.UTF_8));
  }
}
