package org.computerwa.core.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

class WaterfallTest {
  private static final Token USDC = Token.of("USDC", 6);

  @Test
  void paysTheOperatorThenTheLenderThenTheHolders() {
    Waterfall waterfall = Waterfall.builder().operatorFeeBps(1_500).debtService(TokenAmount.parse("2000", USDC)).build();
    Distribution d = waterfall.distribute(TokenAmount.parse("10000", USDC));
    assertThat(d.operatorFee()).isEqualTo(TokenAmount.parse("1500", USDC));
    assertThat(d.debtService()).isEqualTo(TokenAmount.parse("2000", USDC));
    assertThat(d.holders()).isEqualTo(TokenAmount.parse("6500", USDC));
  }

  @Test
  void theLenderTakesOnlyWhatIsLeftAfterTheFee() {
    Waterfall waterfall = Waterfall.builder().operatorFeeBps(1_000).debtService(TokenAmount.parse("2000", USDC)).build();
    Distribution d = waterfall.distribute(TokenAmount.parse("1000", USDC));
    assertThat(d.operatorFee()).isEqualTo(TokenAmount.parse("100", USDC));
    assertThat(d.debtService()).isEqualTo(TokenAmount.parse("900", USDC));
    assertThat(d.holders().isZero()).isTrue();
  }

  @Test
  void withoutAPledgeHoldersGetEverythingAfterTheFeeRoundedInTheirFavour() {
    Distribution d = Waterfall.builder().operatorFeeBps(333).build().distribute(TokenAmount.ofBaseUnits(100, USDC));
    assertThat(d.operatorFee().baseUnits()).isEqualTo(3); // floor(100 * 333 / 10000)
    assertThat(d.debtService().isZero()).isTrue();
    assertThat(d.holders().baseUnits()).isEqualTo(97);
  }

  @Test
  void distributionsAlwaysSumToTheIncome() {
    long seed = Seeds.seed("WaterfallTest.distributionSumsExact");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      Waterfall.Builder builder = Waterfall.builder().operatorFeeBps(random.nextInt(0, 10_001));
      if (random.nextBoolean()) {
        builder.debtService(TokenAmount.ofBaseUnits(random.nextLong(0, 1_000_000_000_000L), USDC));
      }
      TokenAmount income = TokenAmount.of(BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE)), USDC);
      Distribution d = builder.build().distribute(income);
      assertThat(d.operatorFee().plus(d.debtService()).plus(d.holders())).as("seed %d", seed).isEqualTo(income);
    }
  }

  @Test
  void refusesAFeeAboveOneHundredPercentAndMixedTokens() {
    assertThatThrownBy(() -> Waterfall.builder().operatorFeeBps(10_001).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("operatorFeeBps"));
    Waterfall pledged = Waterfall.builder().operatorFeeBps(0).debtService(TokenAmount.ofBaseUnits(1, Token.of("DAI", 18))).build();
    assertThatThrownBy(() -> pledged.distribute(TokenAmount.ofBaseUnits(10, USDC))).isInstanceOf(MixedTokenException.class);
  }
}
