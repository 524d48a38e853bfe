package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.ValidationException;

/**
 * An immutable 32-byte value: a hash, a Merkle node or a Solidity {@code bytes32}.
 *
 * <pre>{@code
 * Bytes32 root = Bytes32.fromHex("0x6deb52b5da8fd108f79fab00341f38d2587896634c646ee52e49f845680a70c8");
 * root.toHex();   // "0x6deb52..."
 * }</pre>
 *
 * <p>Ordered as unsigned big-endian numbers, the order OpenZeppelin uses to sort Merkle pairs.
 *
 * <p>A final class, not a record (the SDK's value style): every hash the SDK computes (Keccak-256
 * digests, Merkle nodes, EIP-712 digests) is wrapped without a copy by this package, and its
 * hashing code reads the bytes without a copy; a record's public canonical constructor would
 * copy each of them once more. Equality, hash code and order are over the 32 bytes.
 *
 * @since 0.1.0
 */
public final class Bytes32 implements Comparable<Bytes32> {
  /** The all-zero value. */
  public static final Bytes32 ZERO = new Bytes32(new byte[32]);

  private final byte[] bytes;

  private Bytes32(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 32 bytes.
   *
   * @param bytes exactly 32 bytes
   * @return the value
   * @throws ValidationException if the length is not 32
   */
  public static Bytes32 of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new ValidationException("bytes", bytes.length + " bytes", "must be exactly 32 bytes long");
    }
    return new Bytes32(bytes.clone());
  }

  /**
   * Parses 64 hex digits, with or without a {@code 0x} prefix.
   *
   * @param hex the hex text
   * @return the value
   * @throws ValidationException if the text is not 32 bytes of hex
   */
  public static Bytes32 fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 64) {
      throw new ValidationException("hex", hex, "must be 64 hex digits (32 bytes)");
    }
    try {
      return new Bytes32(Hex.decodeStrict(digits));
    } catch (DecoderException e) {
      throw new ValidationException("hex", hex, "must contain only hex digits", e);
    }
  }

  /**
   * The unsigned big-endian 256-bit encoding of a number ({@code uint256}).
   *
   * @param value a number in {@code [0, 2^256)}
   * @return the 32-byte word
   * @throws ValidationException if the value is negative or too large
   */
  public static Bytes32 fromUint(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new ValidationException("value", value, "must be in [0, 2^256)");
    }
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return new Bytes32(out);
  }

  /**
   * A copy of the 32 bytes.
   *
   * @return a new array of length 32
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * The bytes read as an unsigned big-endian number.
   *
   * @return a number in {@code [0, 2^256)}
   */
  public BigInteger toUint() {
    return new BigInteger(1, bytes);
  }

  /**
   * Lower-case hex with a {@code 0x} prefix.
   *
   * @return 66 characters
   */
  public String toHex() {
    return "0x" + Hex.toHexString(bytes);
  }

  byte[] raw() {
    return bytes;
  }

  /** Wraps an array this package just created and will not change (no copy). */
  static Bytes32 wrap(byte[] bytes) {
    return new Bytes32(bytes);
  }

  @Override
  public int compareTo(Bytes32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 && Arrays.equals(bytes, ((Bytes32) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
