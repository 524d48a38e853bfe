package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One decided interval: the policy that proposed, what it proposed, what the envelope applied and
 * why they differ.
 *
 * <pre>{@code
 * Decision d = controller.decide(marketView);
 * d.applied().miningMw();
 * d.interventions();   // e.g. [DWELL]
 * d.switched();        // true if the mining setpoint changed
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Decision {
  private final int index;
  private final Instant intervalStart;
  private final Instant decidedAt;
  private final String policyName;
  private final double fromMiningMw;
  private final Allocation proposed;
  private final Allocation applied;
  private final Set<Intervention> interventions;
  private final boolean switched;

  Decision(int index, Instant intervalStart, Instant decidedAt, String policyName, double fromMiningMw,
      Allocation proposed, Allocation applied, EnumSet<Intervention> interventions, boolean switched) {
    this.fromMiningMw = fromMiningMw;
    this.index = index;
    this.intervalStart = intervalStart;
    this.decidedAt = decidedAt;
    this.policyName = policyName;
    this.proposed = proposed;
    this.applied = applied;
    this.interventions = Collections.unmodifiableSet(interventions);
    this.switched = switched;
  }

  /**
   * Sequence number of the decision at its controller: 0 for the first interval decided, then one
   * more per committed decision (in a replay from the first interval, the series index).
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Start of the decided interval.
   *
   * @return the instant
   */
  public Instant intervalStart() {
    return intervalStart;
  }

  /**
   * When the controller decided, by its clock.
   *
   * @return the instant
   */
  public Instant decidedAt() {
    return decidedAt;
  }

  /**
   * Name of the policy that made the proposal (the one in force when the decision started).
   *
   * @return the name
   */
  public String policyName() {
    return policyName;
  }

  /**
   * Mining setpoint of the previous interval: where a switch came from.
   *
   * @return MW
   */
  public double fromMiningMw() {
    return fromMiningMw;
  }

  /**
   * Why the applied allocation is what it is, in words: the proposing policy (or the fallback) and
   * each envelope intervention.
   *
   * @return a one-line explanation
   */
  public String reason() {
    StringBuilder b = new StringBuilder();
    b.append(fallback() ? "fallback (hold setpoint) replaced " : "proposed by ").append(policyName);
    if (switched) {
      b.append("; mining ").append(fromMiningMw).append(" -> ").append(applied.miningMw()).append(" MW");
    }
    for (Intervention i : interventions) {
      b.append("; envelope: ").append(i.name().toLowerCase(java.util.Locale.ROOT));
    }
    return b.toString();
  }

  /**
   * The policy's proposal (or the fallback's, after a missed deadline or a failure).
   *
   * @return the proposal
   */
  public Allocation proposed() {
    return proposed;
  }

  /**
   * What the envelope applied.
   *
   * @return the allocation
   */
  public Allocation applied() {
    return applied;
  }

  /**
   * Why the applied allocation differs from the proposal; empty if it does not.
   *
   * @return an unmodifiable set
   */
  public Set<Intervention> interventions() {
    return interventions;
  }

  /**
   * Whether the mining setpoint changed in this interval (a switch, which costs the site's
   * switching cost).
   *
   * @return {@code true} for a switch
   */
  public boolean switched() {
    return switched;
  }

  /**
   * Whether the conservative fallback replaced the policy.
   *
   * @return {@code true} after a missed deadline or a policy failure
   */
  public boolean fallback() {
    return interventions.contains(Intervention.DEADLINE) || interventions.contains(Intervention.POLICY_ERROR);
  }

  @Override
  public String toString() {
    return "Decision[#" + index + " " + intervalStart + ": " + applied + " (" + reason() + ")]";
  }
}
