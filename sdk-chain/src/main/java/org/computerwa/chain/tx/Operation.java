package org.computerwa.chain.tx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.computerwa.chain.tx.internal.OperationRow;
import org.computerwa.core.crypto.Address;
import org.jspecify.annotations.Nullable;

/**
 * A journaled operation as last recorded: the request, its nonce, every signed attempt, its state
 * and, once terminal, where it was mined or why it failed. Immutable snapshot; read the journal
 * again for news.
 *
 * <pre>{@code
 * Operation op = pipeline.send(request);
 * op.state();            // CONFIRMED
 * op.transactionHash();  // Optional[0x5c…]
 * op.blockNumber();      // OptionalLong[1043]
 * }</pre>
 *
 * <p>A final class, not a record (the SDK's value style): it is a read-only view over the journal's
 * internal row; as a record, that internal type would be its component, in its accessor and its
 * public constructor. Two operations are equal when their journal rows are.
 *
 * @since 0.1.0
 */
public final class Operation {
  private final OperationRow row;

  private Operation(OperationRow row) {
    this.row = row;
  }

  static Operation of(OperationRow row) {
    return new Operation(row);
  }

  /**
   * The journal's id of this operation.
   *
   * @return a UUID string
   */
  public String id() {
    return row.id();
  }

  /**
   * The sending account.
   *
   * @return the address
   */
  public Address sender() {
    return Address.fromHex(row.sender());
  }

  /**
   * The caller's idempotency key.
   *
   * @return the key, empty when none was given
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(row.idempotencyKey());
  }

  /**
   * What the operation does.
   *
   * @return the action text
   */
  public String action() {
    return row.action();
  }

  /**
   * The contract called.
   *
   * @return the address, empty for a creation
   */
  public Optional<Address> to() {
    return Optional.ofNullable(row.to()).map(Address::fromHex);
  }

  /**
   * The call data or init code.
   *
   * @return 0x-hex
   */
  public String data() {
    return row.data();
  }

  /**
   * The wei sent along.
   *
   * @return the value
   */
  public BigInteger value() {
    return new BigInteger(row.value());
  }

  /**
   * The nonce the journal allocated.
   *
   * @return the nonce, empty while the operation is an {@link OperationState#INTENT}
   */
  public OptionalLong nonce() {
    return row.nonce() == null ? OptionalLong.empty() : OptionalLong.of(row.nonce());
  }

  /**
   * Where the operation stands.
   *
   * @return the state
   */
  public OperationState state() {
    return OperationState.valueOf(row.state());
  }

  /**
   * Why it failed.
   *
   * @return the reason, empty unless {@link #state()} is FAILED
   */
  public Optional<Failure> failure() {
    return Optional.ofNullable(row.failure()).map(Failure::valueOf);
  }

  /**
   * A readable account of the failure (the decoded revert, the node's refusal).
   *
   * @return the detail, empty unless failed
   */
  public Optional<String> failureDetail() {
    return Optional.ofNullable(row.detail());
  }

  /**
   * The raw revert data of a reverted operation.
   *
   * @return 0x-hex, empty when not reverted
   */
  public Optional<String> revertData() {
    return Optional.ofNullable(row.revertData());
  }

  /**
   * The transaction that was mined (one of {@link #attemptHashes()}).
   *
   * @return the hash, empty until mined at the required depth
   */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(row.txHash());
  }

  /**
   * The block the transaction was mined in.
   *
   * @return the number, empty until terminal on chain
   */
  public OptionalLong blockNumber() {
    return row.blockNumber() == null ? OptionalLong.empty() : OptionalLong.of(row.blockNumber());
  }

  /**
   * The hash of that block, checked to be canonical when the operation was confirmed.
   *
   * @return 0x-hex, empty until terminal on chain
   */
  public Optional<String> blockHash() {
    return Optional.ofNullable(row.blockHash());
  }

  /**
   * Every signed transaction of this operation, first one first; later ones replace earlier ones
   * with higher fees at the same nonce.
   *
   * @return the hashes
   */
  public List<String> attemptHashes() {
    List<String> hashes = new ArrayList<>(row.attempts().size());
    for (OperationRow.Attempt a : row.attempts()) {
      hashes.add(a.txHash());
    }
    return List.copyOf(hashes);
  }

  /**
   * When the intent was recorded.
   *
   * @return the instant
   */
  public Instant createdAt() {
    return Instant.ofEpochMilli(row.createdMillis());
  }

  /**
   * When the last transition was recorded.
   *
   * @return the instant
   */
  public Instant updatedAt() {
    return Instant.ofEpochMilli(row.updatedMillis());
  }

  OperationRow row() {
    return row;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Operation && ((Operation) o).row.equals(row);
  }

  @Override
  public int hashCode() {
    return row.hashCode();
  }

  @Override
  public String toString() {
    return "Operation[" + row.id() + " '" + row.action() + "' " + row.state()
        + (row.nonce() == null ? "" : " nonce " + row.nonce())
        + (row.txHash() == null ? "" : " tx " + row.txHash())
        + (row.failure() == null ? "" : " " + row.failure() + ": " + row.detail()) + "]";
  }
}
