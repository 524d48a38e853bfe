package org.computerwa.mining.policy;

import org.computerwa.core.ComputeRwaException;

/**
 * A {@link LoadController} was used after {@link LoadController#close()}.
 *
 * <pre>{@code
 * controller.close();
 * controller.decide(view);   // throws ControllerClosedException
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ControllerClosedException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  ControllerClosedException(String operation) {
    super("load controller is closed: " + operation + " refused; build a new controller");
  }
}
