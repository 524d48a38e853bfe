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

  /** Size of the scratch array the compression functions need. */
  public static final int SCRATCH_WORDS = 64;

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
   * @param scratch {@link #SCRATCH_WORDS} words of scratch space
   */
  public static void compress(int[] state, byte[] block, int offset, int[] scratch) {
    Sha256Rounds.compress(state, block, offset, scratch);
  }

  /**
   * SHA-256d of the 80 bytes at {@code offset}, leaving the eight digest words in {@code state}
   * (three compressions, no allocation).
   *
   * @param input input bytes
   * @param offset offset of the 80-byte message
   * @param state eight words receiving the digest words
   * @param scratch {@link #SCRATCH_WORDS} words of scratch space
   */
  public static void doubleHash80(byte[] input, int offset, int[] state, int[] scratch) {
    System.arraycopy(IV, 0, state, 0, 8);
    Sha256Rounds.compress(state, input, offset, scratch);
    Sha256Rounds.compressTail80(state, input, offset + 64, scratch);
    Sha256Rounds.compressDigest32(state, scratch);
  }

  /**
   * SHA-256d of an 80-byte message whose first 64 bytes are already compressed into {@code
   * midstate}: two compressions instead of three (what mining hardware does per nonce).
   *
   * @param midstate the eight state words after the first 64 bytes; not modified
   * @param tail the last 16 message bytes
   * @param offset where they start in {@code tail}
   * @param state eight words receiving the digest words
   * @param scratch {@link #SCRATCH_WORDS} words of scratch space
   */
  public static void doubleHash80FromMidstate(int[] midstate, byte[] tail, int offset, int[] state, int[] scratch) {
    System.arraycopy(midstate, 0, state, 0, 8);
    Sha256Rounds.compressTail80(state, tail, offset, scratch);
    Sha256Rounds.compressDigest32(state, scratch);
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
