package org.computerwa.mining.sha256;

import java.util.Arrays;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.sha256.internal.Sha256Core;

/**
 * A streaming SHA-256 hasher over the SDK's own implementation: feed bytes, then take the digest.
 *
 * <pre>{@code
 * Sha256Hasher hasher = Sha256.newHasher();
 * hasher.update(part1).update(part2);
 * byte[] digest = hasher.digest();   // 32 bytes; the hasher is reset and can be reused
 * }</pre>
 *
 * <p>After a whole number of 64-byte blocks, {@link #midstate()} returns the raw compression
 * state (the eight words H0..H7, no padding applied), the value mining hardware starts from.
 *
 * <p>Not thread-safe; use one hasher per thread. It allocates nothing after construction except
 * the arrays that {@link #digest()} and {@link #midstate()} return.
 *
 * @since 0.1.0
 */
public final class Sha256Hasher {
  private final int[] state = new int[8];
  private final byte[] buffer = new byte[64];
  private int buffered;
  private long length;

  Sha256Hasher() {
    reset();
  }

  /**
   * Discards everything fed so far.
   *
   * @return this hasher
   */
  public Sha256Hasher reset() {
    Sha256Core.initialize(state);
    buffered = 0;
    length = 0;
    return this;
  }

  /**
   * Feeds one byte.
   *
   * @param b the byte
   * @return this hasher
   */
  public Sha256Hasher update(byte b) {
    buffer[buffered++] = b;
    length++;
    if (buffered == 64) {
      Sha256Core.compress(state, buffer, 0);
      buffered = 0;
    }
    return this;
  }

  /**
   * Feeds all of {@code input}.
   *
   * @param input the bytes
   * @return this hasher
   */
  public Sha256Hasher update(byte[] input) {
    return update(input, 0, input.length);
  }

  /**
   * Feeds {@code len} bytes of {@code input} starting at {@code off}.
   *
   * @param input the bytes
   * @param off the first byte to feed
   * @param len how many bytes to feed
   * @return this hasher
   * @throws IndexOutOfBoundsException if the range lies outside {@code input}
   */
  public Sha256Hasher update(byte[] input, int off, int len) {
    Objects.checkFromIndexSize(off, len, input.length);
    length += len;
    if (buffered > 0) {
      int take = Math.min(64 - buffered, len);
      System.arraycopy(input, off, buffer, buffered, take);
      buffered += take;
      off += take;
      len -= take;
      if (buffered < 64) {
        return this;
      }
      Sha256Core.compress(state, buffer, 0);
      buffered = 0;
    }
    while (len >= 64) {
      Sha256Core.compress(state, input, off);
      off += 64;
      len -= 64;
    }
    if (len > 0) {
      System.arraycopy(input, off, buffer, 0, len);
      buffered = len;
    }
    return this;
  }

  /**
   * The number of bytes fed since construction or the last reset.
   *
   * @return the message length in bytes
   */
  public long length() {
    return length;
  }

  /**
   * The raw compression state after the whole 64-byte blocks fed so far, without padding or
   * finalization.
   *
   * @return the eight state words H0..H7 (a copy); the initial value if nothing was fed
   * @throws ValidationException if the bytes fed are not a whole number of 64-byte blocks
   */
  public int[] midstate() {
    if (buffered != 0) {
      throw new ValidationException("length", length, "must be a multiple of 64 bytes for a midstate");
    }
    return state.clone();
  }

  /**
   * Finishes the hash, returns the digest and resets this hasher.
   *
   * @return the 32-byte digest
   */
  public byte[] digest() {
    byte[] out = new byte[Sha256.DIGEST_LENGTH];
    digest(out, 0);
    return out;
  }

  /**
   * Finishes the hash, writes the digest into {@code out} at {@code off} and resets this hasher.
   *
   * @param out destination with room for 32 bytes at {@code off}
   * @param off where the digest starts
   * @throws IndexOutOfBoundsException if there is no room
   */
  public void digest(byte[] out, int off) {
    Objects.checkFromIndexSize(off, Sha256.DIGEST_LENGTH, out.length);
    long bits = length << 3;
    buffer[buffered++] = (byte) 0x80;
    if (buffered > 56) {
      Arrays.fill(buffer, buffered, 64, (byte) 0);
      Sha256Core.compress(state, buffer, 0);
      buffered = 0;
    }
    Arrays.fill(buffer, buffered, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      buffer[63 - i] = (byte) (bits >>> (8 * i));
    }
    Sha256Core.compress(state, buffer, 0);
    Sha256Core.store(state, out, off);
    reset();
  }
}
