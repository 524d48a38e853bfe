package org.computerwa.core.crypto;

import java.util.Objects;
import org.computerwa.core.VerificationException;

/**
 * A signed message was refused, for a typed {@link SignedMessageRejection}.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(permit, signatureBytes, now);
 * } catch (RejectedSignatureException e) {
 *   e.rejection();   // STALE_NONCE
 *   e.reason();      // "STALE_NONCE"
 * }
 * }</pre>
 *
 * <p>Nothing is recorded when this is thrown: the verifier's state is as before the call.
 *
 * @since 0.1.0
 */
public final class RejectedSignatureException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** The typed reason. */
  private final SignedMessageRejection rejection;

  /**
   * Creates the exception.
   *
   * @param rejection the typed reason
   * @param message a sentence naming the offending value
   */
  public RejectedSignatureException(SignedMessageRejection rejection, String message) {
    super(rejection.name(), message);
    this.rejection = Objects.requireNonNull(rejection, "rejection");
  }

  /**
   * The typed reason; {@link #reason()} is its name.
   *
   * @return the rejection
   */
  public SignedMessageRejection rejection() {
    return rejection;
  }
}
