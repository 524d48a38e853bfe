package org.computerwa.mining.policy;

import org.computerwa.core.ComputeRwaException;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Actuator} did not confirm a decision. The controller did not commit it: its setpoint,
 * dwell count and next expected interval are as before the call, and the decision was not
 * audited as applied, so the caller may retry the same interval.
 *
 * <pre>{@code
 * try {
 *   controller.decide(view);
 * } catch (ActuationException e) {
 *   e.decision();   // what was to be applied
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ActuationException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  /** The decision that was not confirmed; not serialised with the exception. */
  private final transient @Nullable Decision decision;

  ActuationException(Decision decision, int actuator, Throwable cause) {
    super("actuator " + actuator + " did not confirm the decision for " + decision.intervalStart() + ": "
        + cause.getMessage() + "; nothing was committed", cause);
    this.decision = decision;
  }

  /**
   * The decision the actuators were asked to apply.
   *
   * @return the decision, or {@code null} after deserialisation
   */
  public @Nullable Decision decision() {
    return decision;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
