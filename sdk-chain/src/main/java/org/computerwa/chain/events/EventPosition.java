package org.computerwa.chain.events;

import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * Where an event was recorded. {@code (blockHash, logIndex)} identifies it uniquely: an
 * idempotent consumer keys on it (the same log is delivered again after a restart that fell
 * between delivery and checkpoint).
 *
 * @param contract the emitting contract
 * @param blockNumber the block
 * @param blockHash that block's hash
 * @param transactionHash the transaction
 * @param logIndex the log's index in the block
 * @since 0.1.0
 */
public record EventPosition(Address contract, long blockNumber, String blockHash, String transactionHash, int logIndex) {
  /** Checks the fields. */
  public EventPosition {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
    if (blockNumber < 0) {
      throw new ValidationException("blockNumber", blockNumber, "must not be negative");
    }
    if (logIndex < 0) {
      throw new ValidationException("logIndex", logIndex, "must not be negative");
    }
  }
}
