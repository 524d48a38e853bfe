package org.computerwa.core.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

class ProRataSplitTest {
  private static final Token USDC = Token.of("USDC", 6);

  private static Map<String, Long> units(SortedMap<String, TokenAmount> payouts) {
    Map<String, Long> out = new TreeMap<>();
    payouts.forEach((holder, amount) -> out.put(holder, amount.baseUnits().longValueExact()));
    return out;
  }

  @Test
  void leftoverUnitsGoToTheLargestRemaindersWithTiesByHolderId() {
    ProRataSplit equal = ProRataSplit.of(Map.of("carol", BigInteger.ONE, "alice", BigInteger.ONE, "bob", BigInteger.ONE));
    assertThat(units(equal.split(TokenAmount.ofBaseUnits(100, USDC))))
        .containsExactly(Map.entry("alice", 34L), Map.entry("bob", 33L), Map.entry("carol", 33L));
    assertThat(units(equal.split(TokenAmount.ofBaseUnits(101, USDC))))
        .containsExactly(Map.entry("alice", 34L), Map.entry("bob", 34L), Map.entry("carol", 33L));
    // 10 * 5/8 = 6.25, 10 * 3/8 = 3.75: the one leftover unit goes to the larger remainder (zed)
    ProRataSplit uneven = ProRataSplit.of(Map.of("amy", BigInteger.valueOf(5), "zed", BigInteger.valueOf(3)));
    assertThat(units(uneven.split(TokenAmount.ofBaseUnits(10, USDC))))
        .containsExactly(Map.entry("amy", 6L), Map.entry("zed", 4L));
  }

  @Test
  void balancesAreAnUnmodifiableCopyInHolderIdOrderWhateverTheGivenOrder() {
    TreeMap<String, BigInteger> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.put("alice", BigInteger.ONE);
    reversed.put("bob", BigInteger.TWO);
    ProRataSplit split = new ProRataSplit(reversed);
    reversed.put("carol", BigInteger.TEN);
    assertThat(split.balances().keySet()).containsExactly("alice", "bob");
    assertThat(split).isEqualTo(ProRataSplit.builder().putBalances("bob", BigInteger.TWO)
        .putBalances(Map.entry("alice", BigInteger.ONE)).build());
    assertThatThrownBy(() -> split.balances().put("dave", BigInteger.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullBalanceIsNamedByItsHolder() {
    Map<String, BigInteger> withNull = new java.util.HashMap<>();
    withNull.put("alice", null);
    assertThatThrownBy(() -> ProRataSplit.of(withNull))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("balances.alice");
          assertThat(e.rule()).isEqualTo("is required");
        });
  }

  @Test
  void holdersWithZeroBalanceGetNothing() {
    ProRataSplit split = ProRataSplit.of(Map.of("a", BigInteger.ZERO, "b", BigInteger.TEN));
    assertThat(units(split.split(TokenAmount.ofBaseUnits(7, USDC)))).containsExactly(Map.entry("a", 0L), Map.entry("b", 7L));
  }

  @Test
  void splitsSumExactlyAndStayWithinOneUnitOfTheExactShare() {
    long seed = Seeds.seed("ProRataSplitTest.splitSumsExact");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 1_000; i++) {
      Map<String, BigInteger> balances = new TreeMap<>();
      int holders = random.nextInt(1, 40);
      for (int h = 0; h < holders; h++) {
        balances.put("h" + random.nextInt(0, 1_000), BigInteger.valueOf(random.nextLong(0, 1_000_000_000_000L)));
      }
      balances.put("anchor", BigInteger.valueOf(random.nextLong(1, 1_000)));
      ProRataSplit split = ProRataSplit.of(balances);
      TokenAmount total = TokenAmount.of(BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE)).multiply(
          BigInteger.valueOf(random.nextInt(1, 1_000))), USDC);
      SortedMap<String, TokenAmount> payouts = split.split(total);
      BigInteger sum = payouts.values().stream().map(TokenAmount::baseUnits).reduce(BigInteger.ZERO, BigInteger::add);
      assertThat(sum).as("seed %d, case %d", seed, i).isEqualTo(total.baseUnits());
      assertThat(payouts.keySet()).isEqualTo(split.balances().keySet());
      for (Map.Entry<String, TokenAmount> payout : payouts.entrySet()) {
        BigInteger floor = total.baseUnits().multiply(balances.get(payout.getKey())).divide(split.totalBalance());
        assertThat(payout.getValue().baseUnits().subtract(floor)).as("seed %d, holder %s", seed, payout.getKey())
            .isBetween(BigInteger.ZERO, BigInteger.ONE);
      }
      assertThat(split.split(total)).isEqualTo(payouts);
    }
  }

  @Test
  void refusesEmptyNegativeOrAllZeroBalances() {
    assertThatThrownBy(() -> ProRataSplit.of(Map.of()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("balances"));
    assertThatThrownBy(() -> ProRataSplit.of(Map.of("a", BigInteger.ZERO)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("balances"));
    assertThatThrownBy(() -> ProRataSplit.of(Map.of("a", BigInteger.valueOf(-1))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("balances.a"));
  }
}
