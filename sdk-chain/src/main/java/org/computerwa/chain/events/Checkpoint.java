package org.computerwa.chain.events;

import java.util.Objects;

/**
 * The last block an event stream processed completely, by number and hash. The stream resumes
 * after it; when the chain no longer has that hash at that number, the stream walks back to the
 * fork point and signals the events it removes.
 *
 * @param blockNumber the block
 * @param blockHash its hash
 * @since 0.1.0
 */
public record Checkpoint(long blockNumber, String blockHash) {
  /** Checks the fields. */
  public Checkpoint {
    Objects.requireNonNull(blockHash, "blockHash");
  }
}
