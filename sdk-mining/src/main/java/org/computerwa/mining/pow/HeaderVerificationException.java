package org.computerwa.mining.pow;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.computerwa.core.VerificationException;

/**
 * A block header, or a header in a chain, broke a consensus rule; carries the typed
 * {@link RejectReason} and, when known, the header's index in its input and its height.
 *
 * <pre>{@code
 * try {
 *   chainVerifier.verify(firstHeight, headers).orThrow();
 * } catch (HeaderVerificationException e) {
 *   e.rejectReason();   // RejectReason.BAD_DIFFICULTY
 *   e.index();          // OptionalInt[17]
 *   e.height();         // OptionalLong[554400]
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HeaderVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final RejectReason rejectReason;
  private final int index;
  private final long height;

  HeaderVerificationException(RejectReason reason, int index, long height, String detail) {
    super(reason.name(), describe(reason, index, height, detail));
    this.rejectReason = reason;
    this.index = index;
    this.height = height;
  }

  HeaderVerificationException(RejectReason reason, String detail) {
    this(reason, -1, -1, detail);
  }

  /**
   * The rule that failed.
   *
   * @return the reason
   */
  public RejectReason rejectReason() {
    return rejectReason;
  }

  /**
   * The position of the offending header in the input, when it came from a sequence.
   *
   * @return the zero-based index, or empty for a single header
   */
  public OptionalInt index() {
    return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /**
   * The height of the offending header, when known.
   *
   * @return the height, or empty
   */
  public OptionalLong height() {
    return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
  }

  private static String describe(RejectReason reason, int index, long height, String detail) {
    StringBuilder sb = new StringBuilder(reason.name());
    if (index >= 0) {
      sb.append(" at index ").append(index);
    }
    if (height >= 0) {
      sb.append(" (height ").append(height).append(')');
    }
    return sb.append(": ").append(detail).toString();
  }
}
