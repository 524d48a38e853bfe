package org.computerwa.chain.client;

import java.util.Objects;

/**
 * A mined, successful transaction: what it did, its hash, its block and the gas it used.
 *
 * <pre>{@code
 * Outcome<LeaseId> offered = client.leases().offer(assetId, terms);
 * for (Receipt r : offered.receipts()) {
 *   System.out.println(r.action() + " " + r.transactionHash() + " gas " + r.gasUsed());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Receipt {
  private final String action;
  private final String transactionHash;
  private final long blockNumber;
  private final long gasUsed;

  private Receipt(String action, String transactionHash, long blockNumber, long gasUsed) {
    this.action = Objects.requireNonNull(action, "action");
    this.transactionHash = Objects.requireNonNull(transactionHash, "transactionHash");
    this.blockNumber = blockNumber;
    this.gasUsed = gasUsed;
  }

  /**
   * Creates a receipt.
   *
   * @param action what the transaction did, such as {@code "offer lease on asset 1"}
   * @param transactionHash the 0x-hex transaction hash
   * @param blockNumber the block it was mined in
   * @param gasUsed the gas it used
   * @return the receipt
   */
  public static Receipt of(String action, String transactionHash, long blockNumber, long gasUsed) {
    return new Receipt(action, transactionHash, blockNumber, gasUsed);
  }

  /**
   * What the transaction did.
   *
   * @return a short description
   */
  public String action() {
    return action;
  }

  /**
   * The transaction hash.
   *
   * @return 0x and 64 hex digits
   */
  public String transactionHash() {
    return transactionHash;
  }

  /**
   * The block the transaction was mined in.
   *
   * @return the block number
   */
  public long blockNumber() {
    return blockNumber;
  }

  /**
   * The gas the transaction used.
   *
   * @return gas units
   */
  public long gasUsed() {
    return gasUsed;
  }

  @Override
  public String toString() {
    return action + " [tx " + transactionHash + ", block " + blockNumber + ", gas " + gasUsed + "]";
  }
}
