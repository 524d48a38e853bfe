package org.computerwa.mining.pow;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rejected header in a chain: where it is, which rule it broke and why.
 *
 * <pre>{@code
 * for (HeaderFailure f : result.failures()) {
 *   log.warn("{} at height {}: {}", f.reason(), f.height(), f.message());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HeaderFailure {
  private final int index;
  private final long height;
  private final RejectReason reason;
  private final String message;

  HeaderFailure(int index, long height, RejectReason reason, String message) {
    this.index = index;
    this.height = height;
    this.reason = reason;
    this.message = message;
  }

  /**
   * Zero-based position of the header in the verified sequence.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Height of the header.
   *
   * @return the height
   */
  public long height() {
    return height;
  }

  /**
   * The broken rule.
   *
   * @return the reason
   */
  public RejectReason reason() {
    return reason;
  }

  /**
   * A sentence naming the offending value.
   *
   * @return the explanation
   */
  public String message() {
    return message;
  }

  /**
   * This failure as an exception.
   *
   * @return a new exception carrying reason, index and height
   */
  public HeaderVerificationException toException() {
    return new HeaderVerificationException(reason, index, height, message);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof HeaderFailure)) {
      return false;
    }
    HeaderFailure f = (HeaderFailure) o;
    return index == f.index && height == f.height && reason == f.reason && message.equals(f.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, height, reason, message);
  }

  @Override
  public String toString() {
    return reason + " at index " + index + " (height " + height + "): " + message;
  }
}
