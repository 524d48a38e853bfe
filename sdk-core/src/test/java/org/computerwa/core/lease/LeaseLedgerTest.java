package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

class LeaseLedgerTest {
  private static final LeaseTerms TERMS = Leases.terms(1_000, Duration.ofDays(30));
  private static final Instant START = TERMS.start();

  private static TokenAmount usdc(long units) {
    return TokenAmount.ofBaseUnits(units, Leases.USDC);
  }

  @Test
  void accruesNothingBeforeTheStartAndNothingMoreAfterTheEnd() {
    LeaseLedger ledger = LeaseLedger.open(TERMS);
    assertThat(ledger.accruedAt(START.minusSeconds(100)).isZero()).isTrue();
    assertThat(ledger.accruedAt(START.plusSeconds(60))).isEqualTo(usdc(60_000));
    assertThat(ledger.accruedAt(TERMS.end().plusSeconds(86_400))).isEqualTo(TERMS.totalRent());
  }

  @Test
  void settlingPaysAccruedRentAsFarAsTheEscrowReaches() {
    LeaseLedger ledger = LeaseLedger.open(TERMS).deposit(usdc(100_000));
    LeaseLedger settled = ledger.settle(START.plusSeconds(40));
    assertThat(settled.paid()).isEqualTo(usdc(40_000));
    assertThat(settled.outstandingAt(START.plusSeconds(40)).isZero()).isTrue();
    assertThat(settled.escrowBalance()).isEqualTo(usdc(60_000));
    LeaseLedger drained = settled.settle(START.plusSeconds(500));
    assertThat(drained.paid()).isEqualTo(usdc(100_000));
    assertThat(drained.outstandingAt(START.plusSeconds(500))).isEqualTo(usdc(400_000));
    assertThat(drained.shortfallAt(START.plusSeconds(500))).isEqualTo(usdc(400_000));
    assertThat(drained.settle(START.plusSeconds(10))).isSameAs(drained);
  }

  @Test
  void runwayEndsWhereTheDepositStopsCoveringTheRent() {
    LeaseLedger ledger = LeaseLedger.open(TERMS).deposit(usdc(3_600_500));
    assertThat(ledger.escrowCoveredUntil()).isEqualTo(START.plusSeconds(3_600));
    assertThat(ledger.runwayAt(START)).isEqualTo(Duration.ofHours(1));
    assertThat(ledger.runwayAt(START.plusSeconds(3_000))).isEqualTo(Duration.ofSeconds(600));
    assertThat(ledger.runwayAt(START.plusSeconds(7_200))).isEqualTo(Duration.ZERO);
    LeaseLedger funded = LeaseLedger.open(TERMS).deposit(TERMS.totalRent().plus(usdc(1)));
    assertThat(funded.escrowCoveredUntil()).isEqualTo(TERMS.end());
  }

  @Test
  void runwayIsConsistentWithAccrualForRandomDepositsAndTimes() {
    long seed = Seeds.seed("LeaseLedgerTest.runwayConsistentWithAccrual");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      LeaseTerms terms = Leases.terms(random.nextLong(1, 1_000_000), Duration.ofSeconds(random.nextLong(1, 400L * 86_400)));
      LeaseLedger ledger = LeaseLedger.open(terms).deposit(usdc(random.nextLong(0, Long.MAX_VALUE / 2)));
      Instant t = terms.start().plusSeconds(random.nextLong(-86_400, terms.term().getSeconds() + 86_400))
          .plusNanos(random.nextInt(1_000_000_000));
      Instant exhausted = t.plus(ledger.runwayAt(t));
      String context = "seed " + seed + ", " + terms.rate() + ", deposit " + ledger.deposited() + ", t " + t;
      assertThat(ledger.accruedAt(exhausted)).as(context).isLessThanOrEqualTo(ledger.deposited());
      if (ledger.escrowCoveredUntil().isBefore(terms.end())) {
        assertThat(ledger.accruedAt(ledger.escrowCoveredUntil().plusSeconds(1))).as(context)
            .isGreaterThan(ledger.deposited());
        if (!t.isAfter(ledger.escrowCoveredUntil())) {
          assertThat(exhausted).as(context).isEqualTo(ledger.escrowCoveredUntil());
        }
      } else {
        assertThat(ledger.accruedAt(terms.end())).as(context).isLessThanOrEqualTo(ledger.deposited());
      }
    }
  }

  @Test
  void accrualIsAdditiveOverAdjacentIntervalsOfTheLease() {
    long seed = Seeds.seed("LeaseLedgerTest.accrualAdditive");
    SplittableRandom random = new SplittableRandom(seed);
    LeaseLedger ledger = LeaseLedger.open(TERMS);
    for (int i = 0; i < 2_000; i++) {
      Instant a = START.plusNanos(random.nextLong(-86_400_000_000_000L, 40L * 86_400_000_000_000L));
      Instant b = a.plusNanos(random.nextLong(0, 10L * 86_400_000_000_000L));
      TokenAmount first = ledger.accruedAt(b).minus(ledger.accruedAt(a));
      Instant c = b.plusNanos(random.nextLong(0, 10L * 86_400_000_000_000L));
      TokenAmount second = ledger.accruedAt(c).minus(ledger.accruedAt(b));
      assertThat(first.plus(second)).as("seed %d, %s..%s..%s", seed, a, b, c)
          .isEqualTo(ledger.accruedAt(c).minus(ledger.accruedAt(a)));
    }
  }

  @Test
  void slaCreditIsComputedOverTheRentOfThePeriodWithinTheLease() {
    LeaseTerms terms = Leases.terms(3_858, Duration.ofDays(30));
    LeaseLedger ledger = LeaseLedger.open(terms);
    assertThat(ledger.slaCredit(terms.start(), terms.end(), 9_870).baseUnits()).isEqualTo(73_055_088L);
    assertThat(ledger.slaCredit(terms.start().minusSeconds(86_400), terms.end().plusSeconds(86_400), 9_870))
        .isEqualTo(ledger.slaCredit(terms.start(), terms.end(), 9_870));
    assertThatThrownBy(() -> ledger.slaCredit(terms.end(), terms.start(), 9_870))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodEnd"));
  }

  @Test
  void refusesDepositsInAnotherTokenAndPaymentsBeyondTheDeposit() {
    LeaseLedger ledger = LeaseLedger.open(TERMS);
    assertThatThrownBy(() -> ledger.deposit(TokenAmount.ofBaseUnits(1, Token.of("DAI", 18))))
        .isInstanceOf(MixedTokenException.class);
    assertThatThrownBy(() -> LeaseLedger.builder().from(ledger).paid(usdc(1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("paid"));
  }
}
