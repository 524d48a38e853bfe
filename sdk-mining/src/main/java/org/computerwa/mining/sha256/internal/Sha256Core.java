package org.computerwa.mining.sha256.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Entry points into the SDK's own SHA-256 compression functions, shared by the public hashing
 * classes of {@code org.computerwa.mining}. Not API.
 */
public final class Sha256Core {
  /** The SHA-256 initial hash value H0..H7 (FIPS 180-4, 5.3.3). */
  private static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private Sha256Core() {}

  /**
   * Writes the initial hash value into {@code state}.
   *
   * @param state eight words
   */
  public static void initialize(int[] state) {
    System.arraycopy(IV, 0, state, 0, 8);
  }

  /**
   * Compresses one 64-byte block into {@code state}.
   *
   * @param state eight words, updated
   * @param block input
   * @param offset offset of the block
   */
  public static void compress(int[] state, byte[] block, int offset) {
    Sha256Rounds.compress(state, block, offset);
  }

  /**
   * SHA-256d of the 80 bytes at {@code offset}, leaving the eight digest words in {@code state}
   * (three compressions, no allocation).
   *
   * @param input input bytes
   * @param offset offset of the 80-byte message
   * @param state eight words receiving the digest words
   */
  public static void doubleHash80(byte[] input, int offset, int[] state) {
    System.arraycopy(IV, 0, state, 0, 8);
    Sha256Rounds.compress(state, input, offset);
    Sha256Rounds.compressTail80(state, input, offset + 64);
    Sha256Rounds.compressDigest32(state);
  }

  /**
   * SHA-256 of a 32-byte message given as eight big-endian words, in place.
   *
   * @param state on entry the message words, on return the digest words
   */
  public static void hash32Words(int[] state) {
    Sha256Rounds.compressDigest32(state);
  }

  /**
   * Writes eight words big-endian.
   *
   * @param words the words
   * @param out destination
   * @param offset where the 32 bytes go
   */
  public static void store(int[] words, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      INT_BE.set(out, offset + 4 * i, words[i]);
    }
  }

  /**
   * Reads a big-endian word.
   *
   * @param in source
   * @param offset position
   * @return the word
   */
  public static int loadWord(byte[] in, int offset) {
    return (int) INT_BE.get(in, offset);
  }
}
