package org.computerwa.mining.pow;

import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * One rejected header in a chain: where it is, which rule it broke and why.
 *
 * <pre>{@code
 * for (HeaderFailure f : result.failures()) {
 *   log.warn("{} at height {}: {}", f.reason(), f.height(), f.message());
 * }
 * }</pre>
 *
 * @param index zero-based position of the header in the verified sequence, {@code >= 0}
 * @param height height of the header, {@code >= 0}
 * @param reason the broken rule
 * @param message a sentence naming the offending value
 * @since 0.1.0
 */
public record HeaderFailure(int index, long height, RejectReason reason, String message) {
  /**
   * Validates the failure.
   *
   * @throws ValidationException if {@code index} or {@code height} is negative
   * @throws NullPointerException if {@code reason} or {@code message} is null
   */
  public HeaderFailure {
    if (index < 0) {
      throw new ValidationException("headerFailure.index", index, "must be >= 0");
    }
    if (height < 0) {
      throw new ValidationException("headerFailure.height", height, "must be >= 0");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /**
   * This failure as an exception.
   *
   * @return a new exception carrying reason, index and height
   */
  public HeaderVerificationException toException() {
    return new HeaderVerificationException(reason, index, height, message);
  }

  /**
   * The failure as a log line.
   *
   * @return for example {@code "BAD_POW at index 3 (height 170): ..."}
   */
  @Override
  public String toString() {
    return reason + " at index " + index + " (height " + height + "): " + message;
  }
}
