package org.computerwa.chain.devchain;

import org.computerwa.core.ComputeRwaException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@link DevChain} cannot be started: no anvil binary, the process died, or it did
 * not answer JSON-RPC in time.
 *
 * <pre>{@code
 * try (DevChain chain = DevChain.builder().anvilBinary(Path.of("/opt/anvil")).build()) {
 *   ...
 * } catch (DevChainException e) {
 *   // e.getMessage() says what was tried and how to fix it
 * }
 * }</pre>
 */
public final class DevChainException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  /** Whether a retry may help. */
  private final boolean retryable;

  DevChainException(String message, boolean retryable, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * True when trying again may succeed (a port race or a slow start), false when the setup is
   * wrong (no binary).
   *
   * @return whether a retry may help
   */
  @Override
  public boolean retryable() {
    return retryable;
  }
}
