package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A 32-byte block hash (the SHA-256d of a header), kept in raw digest byte order and shown in
 * display order, the reverse, as block explorers and Bitcoin Core print it.
 *
 * <pre>{@code
 * BlockHash genesis = BlockHash.fromDisplayHex(
 *     "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
 * genesis.toString();       // the same display-order hex
 * genesis.toBigInteger();   // the hash as the 256-bit number compared against targets
 * }</pre>
 *
 * <p>A hand-written class, not a record (sdk-mining's value style, see its README): the verifiers
 * make one per checked header or share from a slice of their own buffer, copied once; a record's
 * public canonical constructor must copy it again to stay immutable, and a record version was
 * measured slower on {@link BlockHeader#prevBlockHash()} and
 * {@link HeaderVerifier#verify(BlockHeader)}.
 *
 * @since 0.1.0
 */
public final class BlockHash {
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] raw;

  private BlockHash(byte[] raw) {
    this.raw = raw;
  }

  /**
   * Wraps a hash given in raw digest byte order (the order SHA-256d produces and headers store).
   *
   * @param raw 32 bytes; copied
   * @return the hash
   * @throws ValidationException if {@code raw} is not 32 bytes long
   */
  public static BlockHash fromRaw(byte[] raw) {
    if (raw.length != 32) {
      throw new ValidationException("hash", raw.length + " bytes", "must be 32 bytes");
    }
    return new BlockHash(raw.clone());
  }

  static BlockHash fromRaw(byte[] source, int offset) {
    return new BlockHash(Arrays.copyOfRange(source, offset, offset + 32));
  }

  /**
   * Parses a hash in display order (64 hex digits, most significant byte first).
   *
   * @param hex 64 hex digits
   * @return the hash
   * @throws ValidationException if {@code hex} is not 64 hex digits
   */
  public static BlockHash fromDisplayHex(String hex) {
    if (hex.length() != 64) {
      throw new ValidationException("hash", hex, "must be 64 hex digits");
    }
    byte[] bytes;
    try {
      bytes = HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("hash", hex, "must be 64 hex digits", e);
    }
    return new BlockHash(reverse(bytes));
  }

  /**
   * The hash in raw digest byte order.
   *
   * @return a copy of the 32 bytes
   */
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * The hash as an unsigned 256-bit number (raw bytes read little-endian), the value that must
   * not exceed the target.
   *
   * @return a non-negative number below 2^256
   */
  public BigInteger toBigInteger() {
    return new BigInteger(1, reverse(raw));
  }

  /**
   * The hash in display order, lowercase hex.
   *
   * @return 64 hex digits
   */
  @Override
  public String toString() {
    return HEX.formatHex(reverse(raw));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BlockHash && Arrays.equals(raw, ((BlockHash) o).raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  boolean equalsRaw(byte[] bytes, int offset) {
    return Arrays.equals(raw, 0, 32, bytes, offset, offset + 32);
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
