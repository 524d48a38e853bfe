package org.computerwa.chain.events;

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
 * @param contract the emitting contract
 * @param blockNumber the block's number, zero or more
 * @param blockHash the block's hash, 0x-hex
 * @param transactionHash the transaction's hash, 0x-hex
 * @param logIndex the log's index in the block, zero or more
 * @since 0.1.0
 */
public record EventPosition(Address contract, long blockNumber, String blockHash, String transactionHash, int logIndex) {
  /**
   * Checks a position; {@link #of} is the documented entry point.
   *
   * @param contract the emitting contract
   * @param blockNumber the block, zero or more
   * @param blockHash that block's hash, 0x-hex
   * @param transactionHash the transaction, 0x-hex
   * @param logIndex the log's index in the block, zero or more
   * @throws ValidationException when a reference is missing or a number is negative
   */
  public EventPosition {
    required("contract", contract);
    required("blockHash", blockHash);
    required("transactionHash", transactionHash);
    if (blockNumber < 0) {
      throw new ValidationException("blockNumber", blockNumber, "must not be negative");
    }
    if (logIndex < 0) {
      throw new ValidationException("logIndex", logIndex, "must not be negative");
    }
  }

  private static void required(String field, @Nullable Object value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
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
    return new EventPosition(contract, blockNumber, blockHash, transactionHash, logIndex);
  }






  @Override
  public String toString() {
    return "EventPosition[block " + blockNumber + " " + blockHash + ", log " + logIndex + ", tx " + transactionHash + "]";
  }
}
