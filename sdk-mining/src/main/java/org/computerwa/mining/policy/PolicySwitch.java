package org.computerwa.mining.policy;

import java.time.Instant;

/**
 * An audit record of a policy swap: when, from which policy, to which, and why.
 *
 * <pre>{@code
 * PolicySwitch s = controller.swapPolicy(LoadPolicies.alwaysMine(), "storm watch lifted");
 * s.from(); s.to(); s.reason();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PolicySwitch {
  private final Instant at;
  private final String from;
  private final String to;
  private final String reason;
  private final long version;

  PolicySwitch(Instant at, String from, String to, String reason, long version) {
    this.at = at;
    this.from = from;
    this.to = to;
    this.reason = reason;
    this.version = version;
  }

  /**
   * When the swap took effect, by the controller's clock.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * Name of the policy replaced.
   *
   * @return the name
   */
  public String from() {
    return from;
  }

  /**
   * Name of the new policy.
   *
   * @return the name
   */
  public String to() {
    return to;
  }

  /**
   * Why the operator swapped.
   *
   * @return the reason given
   */
  public String reason() {
    return reason;
  }

  /**
   * Sequence number of the swap on its controller, from 1.
   *
   * @return the version now in force
   */
  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "PolicySwitch[" + at + " " + from + " -> " + to + " (" + reason + ")]";
  }
}
