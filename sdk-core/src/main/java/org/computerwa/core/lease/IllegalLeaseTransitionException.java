package org.computerwa.core.lease;

import java.util.TreeSet;
import org.computerwa.core.ValidationException;

/**
 * A lease was asked to move between states that its state machine does not connect.
 *
 * <pre>{@code
 * try {
 *   LeaseStatus.EXPIRED.transitionTo(LeaseStatus.ACTIVE);
 * } catch (IllegalLeaseTransitionException e) {
 *   e.from(); // EXPIRED
 *   e.to();   // ACTIVE
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class IllegalLeaseTransitionException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The state the lease was in. */
  private final LeaseStatus from;
  /** The state that was refused. */
  private final LeaseStatus to;

  /**
   * Creates the exception.
   *
   * @param from the current state
   * @param to the refused next state
   */
  public IllegalLeaseTransitionException(LeaseStatus from, LeaseStatus to) {
    super("status", from + " -> " + to, from.isFinal()
        ? "must not change: " + from + " is final"
        : "may only move from " + from + " to " + new TreeSet<>(from.successors()));
    this.from = from;
    this.to = to;
  }

  /**
   * The state the lease was in.
   *
   * @return the current state
   */
  public LeaseStatus from() {
    return from;
  }

  /**
   * The state that was refused.
   *
   * @return the proposed state
   */
  public LeaseStatus to() {
    return to;
  }
}
