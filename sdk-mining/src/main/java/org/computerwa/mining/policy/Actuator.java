package org.computerwa.mining.policy;

/**
 * Receives every applied decision, for example to set miners' power targets and GPU schedulers.
 *
 * <pre>{@code
 * LoadController c = LoadController.builder().site(site).policy(p)
 *     .actuator(d -> fleet.setPowerMw(d.applied().miningMw()))
 *     .build();
 * }</pre>
 *
 * <p>Called on the deciding thread, after the decision is final and audited. An exception thrown
 * here propagates to the caller of {@link LoadController#decide(PolicyContext)}; the decision
 * stands.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Actuator {

  /**
   * Applies a decision.
   *
   * @param decision the decision to carry out
   */
  void apply(Decision decision);
}
