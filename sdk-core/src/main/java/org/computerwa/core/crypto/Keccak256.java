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
  private static final ThreadLocal<KeccakBlocks> DIGEST = ThreadLocal.withInitial(KeccakBlocks::new);

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

  /**
   * Keccak-256 of two 32-byte words read from {@code src} at {@code firstOff} then
   * {@code secondOff}, written to {@code dst} at {@code dstOff}: an inner Merkle node. Writes into
   * the caller's array so that building a large tree allocates nothing per node.
   */
  static void hashPairInto(byte[] src, int firstOff, int secondOff, byte[] dst, int dstOff) {
    hashPairInto(DIGEST.get(), src, firstOff, secondOff, dst, dstOff);
  }

  /** {@link #hashPairInto(byte[], int, int, byte[], int)} with a digest the caller holds. */
  static void hashPairInto(KeccakBlocks digest, byte[] src, int firstOff, int secondOff, byte[] dst, int dstOff) {
    digest.hashPair(src, firstOff, secondOff, dst, dstOff);
  }

  /**
   * This thread's digest, for loops that hash many short inputs (a Merkle tree's inner nodes):
   * one thread-local look-up per loop instead of one per hash. Idle between calls: every use
   * leaves it empty.
   */
  static KeccakBlocks threadDigest() {
    return DIGEST.get();
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
