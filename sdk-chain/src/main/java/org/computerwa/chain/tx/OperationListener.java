package org.computerwa.chain.tx;

/**
 * Observes a {@link TransactionPipeline}'s journal: each committed transition, and each moment the
 * node accepted a transaction (before that is recorded). For metrics and audit logs; a listener
 * must not block.
 *
 * <pre>{@code
 * TransactionPipeline.builder()...listener(new OperationListener() {
 *   public void onTransition(Operation op) { audit.info("{} -> {}", op.id(), op.state()); }
 * })
 * }</pre>
 *
 * @since 0.1.0
 */
public interface OperationListener {
  /**
   * Called after a transition is committed to the journal.
   *
   * @param operation the operation as now recorded
   */
  default void onTransition(Operation operation) {}

  /**
   * Called after the node accepted a transaction and before the pipeline records anything about
   * it.
   *
   * @param operation the operation as recorded before the broadcast
   * @param transactionHash the accepted transaction
   */
  default void onSent(Operation operation, String transactionHash) {}
}
