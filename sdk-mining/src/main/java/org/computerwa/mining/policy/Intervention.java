package org.computerwa.mining.policy;

/**
 * Why the safety envelope changed a policy's proposal.
 *
 * <pre>{@code
 * if (decision.interventions().contains(Intervention.DWELL)) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Intervention {
  /** The proposal asked for more mining than the pool or the capacity allows. */
  CAPACITY,
  /** Committed leases left less room than the proposal (or the current setpoint) needed. */
  LEASE,
  /** The proposal fell between 0 and the pool's minimum; mining was set to 0 or the minimum. */
  MINIMUM,
  /** A switch was asked for before the minimum dwell was served; the setpoint was held. */
  DWELL,
  /** The proposal moved the setpoint further than the ramp limit; the move was shortened. */
  RAMP,
  /** The proposal asked for more AI spot power than the GPU pool or the capacity left allows. */
  SPOT,
  /** The policy missed its deadline; the conservative fallback was used. */
  DEADLINE,
  /** The policy failed; the conservative fallback was used. */
  POLICY_ERROR
}
