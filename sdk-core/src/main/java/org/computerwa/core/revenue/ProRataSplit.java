package org.computerwa.core.revenue;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computerwa.core.ValidationException;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.TokenAmount;
import org.immutables.value.Value;

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
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProRataSplit.class)
@JsonDeserialize(as = ImmutableProRataSplit.class)
public abstract class ProRataSplit {
  ProRataSplit() {}

  /**
   * Each holder's balance (shares held), by holder id.
   *
   * @return balances sorted by holder id
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, BigInteger> balances();

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

  @Value.Check
  void check() {
    if (balances().isEmpty()) {
      throw new ValidationException("balances", "{}", "must name at least one holder");
    }
    for (Map.Entry<String, BigInteger> holder : balances().entrySet()) {
      Checks.id("balances", holder.getKey());
      if (holder.getValue().signum() < 0) {
        throw new ValidationException("balances." + holder.getKey(), holder.getValue(), "must not be negative");
      }
    }
    if (totalBalance().signum() == 0) {
      throw new ValidationException("balances", "all zero", "must sum to more than zero");
    }
  }

  /**
   * Builds a {@link ProRataSplit}: one setter per attribute, named after it, each returning
   * this builder; {@code from(ProRataSplit)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableProRataSplit.Builder {
    Builder() {}
  }
}
