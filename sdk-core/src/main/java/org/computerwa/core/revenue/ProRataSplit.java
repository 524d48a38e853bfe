package org.computerwa.core.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Splits an amount over holders in proportion to their balances, exactly: the payouts always sum
 * to the amount, to the base unit.
 *
 * <pre>{@code
 * ProRataSplit split = ProRataSplit.of(Map.of(
 *     "alice", BigInteger.valueOf(1),
 *     "bob", BigInteger.valueOf(1),
 *     "carol", BigInteger.valueOf(1)));
 * split.split(TokenAmount.ofBaseUnits(100, usdc));
 * // {alice=34, bob=33, carol=33}: 1 unit left over goes to the largest remainder, ties by id
 * }</pre>
 *
 * <p><b>Remainder rule (largest remainder, deterministic).</b> Each holder first gets
 * {@code floor(amount * balance / totalBalance)}. The {@code r} base units left over (always fewer
 * than the number of holders with a non-zero balance) go one each to the {@code r} holders with
 * the largest remainders {@code amount * balance mod totalBalance}; equal remainders are ordered
 * by holder id ascending ({@link String#compareTo}, UTF-16 code units). Holders with a zero
 * balance get zero. The result is the same on every run and machine.
 *
 * <p>Rules: at least one holder; holder ids are 1 to 64 characters of
 * {@code A-Z a-z 0-9 . _ : -} (addresses fit); balances are not negative and sum to more than
 * zero. In JSON: {@code {"balances":{"alice":"1","bob":"1"}}}, balances as strings.
 *
 * @param balances each holder's balance (shares held), by holder id
 * @since 0.1.0
 */
@JsonDeserialize(builder = ProRataSplit.Builder.class)
public record ProRataSplit(
    @JsonProperty("balances") SortedMap<String, BigInteger> balances) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param balances balance by holder id; copied into an unmodifiable map sorted by holder id
   * @throws ValidationException naming the first field that breaks a rule
   */
  public ProRataSplit {
    balances = sortedCopy(Checks.required("balances", balances));
    if (balances.isEmpty()) {
      throw new ValidationException("balances", "{}", "must name at least one holder");
    }
    BigInteger total = BigInteger.ZERO;
    for (Map.Entry<String, BigInteger> holder : balances.entrySet()) {
      Checks.id("balances", holder.getKey());
      if (holder.getValue().signum() < 0) {
        throw new ValidationException("balances." + holder.getKey(), holder.getValue(), "must not be negative");
      }
      total = total.add(holder.getValue());
    }
    if (total.signum() == 0) {
      throw new ValidationException("balances", "all zero", "must sum to more than zero");
    }
  }

  /**
   * A split over the given balances.
   *
   * @param balances balance by holder id
   * @return the split
   * @throws ValidationException if an id or balance breaks a rule, or all balances are zero
   */
  public static ProRataSplit of(Map<String, BigInteger> balances) {
    return builder().putAllBalances(balances).build();
  }

  /**
   * The sum of all balances.
   *
   * @return the total balance, positive
   */
  public BigInteger totalBalance() {
    return balances().values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /**
   * Splits an amount.
   *
   * @param amount the amount to split
   * @return payout by holder id, every holder present, summing exactly to {@code amount}
   */
  public SortedMap<String, TokenAmount> split(TokenAmount amount) {
    BigInteger total = totalBalance();
    SortedMap<String, BigInteger> payout = new TreeMap<>();
    List<Map.Entry<String, BigInteger>> remainders = new ArrayList<>();
    BigInteger handedOut = BigInteger.ZERO;
    for (Map.Entry<String, BigInteger> holder : balances().entrySet()) {
      BigInteger[] qr = amount.baseUnits().multiply(holder.getValue()).divideAndRemainder(total);
      payout.put(holder.getKey(), qr[0]);
      handedOut = handedOut.add(qr[0]);
      remainders.add(Map.entry(holder.getKey(), qr[1]));
    }
    remainders.sort(Comparator.<Map.Entry<String, BigInteger>, BigInteger>comparing(Map.Entry::getValue)
        .reversed()
        .thenComparing(Map.Entry::getKey));
    int left = amount.baseUnits().subtract(handedOut).intValueExact();
    for (int i = 0; i < left; i++) {
      payout.merge(remainders.get(i).getKey(), BigInteger.ONE, BigInteger::add);
    }
    SortedMap<String, TokenAmount> result = new TreeMap<>();
    payout.forEach((holder, units) -> result.put(holder, TokenAmount.of(units, amount.token())));
    return Collections.unmodifiableSortedMap(result);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** An unmodifiable copy in the holder ids' natural order, whatever the given map's order. */
  private static SortedMap<String, BigInteger> sortedCopy(Map<String, ? extends BigInteger> balances) {
    TreeMap<String, BigInteger> copy = new TreeMap<>();
    for (Map.Entry<String, ? extends BigInteger> holder : balances.entrySet()) {
      if (holder.getKey() == null) {
        throw new ValidationException("balances", null, "must not name a null holder");
      }
      copy.put(holder.getKey(), Checks.required("balances." + holder.getKey(), holder.getValue()));
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Builds {@link ProRataSplit}: one setter per component, named after it, each returning this builder;
   * {@code from(ProRataSplit)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private final TreeMap<String, BigInteger> balances = new TreeMap<>();

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(ProRataSplit instance) {
      this.balances.clear();
      this.balances.putAll(instance.balances());
      return this;
    }

    /**
     * Replaces {@link ProRataSplit#balances()}: each holder's balance (shares held), by holder id.
     *
     * @param balances balance by holder id
     * @return this builder
     */
    @JsonProperty("balances")
    public Builder balances(Map<String, ? extends BigInteger> balances) {
      this.balances.clear();
      return putAllBalances(balances);
    }

    /**
     * Adds every entry to {@link ProRataSplit#balances()}, replacing a holder already present.
     *
     * @param balances balance by holder id
     * @return this builder
     */
    public Builder putAllBalances(Map<String, ? extends BigInteger> balances) {
      this.balances.putAll(sortedCopy(Checks.required("balances", balances)));
      return this;
    }

    /**
     * Adds one holder's balance to {@link ProRataSplit#balances()}.
     *
     * @param holder the holder id
     * @param balance its balance
     * @return this builder
     */
    public Builder putBalances(String holder, BigInteger balance) {
      return putAllBalances(Collections.singletonMap(holder, balance));
    }

    /**
     * Adds one holder's balance to {@link ProRataSplit#balances()}.
     *
     * @param entry the holder id and its balance
     * @return this builder
     */
    public Builder putBalances(Map.Entry<String, ? extends BigInteger> entry) {
      return putBalances(entry.getKey(), entry.getValue());
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public ProRataSplit build() {
      return new ProRataSplit(balances);
    }
  }
}
