package org.computerwa.mining.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Receives every decision and every policy swap of a {@link LoadController}.
 *
 * <pre>{@code
 * AuditLog.InMemory log = AuditLog.inMemory();
 * LoadController c = LoadController.builder().site(site).policy(p).auditLog(log).build();
 * ...
 * log.switches();   // every swap: when, from, to, why
 * }</pre>
 *
 * <p>Decisions arrive in order, one at a time; swaps may arrive from other threads at any moment,
 * so an implementation must be thread-safe.
 *
 * @since 0.1.0
 */
public interface AuditLog {

  /**
   * Records a decision.
   *
   * @param decision the decision
   */
  void decision(Decision decision);

  /**
   * Records a policy swap.
   *
   * @param change the swap
   */
  void policySwitch(PolicySwitch change);

  /**
   * A log that keeps every entry in memory.
   *
   * @return a new log
   */
  static InMemory inMemory() {
    return new InMemory();
  }

  /**
   * A log that keeps every entry in memory; reads return snapshots.
   *
   * <pre>{@code
   * AuditLog.InMemory log = AuditLog.inMemory();
   * }</pre>
   */
  final class InMemory implements AuditLog {
    private final List<Decision> decisions = new ArrayList<>();
    private final List<PolicySwitch> switches = new ArrayList<>();

    private InMemory() {}

    @Override
    public synchronized void decision(Decision decision) {
      decisions.add(decision);
    }

    @Override
    public synchronized void policySwitch(PolicySwitch change) {
      switches.add(change);
    }

    /**
     * Every decision so far, in order.
     *
     * @return a snapshot
     */
    public synchronized List<Decision> decisions() {
      return Collections.unmodifiableList(new ArrayList<>(decisions));
    }

    /**
     * Every swap so far, in order.
     *
     * @return a snapshot
     */
    public synchronized List<PolicySwitch> switches() {
      return Collections.unmodifiableList(new ArrayList<>(switches));
    }
  }
}
