package org.computerwa.mining.sha256;

/**
 * A reusable SHA-256d hasher for 80-byte messages that share their first 64 bytes, as the
 * headers of one mining job do (version, previous hash and most of the Merkle root): the first
 * block is compressed once per {@link #prefix}, then each {@link #doubleHash80} costs the last
 * 16 bytes and the second pass only.
 *
 * <pre>{@code
 * MidstateHasher hasher = Sha256Engine.fastest().newMidstateHasher();
 * hasher.prefix(header, 0);                  // the first 64 bytes
 * hasher.doubleHash80(header, 64, hash, 0);  // SHA-256d of prefix ‖ these 16 bytes
 * }</pre>
 *
 * <p>Not thread-safe; create one per thread.
 *
 * @since 0.1.0
 */
public interface MidstateHasher {

  /**
   * Sets the 64-byte prefix every following message starts with.
   *
   * @param input the bytes holding the prefix
   * @param offset where the 64 bytes start
   * @throws IndexOutOfBoundsException if the range lies outside the array
   */
  void prefix(byte[] input, int offset);

  /**
   * Computes SHA-256d of the prefix followed by the 16 bytes at {@code offset}.
   *
   * @param tail the bytes holding the last 16 message bytes
   * @param offset where they start
   * @param out destination
   * @param outOffset where the 32 digest bytes go
   * @throws IllegalStateException if no prefix was set
   * @throws IndexOutOfBoundsException if either range lies outside its array
   */
  void doubleHash80(byte[] tail, int offset, byte[] out, int outOffset);

  /**
   * The engine this hasher computes with.
   *
   * @return the engine
   */
  Sha256Engine engine();
}
