package org.computerwa.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the ComputeRWA SDK throws; unchecked, like all of its subtypes.
 *
 * <p>Catch this type to handle any SDK failure; catch a subtype to handle one kind:
 * {@link ValidationException} for input that breaks a rule, {@link VerificationException} for
 * evidence or proof that does not check out. Other modules add their own subtypes (for example
 * chain and RPC failures in {@code sdk-chain}), always below this root.
 *
 * <pre>{@code
 * try {
 *   TokenAmount amount = TokenAmount.parse("12.3456789", usdc);
 * } catch (ComputeRwaException e) {
 *   if (e.retryable()) { ... } else { ... }
 * }
 * }</pre>
 *
 * <p>Messages say what was wrong, show the offending value (never a key or secret) and how to fix it.
 *
 * @since 0.1.0
 */
public class ComputeRwaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the offending value
   */
  public ComputeRwaException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message what went wrong, naming the offending value
   * @param cause the underlying failure
   */
  public ComputeRwaException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same call unchanged may succeed (a timeout, a node that was briefly
   * unreachable). Bad input and failed verification are never retryable.
   *
   * @return {@code true} if the caller may retry the same call
   */
  public boolean retryable() {
    return false;
  }
}
