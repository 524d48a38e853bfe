package org.computerwa.chain.events;

import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The last block an event stream processed completely, by number and hash. The stream resumes
 * after it; when the chain no longer has that hash at that number, the stream walks back to the
 * fork point and signals the events it removes.
 *
 * <pre>{@code
 * stream.checkpoint().map(Checkpoint::blockNumber);   // Optional[1043]
 * }</pre>
 *
 * @param blockNumber the block's number, zero or more
 * @param blockHash the block's hash, 0x-hex
 * @since 0.1.0
 */
public record Checkpoint(long blockNumber, String blockHash) {
  /**
   * Checks a checkpoint; event streams report theirs through {@code EventStream.checkpoint()}.
   *
   * @param blockNumber the block's number, zero or more
   * @param blockHash the block's hash, 0x-hex
   * @throws ValidationException when the hash is missing or the number negative
   */
  public Checkpoint {
    if (blockNumber < 0) {
      throw new ValidationException("blockNumber", blockNumber, "must not be negative");
    }
    if (blockHash == null) {
      throw new ValidationException("blockHash", null, "is required");
    }
  }

  static Checkpoint of(long blockNumber, String blockHash) {
    return new Checkpoint(blockNumber, blockHash);
  }



  @Override
  public String toString() {
    return "Checkpoint[" + blockNumber + " " + blockHash + "]";
  }
}
