package org.computerwa.chain.events;

import java.util.Objects;
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
 * @since 0.1.0
 */
public final class Checkpoint {
  private final long blockNumber;
  private final String blockHash;

  private Checkpoint(long blockNumber, String blockHash) {
    this.blockNumber = blockNumber;
    this.blockHash = blockHash;
  }

  static Checkpoint of(long blockNumber, String blockHash) {
    return new Checkpoint(blockNumber, Objects.requireNonNull(blockHash, "blockHash"));
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

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Checkpoint c && c.blockNumber == blockNumber && c.blockHash.equals(blockHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockNumber, blockHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + blockNumber + " " + blockHash + "]";
  }
}
