package org.computerwa.mining.sha256;

/**
 * A reusable SHA-256d hasher for 80-byte block headers, bound to one {@link Sha256Engine}.
 *
 * <pre>{@code
 * HeaderHasher hasher = Sha256Engine.fastest().newHeaderHasher();
 * byte[] hash = new byte[32];
 * hasher.doubleHash80(headers, 80 * i, hash, 0);   // raw digest byte order
 * }</pre>
 *
 * <p>Not thread-safe (it keeps scratch state to avoid allocating per hash); create one per thread.
 *
 * @since 0.1.0
 */
public interface HeaderHasher {

  /**
   * Computes SHA-256d of the 80 bytes at {@code offset} and writes the 32-byte digest.
   *
   * @param input the bytes holding the header
   * @param offset where the 80-byte header starts
   * @param out destination
   * @param outOffset where the 32 digest bytes go
   * @throws IndexOutOfBoundsException if either range lies outside its array
   */
  void doubleHash80(byte[] input, int offset, byte[] out, int outOffset);

  /**
   * The engine this hasher computes with.
   *
   * @return the engine
   */
  Sha256Engine engine();
}
