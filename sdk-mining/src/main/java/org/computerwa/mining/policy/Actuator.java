package org.computerwa.mining.policy;

/**
 * Carries out decisions, for example by setting miners' power targets and GPU schedulers.
 *
 * <pre>{@code
 * LoadController c = LoadController.builder().site(site).policy(p).decisionLead(Duration.ofMinutes(5))
 *     .actuator(d -> fleet.setPowerMw(d.applied().miningMw()))
 *     .build();
 * }</pre>
 *
 * <p>Called on the deciding thread, in the order the actuators were added. Returning normally
 * confirms the decision; throwing refuses it: the controller then commits nothing (see
 * {@link ActuationException}). Actuators that ran before the one that threw are not rolled back —
 * they see the next decision, which starts again from the last committed state.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Actuator {

  /**
   * Applies a decision; returns only once it is in effect.
   *
   * @param decision the decision to carry out
   */
  void apply(Decision decision);
}
