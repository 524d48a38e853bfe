package org.computerwa.chain.tx;

/**
 * Where a journaled operation stands. The journal moves an operation forward only:
 *
 * <pre>
 * INTENT ──► SIGNED ──► BROADCAST ──► CONFIRMED
 *    │          │            │
 *    └──────────┴────────────┴──────► FAILED
 * </pre>
 *
 * @since 0.1.0
 */
public enum OperationState {
  /** The request is recorded; nothing is signed yet and no nonce is taken. */
  INTENT,
  /**
   * A nonce is allocated and the signed raw transaction is recorded; the node may or may not have
   * it (a crash can fall between recording and broadcasting).
   */
  SIGNED,
  /** The node accepted the transaction at least once; it may be pending, mined or dropped. */
  BROADCAST,
  /** Mined with success and buried under the configured number of confirmations. Terminal. */
  CONFIRMED,
  /** Provably not going to take effect, with a {@link Failure} reason. Terminal. */
  FAILED;

  /**
   * Whether nothing will change this operation any more.
   *
   * @return true for CONFIRMED and FAILED
   */
  public boolean terminal() {
    return this == CONFIRMED || this == FAILED;
  }
}
