package org.computerwa.chain.tx.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the journal's operation table with its attempts, as stored.
 *
 * @param id the operation id
 * @param sender the sending address, lower-case hex
 * @param idempotencyKey the caller's key, or null
 * @param action what it does
 * @param to the target, or null for a creation
 * @param data the call data
 * @param value the wei sent, decimal
 * @param gasLimit the gas limit, or null before signing
 * @param nonce the nonce, or null before signing
 * @param state the state name
 * @param failure the failure name, or null
 * @param detail a human-readable detail of the failure, or null
 * @param revertData revert data of a failed call, or null
 * @param txHash the mined transaction, or null
 * @param blockNumber the block it was mined in, or null
 * @param blockHash that block's hash, or null
 * @param createdMillis when the intent was recorded
 * @param updatedMillis the last transition
 * @param attempts the signed attempts, oldest first
 */
public record OperationRow(
    String id,
    String sender,
    @Nullable String idempotencyKey,
    String action,
    @Nullable String to,
    String data,
    String value,
    @Nullable Long gasLimit,
    @Nullable Long nonce,
    String state,
    @Nullable String failure,
    @Nullable String detail,
    @Nullable String revertData,
    @Nullable String txHash,
    @Nullable Long blockNumber,
    @Nullable String blockHash,
    long createdMillis,
    long updatedMillis,
    List<Attempt> attempts) {

  /**
   * One signed transaction of an operation (the first, or a fee-bumped replacement).
   *
   * @param seq 0 for the first, then 1, 2, ...
   * @param txHash its hash
   * @param raw the signed raw transaction, 0x-hex
   * @param maxFee EIP-1559 max fee per gas (or null for legacy)
   * @param tip EIP-1559 priority fee per gas (or null for legacy)
   * @param gasPrice legacy gas price (or null for EIP-1559)
   * @param createdMillis when it was recorded
   */
  public record Attempt(
      int seq,
      String txHash,
      String raw,
      @Nullable String maxFee,
      @Nullable String tip,
      @Nullable String gasPrice,
      long createdMillis) {}

  /**
   * The newest attempt.
   *
   * @return the last attempt, or null before signing
   */
  public @Nullable Attempt lastAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }
}
