package org.computerwa.mining.sha256;

/**
 * SHA-256 (FIPS 180-4) and SHA-256d, Bitcoin's double hash, computed by the SDK's own pure-Java
 * implementation.
 *
 * <pre>{@code
 * byte[] digest = Sha256.hash("abc".getBytes(StandardCharsets.US_ASCII));
 * byte[] blockHash = Sha256.doubleHash(header80);   // raw digest byte order
 * Sha256Hasher hasher = Sha256.newHasher();          // streaming
 * }</pre>
 *
 * <p>Digests are returned in raw digest byte order; Bitcoin displays block hashes with the 32
 * bytes reversed. For the fastest header hashing on the running JVM use
 * {@link Sha256Engine#fastest()}.
 *
 * @since 0.1.0
 */
public final class Sha256 {
  /** Length of a SHA-256 digest in bytes. */
  public static final int DIGEST_LENGTH = 32;

  private Sha256() {}

  /**
   * Creates a streaming hasher.
   *
   * @return a new hasher, in its initial state
   */
  public static Sha256Hasher newHasher() {
    return new Sha256Hasher();
  }

  /**
   * SHA-256 of all of {@code message}.
   *
   * @param message the bytes to hash
   * @return the 32-byte digest
   */
  public static byte[] hash(byte[] message) {
    return hash(message, 0, message.length);
  }

  /**
   * SHA-256 of {@code len} bytes of {@code message} from {@code off}.
   *
   * @param message the bytes
   * @param off first byte
   * @param len number of bytes
   * @return the 32-byte digest
   * @throws IndexOutOfBoundsException if the range lies outside {@code message}
   */
  public static byte[] hash(byte[] message, int off, int len) {
    return new Sha256Hasher().update(message, off, len).digest();
  }

  /**
   * SHA-256d: SHA-256 of the SHA-256 of all of {@code message}.
   *
   * @param message the bytes to hash
   * @return the 32-byte digest, raw byte order
   */
  public static byte[] doubleHash(byte[] message) {
    return doubleHash(message, 0, message.length);
  }

  /**
   * SHA-256d of {@code len} bytes of {@code message} from {@code off}.
   *
   * @param message the bytes
   * @param off first byte
   * @param len number of bytes
   * @return the 32-byte digest, raw byte order
   * @throws IndexOutOfBoundsException if the range lies outside {@code message}
   */
  public static byte[] doubleHash(byte[] message, int off, int len) {
    Sha256Hasher hasher = new Sha256Hasher();
    byte[] first = hasher.update(message, off, len).digest();
    return hasher.update(first).digest();
  }
}
