package org.computerwa.core.internal;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
 *
 * <pre>{@code
 * byte[] hash = Keccak256.hash(bytes); // 32 bytes
 * }</pre>
 */
public final class Keccak256 {
  private Keccak256() {}

  /**
   * Hashes the input.
   *
   * @param input bytes to hash
   * @return the 32-byte digest
   */
  public static byte[] hash(byte[] input) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /**
   * Hashes the input and renders the digest as {@code 0x}-prefixed lower-case hex.
   *
   * @param input bytes to hash
   * @return 66 characters: {@code 0x} and 64 hex digits
   */
  public static String hashHex(byte[] input) {
    return Hex.prefixed(hash(input));
  }
}
