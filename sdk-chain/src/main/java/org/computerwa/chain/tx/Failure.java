package org.computerwa.chain.tx;

/**
 * Why an operation {@link OperationState#FAILED failed}.
 *
 * @since 0.1.0
 */
public enum Failure {
  /** The simulation before signing reverted; no nonce was taken and nothing was sent. */
  SIMULATION_REVERTED,
  /** Mined with status 0 and buried under the configured confirmations; the nonce is spent. */
  REVERTED,
  /** The node refused the transaction for good (funds, gas limit); its nonce is reused. */
  REJECTED,
  /** The target address holds no contract code; nothing was signed. */
  NO_CONTRACT
}
