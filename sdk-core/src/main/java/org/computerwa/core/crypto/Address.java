package org.computerwa.core.crypto;

import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.ValidationException;

/**
 * A 20-byte Ethereum account address.
 *
 * <pre>{@code
 * Address a = Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
 * a.toChecksumHex();   // EIP-55 mixed case
 * }</pre>
 *
 * <p>Mixed-case input must carry a valid EIP-55 checksum; all-lower or all-upper input is taken
 * as is.
 *
 * <p>A final class, not a record (the SDK's value style): it wraps a byte array, so a record would
 * still hand-write equality, hash code, order and text over the content, and would add a public
 * constructor and a {@code bytes()} accessor beside {@link #of(byte[])} and {@link #toBytes()}.
 * Equality, hash code and order are over the 20 bytes.
 *
 * @since 0.1.0
 */
public final class Address implements Comparable<Address> {
  /** The zero address. */
  public static final Address ZERO = new Address(new byte[20]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 20 bytes.
   *
   * @param bytes exactly 20 bytes
   * @return the address
   * @throws ValidationException if the length is not 20
   */
  public static Address of(byte[] bytes) {
    if (bytes.length != 20) {
      throw new ValidationException("address", bytes.length + " bytes", "must be exactly 20 bytes long");
    }
    return new Address(bytes.clone());
  }

  /**
   * Parses 40 hex digits with a {@code 0x} prefix, checking the EIP-55 checksum of mixed-case input.
   *
   * @param hex the address text
   * @return the address
   * @throws ValidationException if the text is malformed or the checksum is wrong
   */
  public static Address fromHex(String hex) {
    if (!(hex.startsWith("0x") || hex.startsWith("0X")) || hex.length() != 42) {
      throw new ValidationException("address", hex, "must be 0x followed by 40 hex digits");
    }
    String digits = hex.substring(2);
    byte[] raw;
    try {
      raw = Hex.decodeStrict(digits);
    } catch (DecoderException e) {
      throw new ValidationException("address", hex, "must contain only hex digits", e);
    }
    Address address = new Address(raw);
    boolean mixed = !digits.equals(digits.toLowerCase(Locale.ROOT))
        && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixed && !address.toChecksumHex().substring(2).equals(digits)) {
      throw new ValidationException("address", hex, "must carry a valid EIP-55 checksum (mixed case)");
    }
    return address;
  }

  /**
   * The address of an uncompressed secp256k1 public key: the last 20 bytes of the Keccak-256 of
   * its 64-byte {@code x || y} encoding.
   *
   * @param publicKeyXy the 64-byte public key without the {@code 0x04} prefix
   * @return the address
   */
  static Address ofPublicKey(byte[] publicKeyXy) {
    byte[] hash = Keccak256.hash(publicKeyXy).raw();
    return new Address(Arrays.copyOfRange(hash, 12, 32));
  }

  /**
   * A copy of the 20 bytes.
   *
   * @return a new array of length 20
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * The address as a left-padded ABI word, as {@code abi.encode(address)} writes it.
   *
   * @return the 32-byte word
   */
  public Bytes32 toWord() {
    byte[] word = new byte[32];
    System.arraycopy(bytes, 0, word, 12, 20);
    return Bytes32.of(word);
  }

  /**
   * Lower-case hex with a {@code 0x} prefix.
   *
   * @return 42 characters
   */
  public String toHex() {
    return "0x" + Hex.toHexString(bytes);
  }

  /**
   * Mixed-case hex with the EIP-55 checksum.
   *
   * @return 42 characters
   */
  public String toChecksumHex() {
    String lower = Hex.toHexString(bytes);
    String hash = Hex.toHexString(Keccak256.hashUtf8(lower).raw());
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address && Arrays.equals(bytes, ((Address) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
