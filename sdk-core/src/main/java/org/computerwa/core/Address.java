package org.computerwa.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.computerwa.core.internal.Keccak256;
import org.jspecify.annotations.Nullable;

/**
 * A 20-byte account or contract address, validated against its EIP-55 checksum.
 *
 * <pre>{@code
 * Address usdc = Address.of("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
 * usdc.toString();   // "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" (checksummed)
 * usdc.toLowerHex(); // "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
 * }</pre>
 *
 * <p>Input may be all lower case or all upper case (no checksum to verify) or mixed case, in which
 * case it must match its EIP-55 checksum exactly; a mixed-case address with a wrong checksum is
 * almost always a typo and is rejected. In JSON an address is its checksummed string.
 *
 * @since 0.1.0
 */
public final class Address implements Comparable<Address> {
  private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private final String lowerHex;
  private final String checksummed;

  private Address(String lowerHex) {
    this.lowerHex = lowerHex;
    this.checksummed = checksum(lowerHex);
  }

  /**
   * Parses an address.
   *
   * @param text {@code 0x} followed by 40 hex digits, all lower, all upper or EIP-55 mixed case
   * @return the address
   * @throws ValidationException (field {@code address}) if the text is not a well-formed address
   *     or its mixed case does not match the EIP-55 checksum
   */
  public static Address of(@Nullable String text) {
    if (text == null) {
      throw new ValidationException("address", null, "is required");
    }
    if (!HEX_ADDRESS.matcher(text).matches()) {
      throw new ValidationException(
          "address", text, "must be 0x followed by 40 hexadecimal digits");
    }
    String digits = text.substring(2);
    Address address = new Address("0x" + digits.toLowerCase(Locale.ROOT));
    boolean mixedCase =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.checksummed.equals(text)) {
      throw new ValidationException(
          "address",
          text,
          "must match its EIP-55 checksum (" + address.checksummed + ") or be written in one case");
    }
    return address;
  }

  /**
   * Whether this is {@code 0x0000000000000000000000000000000000000000}, which models reject as an
   * owner, lessor, lessee or token.
   *
   * @return {@code true} for the zero address
   */
  public boolean isZero() {
    return lowerHex.equals("0x0000000000000000000000000000000000000000");
  }

  /**
   * The address as {@code 0x} and 40 lower-case hex digits.
   *
   * @return the lower-case form
   */
  public String toLowerHex() {
    return lowerHex;
  }

  /**
   * The address in its EIP-55 checksummed form, as written to JSON.
   *
   * @return the checksummed form
   */
  @Override
  public String toString() {
    return checksummed;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Address && ((Address) other).lowerHex.equals(lowerHex);
  }

  @Override
  public int hashCode() {
    return lowerHex.hashCode();
  }

  /** Orders addresses by their numeric value. */
  @Override
  public int compareTo(Address other) {
    return lowerHex.compareTo(other.lowerHex);
  }

  private static String checksum(String lowerHex) {
    String digits = lowerHex.substring(2);
    byte[] hash = Keccak256.hash(digits.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}
