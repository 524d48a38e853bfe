package org.computerwa.mining.pow;

import java.util.OptionalLong;
import org.computerwa.core.ValidationException;

/**
 * One item of a header list that may have gaps: serialized bytes (of any length; a wrong length
 * is reported, not thrown) and, when known, the height.
 *
 * <pre>{@code
 * List<HeaderEntry> rows = List.of(
 *     HeaderEntry.of(554399, bytes1),
 *     HeaderEntry.of(554400, bytes2),
 *     HeaderEntry.withoutHeight(bytes3));
 * List<HeaderCheck> checks = chainVerifier.checkEach(rows);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HeaderEntry {
  private final long height;
  private final byte[] bytes;

  private HeaderEntry(long height, byte[] bytes) {
    this.height = height;
    this.bytes = bytes;
  }

  /**
   * An entry with a known height.
   *
   * @param height the block height, at least 0
   * @param bytes the serialized header; copied
   * @return the entry
   * @throws ValidationException if {@code height} is negative
   */
  public static HeaderEntry of(long height, byte[] bytes) {
    if (height < 0) {
      throw new ValidationException("height", height, "must be >= 0");
    }
    return new HeaderEntry(height, bytes.clone());
  }

  /**
   * An entry whose height is not known.
   *
   * @param bytes the serialized header; copied
   * @return the entry
   */
  public static HeaderEntry withoutHeight(byte[] bytes) {
    return new HeaderEntry(-1, bytes.clone());
  }

  /**
   * The height, if known.
   *
   * @return the height or empty
   */
  public OptionalLong height() {
    return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
  }

  long rawHeight() {
    return height;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }
}
