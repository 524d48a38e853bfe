package org.computerwa.core.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

/**
 * The distributor model against an independent oracle: exact rational entitlements (numerator
 * over a common denominator, no rounding), accumulated second by second from share balances.
 */
class DistributorModelTest {
  private static final Token USDC = Token.of("USDC", 6);
  private static final List<String> HOLDERS = List.of("alice", "bob", "carol");

  /** Exact entitlement: for each holder, a sum of fractions amount * balance / supply. */
  static final class Oracle {
    final Map<String, BigInteger> balances = new HashMap<>();
    final Map<String, BigInteger[]> owed = new HashMap<>(); // {numerator, denominator}

    BigInteger supply() {
      return balances.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    void credit(BigInteger amount) {
      BigInteger supply = supply();
      for (Map.Entry<String, BigInteger> e : balances.entrySet()) {
        BigInteger[] f = owed.computeIfAbsent(e.getKey(), k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ONE});
        // f + amount * balance / supply
        BigInteger num = f[0].multiply(supply).add(amount.multiply(e.getValue()).multiply(f[1]));
        BigInteger den = f[1].multiply(supply);
        BigInteger g = num.gcd(den);
        owed.put(e.getKey(), g.signum() == 0 ? new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}
            : new BigInteger[] {num.divide(g), den.divide(g)});
      }
    }

    BigInteger floor(String holder) {
      BigInteger[] f = owed.getOrDefault(holder, new BigInteger[] {BigInteger.ZERO, BigInteger.ONE});
      return f[0].divide(f[1]);
    }

    BigInteger ceil(String holder) {
      BigInteger[] f = owed.getOrDefault(holder, new BigInteger[] {BigInteger.ZERO, BigInteger.ONE});
      BigInteger[] qr = f[0].divideAndRemainder(f[1]);
      return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
  }

  static Instant t(long s) {
    return Instant.ofEpochSecond(1_700_000_000L + s);
  }

  @Test
  void aQuarterHolderOfAThousandUnitsIsOwed250NotAUnitLess() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", BigInteger.ONE, t(0));
    m.mint("bob", BigInteger.valueOf(3), t(0));
    m.deposit(TokenAmount.ofBaseUnits(1_000, USDC), t(1));
    assertThat(m.owed("alice", t(1))).isEqualTo(TokenAmount.ofBaseUnits(250, USDC));
    assertThat(m.owed("bob", t(1))).isEqualTo(TokenAmount.ofBaseUnits(750, USDC));
  }

  @Test
  void aStreamPaysByTimeSoABuyerEarnsNothingForTheTimeBeforeItsPurchase() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", BigInteger.valueOf(1_000), t(0));
    int slot = m.openStream(1, BigInteger.valueOf(900), t(0), t(10_000_000), t(0));
    assertThat(slot).isZero();
    m.transfer("alice", "bob", BigInteger.valueOf(500), t(14 * 86_400));
    m.transfer("bob", "alice", BigInteger.valueOf(500), t(14 * 86_400 + 10));
    assertThat(m.owed("bob", t(14 * 86_400 + 10))).isEqualTo(TokenAmount.ofBaseUnits(10 * 900 / 2, USDC));
    assertThat(m.owed("alice", t(14 * 86_400 + 10)).baseUnits())
        .isEqualTo(BigInteger.valueOf((14 * 86_400 + 10) * 900L - 10 * 900 / 2));
  }

  @Test
  void aClaimWhileAStreamRunsChangesNoOtherHoldersDueAndTheClaimantStillEndsWithItsExactPart() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", BigInteger.ONE, t(0));
    m.mint("bob", BigInteger.valueOf(3), t(0));
    m.openStream(1, BigInteger.valueOf(100), t(10), t(1_010), t(0));
    TokenAmount bobBefore = m.owed("bob", t(310));
    TokenAmount early = m.claim("alice", TokenAmount.ofBaseUnits(100_000, USDC), t(310));
    assertThat(early).isEqualTo(TokenAmount.ofBaseUnits(300 * 100 / 4, USDC));
    assertThat(m.owed("bob", t(310))).isEqualTo(bobBefore);
    assertThat(m.owed("alice", t(310)).isZero()).isTrue();
    // 100,000 units over 1 : 3 shares, whenever alice claimed
    TokenAmount rest = m.claim("alice", TokenAmount.ofBaseUnits(100_000, USDC), t(2_000));
    assertThat(early.plus(rest)).isEqualTo(TokenAmount.ofBaseUnits(25_000, USDC));
    assertThat(m.owed("bob", t(2_000))).isEqualTo(TokenAmount.ofBaseUnits(75_000, USDC));
  }

  @Test
  void debitsComeOutOfTheStreamBeforeItPaysAndNeverBeyondWhatItStillPays() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", BigInteger.TEN, t(0));
    int slot = m.openStream(7, BigInteger.valueOf(100), t(100), t(200), t(0));
    assertThat(m.debitStream(slot, 7, BigInteger.valueOf(2_000), t(50))).isEqualTo(BigInteger.valueOf(2_000));
    assertThat(m.debitStream(slot, 7, BigInteger.valueOf(99_999), t(50))).isEqualTo(BigInteger.valueOf(8_000));
    assertThat(m.debitStream(slot, 8, BigInteger.ONE, t(50))).isZero(); // another lease's id
    assertThat(m.owed("alice", t(300)).isZero()).isTrue();
  }

  @Test
  void incomeStreamedWhileNoShareExistsGoesToTheFirstHolders() {
    DistributorModel m = DistributorModel.create(USDC);
    m.openStream(1, BigInteger.valueOf(5), t(0), t(10), t(0));
    m.mint("alice", BigInteger.valueOf(3), t(20));
    assertThat(m.owed("alice", t(20))).isEqualTo(TokenAmount.ofBaseUnits(50, USDC));
    assertThat(m.claim("alice", TokenAmount.ofBaseUnits(50, USDC), t(21))).isEqualTo(TokenAmount.ofBaseUnits(50, USDC));
    assertThat(m.owed("alice", t(21)).isZero()).isTrue();
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() {
    DistributorModel m = DistributorModel.create(USDC);
    assertThatThrownBy(() -> m.deposit(TokenAmount.ofBaseUnits(1, USDC), t(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("amount");
    m.mint("alice", BigInteger.ONE, t(0));
    assertThatThrownBy(() -> m.transfer("alice", "bob", BigInteger.TWO, t(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("shares");
    assertThatThrownBy(() -> m.deposit(TokenAmount.ofBaseUnits(1, Token.of("DAI", 18)), t(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("payout token");
  }

  @Test
  void theSupplyAndTheCreditedIncomeStopAtTheirBoundsExactly() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", DistributorModel.MAX_SUPPLY.subtract(BigInteger.ONE), t(0));
    assertThatThrownBy(() -> m.mint("bob", BigInteger.TWO, t(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("shares");
    m.mint("bob", BigInteger.ONE, t(0));
    assertThat(m.totalShares()).isEqualTo(DistributorModel.MAX_SUPPLY);
    BigInteger cap = DistributorModel.MAX_CREDITED;
    m.deposit(TokenAmount.of(cap.subtract(BigInteger.valueOf(100)), USDC), t(1));
    // a stream counts in full when it opens: 101 units do not fit, 100 do
    assertThatThrownBy(() -> m.openStream(1, BigInteger.ONE, t(2), t(103), t(2)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("ratePerSecond");
    m.openStream(1, BigInteger.ONE, t(2), t(102), t(2));
    assertThat(m.credited()).isEqualTo(cap);
    assertThatThrownBy(() -> m.deposit(TokenAmount.ofBaseUnits(1, USDC), t(3)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("amount");
  }

  @Test
  void aMoveOfAFractionOfAShareRoundsBothSidesTowardsLessNeverMore() {
    DistributorModel m = DistributorModel.create(USDC);
    m.mint("alice", BigInteger.valueOf(3), t(0));
    m.deposit(TokenAmount.ofBaseUnits(1_000, USDC), t(1)); // points per share 1000 * 2^128 / 3, rounded up
    m.transfer("alice", "bob", BigInteger.ONE, t(2));
    // bob bought after the deposit: his points are slightly negative, he is owed nothing
    assertThat(m.owed("bob", t(2)).baseUnits()).isZero();
    assertThat(m.owed("alice", t(2)).baseUnits()).isEqualTo(BigInteger.valueOf(999));
    m.deposit(TokenAmount.ofBaseUnits(3, USDC), t(3));
    assertThat(m.owed("alice", t(3)).baseUnits().add(m.owed("bob", t(3)).baseUnits()))
        .isLessThanOrEqualTo(BigInteger.valueOf(1_003));
    // exactly 1 unit is bob's third of the 3; the rounding of his fractional purchase (under
    // 2^-110 units) keeps him just below it: the stated dust, never more than one unit
    assertThat(m.owed("bob", t(3)).baseUnits()).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void randomWholeShareMovesOweEachHolderItsExactEntitlementRoundedToAUnit() {
    runRandom(Seeds.seed("DistributorModelTest.random"), BigInteger.TEN.pow(18), BigInteger.ZERO);
  }

  @Test
  void randomMovesOfAnySizeOweEachHolderItsEntitlementWithinOneUnitOfDust() {
    runRandom(Seeds.seed("DistributorModelTest.randomDust"), BigInteger.ONE, BigInteger.ONE);
  }

  /**
   * Random shares, deposits, streams and moves of multiples of {@code unit} share base units;
   * each holder is owed between floor(exact) - dust and ceil(exact), all together at most the credits.
   */
  private static void runRandom(long seed, BigInteger unit, BigInteger dust) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int run = 0; run < 50; run++) {
      DistributorModel m = DistributorModel.create(USDC);
      Oracle o = new Oracle();
      long now = 0;
      BigInteger credited = BigInteger.ZERO;
      // plain share counts, never a power of two on purpose
      for (String h : HOLDERS) {
        BigInteger shares = BigInteger.valueOf(1 + rnd.nextInt(999)).multiply(BigInteger.valueOf(3)).multiply(unit);
        m.mint(h, shares, t(now));
        o.balances.put(h, shares);
      }
      List<long[]> streams = new ArrayList<>(); // {rate, start, end}
      for (int step = 0; step < 40; step++) {
        long next = now + 1 + rnd.nextInt(5_000);
        // the oracle credits each second's stream income at the balances held during it
        for (long[] s : streams) {
          long from = Math.max(now, s[1]);
          long to = Math.min(next, s[2]);
          if (to > from) {
            BigInteger amount = BigInteger.valueOf(s[0] * (to - from));
            o.credit(amount);
            credited = credited.add(amount);
          }
        }
        now = next;
        int op = rnd.nextInt(3);
        if (op == 0) {
          BigInteger amount = BigInteger.valueOf(1 + rnd.nextInt(1_000_000));
          m.deposit(TokenAmount.of(amount, USDC), t(now));
          o.credit(amount);
          credited = credited.add(amount);
        } else if (op == 1 && streams.size() < 4) {
          long rate = 1 + rnd.nextInt(10_000);
          long end = now + 1 + rnd.nextInt(50_000);
          m.openStream(streams.size() + 1, BigInteger.valueOf(rate), t(now), t(end), t(now));
          streams.add(new long[] {rate, now, end});
        } else {
          String from = HOLDERS.get(rnd.nextInt(3));
          String to = HOLDERS.get(rnd.nextInt(3));
          BigInteger bal = o.balances.get(from);
          if (!from.equals(to) && bal.compareTo(unit) >= 0) {
            BigInteger amount = BigInteger.valueOf(1 + rnd.nextLong(bal.divide(unit).longValueExact())).multiply(unit);
            m.transfer(from, to, amount, t(now));
            o.balances.put(from, bal.subtract(amount));
            o.balances.put(to, o.balances.get(to).add(amount));
          }
        }
        m.accrue(t(now));
        BigInteger sum = BigInteger.ZERO;
        for (String h : HOLDERS) {
          BigInteger owed = m.owed(h, t(now)).baseUnits();
          sum = sum.add(owed);
          assertThat(owed).as("seed %d run %d step %d: %s", seed, run, step, h)
              .isBetween(o.floor(h).subtract(dust), o.ceil(h));
        }
        assertThat(sum).as("seed %d run %d step %d: all owed within what was credited", seed, run, step)
            .isLessThanOrEqualTo(credited);
      }
    }
  }
}
