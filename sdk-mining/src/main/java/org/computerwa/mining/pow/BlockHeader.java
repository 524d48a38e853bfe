package org.computerwa.mining.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.sha256.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * An 80-byte Bitcoin block header, exactly as serialized on the wire: version, previous block
 * hash, Merkle root, time, nBits and nonce, integers little-endian.
 *
 * <pre>{@code
 * BlockHeader h = BlockHeader.parseHex("0100000000000000...1dac2b7c");
 * h.time();      // 1231006505
 * h.target();    // CompactTarget 1d00ffff
 * h.hash();      // BlockHash 000000000019d668...
 * }</pre>
 *
 * <p>Parsing checks only the length; proof of work is checked by {@link HeaderVerifier}.
 *
 * <p>A hand-written class, not a record (sdk-mining's value style, see its README): it caches
 * its hash, computed once on first {@link #hash()}, and a record can hold no field besides its
 * components; its fields are read straight from the 80 serialized bytes.
 *
 * @since 0.1.0
 */
public final class BlockHeader {
  /** The serialized size of a header. */
  public static final int SIZE = 80;

  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;
  private volatile @Nullable BlockHash hash;

  private BlockHeader(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Parses a serialized header.
   *
   * @param bytes exactly 80 bytes; copied
   * @return the header
   * @throws HeaderVerificationException with {@link RejectReason#BAD_LENGTH} if not 80 bytes
   */
  public static BlockHeader parse(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new HeaderVerificationException(
          RejectReason.BAD_LENGTH, "a header is 80 bytes, got " + bytes.length);
    }
    return new BlockHeader(bytes.clone());
  }

  /**
   * Parses the 80 bytes at {@code offset}.
   *
   * @param source bytes holding the header
   * @param offset where it starts
   * @return the header
   * @throws HeaderVerificationException with {@link RejectReason#BAD_LENGTH} if fewer than 80
   *     bytes remain
   */
  public static BlockHeader parse(byte[] source, int offset) {
    if (offset < 0 || source.length - offset < SIZE) {
      throw new HeaderVerificationException(
          RejectReason.BAD_LENGTH, "a header is 80 bytes, " + Math.max(0, source.length - offset) + " remain at offset " + offset);
    }
    return new BlockHeader(Arrays.copyOfRange(source, offset, offset + SIZE));
  }

  /**
   * Parses a header from 160 hex digits.
   *
   * @param hex the serialized header in hex
   * @return the header
   * @throws ValidationException if {@code hex} is not hex
   * @throws HeaderVerificationException with {@link RejectReason#BAD_LENGTH} if not 80 bytes
   */
  public static BlockHeader parseHex(String hex) {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("header_hex", hex, "must be hex digits (0-9, a-f), an even number of them", e);
    }
    return new BlockHeader(checkLength(bytes));
  }

  private static byte[] checkLength(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new HeaderVerificationException(RejectReason.BAD_LENGTH, "a header is 80 bytes, got " + bytes.length);
    }
    return bytes;
  }

  /**
   * Assembles a header from its fields.
   *
   * @param version the version field
   * @param prevBlockHash the parent's hash
   * @param merkleRoot the Merkle root, raw byte order (32 bytes)
   * @param time seconds since the epoch, an unsigned 32-bit value
   * @param bits the compact target
   * @param nonce the nonce
   * @return the header
   * @throws ValidationException if the Merkle root is not 32 bytes or time is out of range
   */
  public static BlockHeader of(int version, BlockHash prevBlockHash, byte[] merkleRoot, long time, int bits, int nonce) {
    if (merkleRoot.length != 32) {
      throw new ValidationException("merkleRoot", merkleRoot.length + " bytes", "must be 32 bytes");
    }
    if (time < 0 || time > 0xffffffffL) {
      throw new ValidationException("time", time, "must be an unsigned 32-bit value");
    }
    byte[] b = new byte[SIZE];
    INT_LE.set(b, 0, version);
    System.arraycopy(prevBlockHash.raw(), 0, b, 4, 32);
    System.arraycopy(merkleRoot, 0, b, 36, 32);
    INT_LE.set(b, 68, (int) time);
    INT_LE.set(b, 72, bits);
    INT_LE.set(b, 76, nonce);
    return new BlockHeader(b);
  }

  /**
   * The version field.
   *
   * @return the signed 32-bit version
   */
  public int version() {
    return (int) INT_LE.get(bytes, 0);
  }

  /**
   * The hash of the parent block.
   *
   * @return the previous-block hash
   */
  public BlockHash prevBlockHash() {
    return BlockHash.fromRaw(bytes, 4);
  }

  /**
   * The Merkle root of the block's transactions.
   *
   * @return 32 bytes, raw byte order (a copy)
   */
  public byte[] merkleRoot() {
    return Arrays.copyOfRange(bytes, 36, 68);
  }

  /**
   * The block time.
   *
   * @return seconds since the epoch (unsigned 32-bit)
   */
  public long time() {
    return timeAt(bytes, 0);
  }

  /**
   * The compact target field.
   *
   * @return nBits
   */
  public int bits() {
    return bitsAt(bytes, 0);
  }

  /**
   * The decoded target of {@link #bits()}.
   *
   * @return the target this header claims
   */
  public CompactTarget target() {
    return CompactTarget.of(bits());
  }

  /**
   * The nonce field.
   *
   * @return the nonce as a signed 32-bit value
   */
  public int nonce() {
    return (int) INT_LE.get(bytes, 76);
  }

  /**
   * The serialized header.
   *
   * @return 80 bytes (a copy)
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * The serialized header in hex.
   *
   * @return 160 lowercase hex digits
   */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /**
   * The block hash, SHA-256d of the 80 bytes (computed once, with the SDK's own SHA-256).
   *
   * @return the hash
   */
  public BlockHash hash() {
    BlockHash h = hash;
    if (h == null) {
      h = BlockHash.fromRaw(Sha256.doubleHash(bytes));
      hash = h;
    }
    return h;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  static long timeAt(byte[] b, int headerOffset) {
    return Integer.toUnsignedLong((int) INT_LE.get(b, headerOffset + 68));
  }

  static int versionAt(byte[] b, int headerOffset) {
    return (int) INT_LE.get(b, headerOffset);
  }

  static int bitsAt(byte[] b, int headerOffset) {
    return (int) INT_LE.get(b, headerOffset + 72);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BlockHeader && Arrays.equals(bytes, ((BlockHeader) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BlockHeader{" + hash() + "}";
  }
}
