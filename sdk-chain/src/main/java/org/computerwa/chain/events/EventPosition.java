package org.computerwa.chain.events;

import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.jspecify.annotations.Nullable;

/**
 * Where an event was recorded. {@code (blockHash, logIndex)} identifies it uniquely: an
 * idempotent consumer keys on it (the same log is delivered again after a restart that fell
 * between delivery and checkpoint).
 *
 * <pre>{@code
 * EventPosition at = EventPosition.of(leaseManager, 1043, "0x5c…", "0x9e…", 2);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EventPosition {
  private final Address contract;
  private final long blockNumber;
  private final String blockHash;
  private final String transactionHash;
  private final int logIndex;

  private EventPosition(Address contract, long blockNumber, String blockHash, String transactionHash, int logIndex) {
    this.contract = contract;
    this.blockNumber = blockNumber;
    this.blockHash = blockHash;
    this.transactionHash = transactionHash;
    this.logIndex = logIndex;
  }

  /**
   * A position.
   *
   * @param contract the emitting contract
   * @param blockNumber the block, zero or more
   * @param blockHash that block's hash, 0x-hex
   * @param transactionHash the transaction, 0x-hex
   * @param logIndex the log's index in the block, zero or more
   * @return the position
   * @throws ValidationException when a number is negative
   */
  public static EventPosition of(Address contract, long blockNumber, String blockHash, String transactionHash, int logIndex) {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
    if (blockNumber < 0) {
      throw new ValidationException("blockNumber", blockNumber, "must not be negative");
    }
    if (logIndex < 0) {
      throw new ValidationException("logIndex", logIndex, "must not be negative");
    }
    return new EventPosition(contract, blockNumber, blockHash, transactionHash, logIndex);
  }

  /**
   * The emitting contract.
   *
   * @return the address
   */
  public Address contract() {
    return contract;
  }

  /**
   * The block.
   *
   * @return its number
   */
  public long blockNumber() {
    return blockNumber;
  }

  /**
   * The block's hash.
   *
   * @return 0x-hex
   */
  public String blockHash() {
    return blockHash;
  }

  /**
   * The transaction.
   *
   * @return its hash, 0x-hex
   */
  public String transactionHash() {
    return transactionHash;
  }

  /**
   * The log's index in the block.
   *
   * @return the index
   */
  public int logIndex() {
    return logIndex;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EventPosition p && p.contract.equals(contract) && p.blockNumber == blockNumber
        && p.blockHash.equals(blockHash) && p.transactionHash.equals(transactionHash) && p.logIndex == logIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(contract, blockNumber, blockHash, transactionHash, logIndex);
  }

  @Override
  public String toString() {
    return "EventPosition[block " + blockNumber + " " + blockHash + ", log " + logIndex + ", tx " + transactionHash + "]";
  }
}
