package org.computerwa.chain.client;

import java.util.List;
import java.util.Objects;

/**
 * The result of a write: the value it produced and the receipts of the transactions it took.
 *
 * <pre>{@code
 * Outcome<AssetId> registered = client.assets().register(asset);
 * AssetId id = registered.value();
 * long gas = registered.gasUsed();        // summed over every transaction
 * registered.receipts().get(0).transactionHash();
 * }</pre>
 *
 * <p>Every receipt is of a mined transaction with status 1; failures are thrown as {@link
 * ChainException} instead.
 *
 * @param <T> the type of the value
 * @since 0.1.0
 */
public final class Outcome<T> {
  private final T value;
  private final List<Receipt> receipts;

  private Outcome(T value, List<Receipt> receipts) {
    this.value = Objects.requireNonNull(value, "value");
    this.receipts = List.copyOf(receipts);
  }

  /**
   * Creates an outcome.
   *
   * @param value the value produced
   * @param receipts the receipts, in the order the transactions were sent
   * @param <T> the type of the value
   * @return the outcome
   */
  public static <T> Outcome<T> of(T value, List<Receipt> receipts) {
    return new Outcome<>(value, receipts);
  }

  /**
   * The value the write produced.
   *
   * @return the value
   */
  public T value() {
    return value;
  }

  /**
   * The receipts of the transactions, in the order they were sent.
   *
   * @return an unmodifiable list, at least one receipt
   */
  public List<Receipt> receipts() {
    return receipts;
  }

  /**
   * The gas used by all the transactions together.
   *
   * @return the sum of {@link Receipt#gasUsed()}
   */
  public long gasUsed() {
    return receipts.stream().mapToLong(Receipt::gasUsed).sum();
  }

  @Override
  public String toString() {
    return "Outcome[" + value + ", " + receipts.size() + " transaction(s), gas " + gasUsed() + "]";
  }
}
