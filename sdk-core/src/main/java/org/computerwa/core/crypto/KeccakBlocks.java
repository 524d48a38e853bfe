package org.computerwa.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 of messages the caller has already laid out as whole padded blocks, for the hot loops
 * of Merkle trees (inner nodes, standard leaves). The permutation is BouncyCastle's: each 136-byte
 * block goes through {@link KeccakDigest}'s protected {@code absorb}, which XORs it into the state
 * and applies Keccak-f[1600], and the digest is the first four state words, little-endian. What
 * this skips is the general {@code update}/{@code doFinal} bookkeeping a fixed-length hash does
 * not need (queueing the partial block, padding through the queue, extracting the whole rate,
 * clearing the queue and the state through {@code reset}); {@code EvidenceBatchBenchmark} in the
 * benchmarks module compares the result with BouncyCastle's permutations alone. The only layout this class knows is Keccak's byte-aligned padding (0x01 after the
 * message, 0x80 in the last byte of the last block, zeros between), checked against the general
 * path for every length in {@code Keccak256Test}.
 *
 * <p>Also a plain {@link KeccakDigest}: between calls its state is the empty sponge, as after
 * {@code reset()}. Not thread-safe.
 */
final class KeccakBlocks extends KeccakDigest {
  /** The rate of Keccak-256 in bytes: the block size. */
  static final int RATE = 136;

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // Scratch blocks whose padding is written once: a 64-byte message (a pair of nodes) and a
  // 32-byte one (a digest hashed again); only the message bytes change between uses.
  private final byte[] pairBlock = new byte[RATE];
  private final byte[] wordBlock = new byte[RATE];
  private byte[] message = new byte[2 * RATE];
  // The message length whose padding message holds now: a run of leaves of one length (a batch's
  // ABI encodings) copies only its message bytes.
  private int paddedFor = -1;

  KeccakBlocks() {
    super(256);
    pad(pairBlock, 0, 64);
    pad(wordBlock, 0, 32);
  }

  /**
   * Keccak-256 of the 32 bytes at {@code firstOffset} then the 32 at {@code secondOffset}: an
   * inner Merkle node.
   *
   * @param src holds both words
   * @param firstOffset the first word
   * @param secondOffset the second word
   * @param dst receives the digest (may be {@code src})
   * @param dstOffset where
   */
  void hashPair(byte[] src, int firstOffset, int secondOffset, byte[] dst, int dstOffset) {
    System.arraycopy(src, firstOffset, pairBlock, 0, 32);
    System.arraycopy(src, secondOffset, pairBlock, 32, 32);
    hashPadded(pairBlock, 0, 1, dst, dstOffset);
  }

  /**
   * {@code keccak256(keccak256(input[0, length)))}, OpenZeppelin's standard Merkle leaf.
   *
   * @param input the message
   * @param length its length
   * @param out receives the digest
   * @param outOffset where
   */
  void hashTwice(byte[] input, int length, byte[] out, int outOffset) {
    int padded = paddedLength(length);
    if (message.length < padded) {
      message = new byte[padded];
      paddedFor = -1;
    }
    System.arraycopy(input, 0, message, 0, length);
    if (length != paddedFor) {
      Arrays.fill(message, length, padded, (byte) 0);
      pad(message, 0, length);
      paddedFor = length;
    }
    hashPadded(message, 0, padded / RATE, wordBlock, 0);
    hashPadded(wordBlock, 0, 1, out, outOffset);
  }

  /**
   * The padded length of a message: the whole blocks holding it and at least one padding byte.
   *
   * @param length message length in bytes
   * @return a multiple of {@link #RATE}
   */
  static int paddedLength(int length) {
    return (length / RATE + 1) * RATE;
  }

  /**
   * Writes Keccak's padding after a message of {@code length} bytes at {@code offset}. The bytes
   * between the message and the end of its last block must be zero.
   *
   * @param buffer holds the message and room for its padding
   * @param offset where the message starts
   * @param length message length
   */
  static void pad(byte[] buffer, int offset, int length) {
    buffer[offset + length] = 0x01;
    buffer[offset + paddedLength(length) - 1] |= (byte) 0x80;
  }

  /**
   * Hashes a padded message and leaves the sponge empty.
   *
   * @param padded the message and its padding ({@link #pad})
   * @param offset where the message starts
   * @param blocks the number of blocks, {@code paddedLength(length) / RATE}
   * @param out receives the 32-byte digest
   * @param outOffset where
   */
  void hashPadded(byte[] padded, int offset, int blocks, byte[] out, int outOffset) {
    if (bitsInQueue != 0 || squeezing) {
      reset(); // a general-path hash left unfinished; never the case within this package
    }
    // With nothing queued, absorb sends every whole block straight to the permutation.
    absorb(padded, offset, RATE * blocks);
    long[] s = state;
    LONG_LE.set(out, outOffset, s[0]);
    LONG_LE.set(out, outOffset + 8, s[1]);
    LONG_LE.set(out, outOffset + 16, s[2]);
    LONG_LE.set(out, outOffset + 24, s[3]);
    Arrays.fill(s, 0L);
  }
}
