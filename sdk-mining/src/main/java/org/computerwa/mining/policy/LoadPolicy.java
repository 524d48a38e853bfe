package org.computerwa.mining.policy;

/**
 * A dispatch strategy: proposes how to split the site's power for one interval.
 *
 * <pre>{@code
 * LoadPolicy cautious = ctx -> ctx.allocate(ctx.currentMiningMw(), 0);
 * LoadPolicy named = LoadPolicy.named("hold", cautious);
 * }</pre>
 *
 * <p>A policy sees only a {@link PolicyContext} and may propose anything: the
 * {@link LoadController}'s envelope makes the proposal safe. Policies may keep state, but a
 * controller calls one policy from one thread at a time.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LoadPolicy {

  /**
   * Proposes the allocation of the interval {@code ctx.index()}.
   *
   * @param ctx what is known at decision time
   * @return the proposal
   */
  Allocation propose(PolicyContext ctx);

  /**
   * The policy's name, used in decisions and the audit log.
   *
   * @return a short name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Gives a policy a name.
   *
   * @param name the name
   * @param policy the policy
   * @return a policy that delegates to {@code policy} and reports {@code name}
   */
  static LoadPolicy named(String name, LoadPolicy policy) {
    return new LoadPolicy() {
      @Override
      public Allocation propose(PolicyContext ctx) {
        return policy.propose(ctx);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
