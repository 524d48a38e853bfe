package org.computerwa.core.internal;

/** Lower-case hexadecimal rendering of bytes. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Renders bytes as lower-case hex without prefix.
   *
   * @param bytes the bytes
   * @return two hex digits per byte
   */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Renders bytes as {@code 0x}-prefixed lower-case hex.
   *
   * @param bytes the bytes
   * @return {@code 0x} followed by two hex digits per byte
   */
  public static String prefixed(byte[] bytes) {
    return "0x" + encode(bytes);
  }
}
