package org.computerwa.core;

import java.util.Objects;

/**
 * Evidence, a signature, a proof or a proof of work did not check out.
 *
 * <p>The {@link #reason()} is a stable, machine-readable code (such as {@code "HIGH_HASH"} or
 * {@code "BAD_SIGNATURE"}); modules define their own typed reason enums and expose them through
 * subclasses. Never retryable: the same evidence fails the same way.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(header);
 * } catch (VerificationException e) {
 *   log.warn("rejected: {} ({})", e.reason(), e.getMessage());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class VerificationException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  /** The stable code of the failed check. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param reason a stable upper-case code for what failed
   * @param message a sentence that explains it, naming the offending value
   */
  public VerificationException(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The stable code of the failed check.
   *
   * @return the reason code, such as {@code "HIGH_HASH"}
   */
  public String reason() {
    return reason;
  }
}
