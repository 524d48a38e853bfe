package org.computerwa.chain.tx;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.jspecify.annotations.Nullable;

/**
 * What to send: a contract call (or a creation), with an optional idempotency key.
 *
 * <pre>{@code
 * TransactionRequest call = TransactionRequest.builder()
 *     .action("mint 5 tUSD to alice")
 *     .to(token)
 *     .data("0x40c10f19...")
 *     .idempotencyKey("invoice-2026-0042")
 *     .build();
 * }</pre>
 *
 * <p>An idempotency key is unique per sender: sending a request whose key the journal already
 * holds returns the recorded operation and sends nothing; the same key with a different call is
 * refused with a {@link ValidationException}.
 *
 * @since 0.1.0
 */
public final class TransactionRequest {
  private final String action;
  private final @Nullable Address to;
  private final String data;
  private final BigInteger value;
  private final @Nullable String idempotencyKey;
  private final long gasLimit;

  private TransactionRequest(Builder b) {
    this.action = b.action;
    this.to = b.to;
    this.data = b.data;
    this.value = b.value;
    this.idempotencyKey = b.idempotencyKey;
    this.gasLimit = b.gasLimit;
  }

  /**
   * Starts a request.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What the transaction does, for logs, receipts and messages.
   *
   * @return the action
   */
  public String action() {
    return action;
  }

  /**
   * The contract called.
   *
   * @return the address, empty for a contract creation
   */
  public Optional<Address> to() {
    return Optional.ofNullable(to);
  }

  /**
   * The ABI-encoded call, or the init code of a creation.
   *
   * @return lower-case 0x-hex
   */
  public String data() {
    return data;
  }

  /**
   * The wei sent along.
   *
   * @return the value, zero or more
   */
  public BigInteger value() {
    return value;
  }

  /**
   * The caller's key that makes a repeated request return the original operation.
   *
   * @return the key, empty when none was given
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * A fixed gas limit.
   *
   * @return the limit, empty when the pipeline estimates it (estimate + 20% + 10 000)
   */
  public OptionalLong gasLimit() {
    return gasLimit == 0 ? OptionalLong.empty() : OptionalLong.of(gasLimit);
  }

  @Override
  public String toString() {
    return "TransactionRequest[" + action + (to == null ? ", creation" : ", to " + to) + "]";
  }

  /** Builds a {@link TransactionRequest}; {@code action} and {@code data} are required. */
  public static final class Builder {
    private @Nullable String action;
    private @Nullable Address to;
    private @Nullable String data;
    private BigInteger value = BigInteger.ZERO;
    private @Nullable String idempotencyKey;
    private long gasLimit;

    private Builder() {}

    /**
     * What the transaction does, 1 to 500 characters.
     *
     * @param action such as {@code "settle lease 7"}
     * @return this builder
     */
    public Builder action(String action) {
      Objects.requireNonNull(action, "action");
      if (action.isBlank() || action.length() > 500) {
        throw new ValidationException("action", action, "must be 1 to 500 characters, not blank");
      }
      this.action = action;
      return this;
    }

    /**
     * The contract to call; leave unset for a creation.
     *
     * @param contract the address
     * @return this builder
     */
    public Builder to(Address contract) {
      this.to = Objects.requireNonNull(contract, "to");
      return this;
    }

    /**
     * The ABI-encoded call or init code, 0x-hex with an even number of digits.
     *
     * @param hex the data
     * @return this builder
     */
    public Builder data(String hex) {
      Objects.requireNonNull(hex, "data");
      if (!hex.matches("0x([0-9a-fA-F]{2})*")) {
        throw new ValidationException(
            "data", hex.length() > 80 ? hex.substring(0, 80) + "…" : hex, "must be 0x-hex with an even number of digits");
      }
      this.data = hex.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /**
     * Wei to send along, zero or more.
     *
     * @param wei the value
     * @return this builder
     */
    public Builder value(BigInteger wei) {
      Objects.requireNonNull(wei, "value");
      if (wei.signum() < 0 || wei.bitLength() > 256) {
        throw new ValidationException("value", wei, "must be between 0 and 2^256-1");
      }
      this.value = wei;
      return this;
    }

    /**
     * A key, unique per sender, that makes repeating this request return the original operation.
     *
     * @param key 1 to 200 printable ASCII characters
     * @return this builder
     */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "idempotencyKey");
      if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new ValidationException("idempotencyKey", key, "must be 1 to 200 printable ASCII characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    /**
     * A fixed gas limit instead of the estimate.
     *
     * @param gas 21 000 to 30 000 000
     * @return this builder
     */
    public Builder gasLimit(long gas) {
      if (gas < 21_000 || gas > 30_000_000) {
        throw new ValidationException("gasLimit", gas, "must be between 21000 and 30000000");
      }
      this.gasLimit = gas;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws ValidationException when action or data is missing, or a creation has no code
     */
    public TransactionRequest build() {
      if (action == null) {
        throw new ValidationException("action", null, "is required");
      }
      if (data == null) {
        throw new ValidationException("data", null, "is required (use \"0x\" for a plain transfer)");
      }
      if (to == null && data.length() <= 2) {
        throw new ValidationException("data", data, "a creation (no 'to') needs init code");
      }
      return new TransactionRequest(this);
    }
  }
}
