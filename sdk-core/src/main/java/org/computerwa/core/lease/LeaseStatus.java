package org.computerwa.core.lease;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a lease, with the transitions it allows.
 *
 * <pre>{@code
 * LeaseStatus status = LeaseStatus.OFFERED;
 * status = status.transitionTo(LeaseStatus.ACTIVE);     // accepted
 * status = status.transitionTo(LeaseStatus.OFFERED);    // throws IllegalLeaseTransitionException
 * }</pre>
 *
 * <p>Allowed: {@code OFFERED -> ACTIVE} (accepted and funded), {@code OFFERED -> TERMINATED}
 * (withdrawn or declined), {@code ACTIVE -> EXPIRED} (reached its end), {@code ACTIVE ->
 * TERMINATED} (ended early by agreement), {@code ACTIVE -> DEFAULTED} (escrow ran dry). EXPIRED,
 * TERMINATED and DEFAULTED are final. No state transitions to itself.
 *
 * @since 0.1.0
 */
public enum LeaseStatus {
  /** Offered by the lessor, not yet accepted. */
  OFFERED,
  /** Accepted and running. */
  ACTIVE,
  /** Ran to its end. Final. */
  EXPIRED,
  /** Withdrawn before acceptance or ended early. Final. */
  TERMINATED,
  /** The lessee failed to keep the escrow funded. Final. */
  DEFAULTED;

  /**
   * The states this one may move to.
   *
   * @return an unmodifiable set, empty for final states
   */
  public Set<LeaseStatus> successors() {
    switch (this) {
      case OFFERED:
        return Set.copyOf(EnumSet.of(ACTIVE, TERMINATED));
      case ACTIVE:
        return Set.copyOf(EnumSet.of(EXPIRED, TERMINATED, DEFAULTED));
      default:
        return Set.of();
    }
  }

  /**
   * Whether no transition leaves this state.
   *
   * @return {@code true} for EXPIRED, TERMINATED and DEFAULTED
   */
  public boolean isFinal() {
    return successors().isEmpty();
  }

  /**
   * Whether this state may move to {@code next}.
   *
   * @param next the proposed state
   * @return {@code true} if the transition is allowed
   */
  public boolean canTransitionTo(LeaseStatus next) {
    return successors().contains(next);
  }

  /**
   * Moves to {@code next}, or refuses.
   *
   * @param next the proposed state
   * @return {@code next}
   * @throws IllegalLeaseTransitionException if the transition is not allowed
   */
  public LeaseStatus transitionTo(LeaseStatus next) {
    if (!canTransitionTo(next)) {
      throw new IllegalLeaseTransitionException(this, next);
    }
    return next;
  }
}
