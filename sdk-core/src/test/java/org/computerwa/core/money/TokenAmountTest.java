package org.computerwa.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAmountTest {
  private static final Token USDC = Token.of("USDC", 6);
  private static final Token DAI = Token.of("DAI", 18);
  private static final Token SATS = Token.of("SAT", 0);

  @ParameterizedTest(name = "{0} USDC = {1} base units, formatted {2}")
  @CsvSource({
    "0, 0, 0",
    "0.000001, 1, 0.000001",
    "12.5, 12500000, 12.5",
    "12.500000, 12500000, 12.5",
    "1000, 1000000000, 1000",
    "007.25, 7250000, 7.25",
    "123456789012345678901234567890.123456, 123456789012345678901234567890123456, 123456789012345678901234567890.123456"
  })
  void parsesAndFormatsDecimalsExactly(String text, String baseUnits, String formatted) {
    TokenAmount amount = TokenAmount.parse(text, USDC);
    assertThat(amount.baseUnits()).isEqualTo(new BigInteger(baseUnits));
    assertThat(amount.toDecimalString()).isEqualTo(formatted);
    assertThat(TokenAmount.parse(formatted, USDC)).isEqualTo(amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", "1e6", "1E6", "1.5e2", ".5", "5.", " 1", "1 ", "1,5", "NaN", "Infinity", "0x10", "", "1.0000001", "١"})
  void rejectsAnythingButAPlainDecimalWithinTheTokensPrecision(String text) {
    assertThatThrownBy(() -> TokenAmount.parse(text, USDC))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
  }

  @Test
  void aTokenWithoutDecimalsTakesNoFraction() {
    assertThat(TokenAmount.parse("21", SATS).baseUnits()).isEqualTo(21);
    assertThatThrownBy(() -> TokenAmount.parse("21.0", SATS))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 0 fraction digits");
  }

  @Test
  void amountsBeyondUint256AreRejected() {
    assertThat(TokenAmount.of(TokenAmount.MAX_BASE_UNITS, DAI).baseUnits()).isEqualTo(TokenAmount.MAX_BASE_UNITS);
    assertThatThrownBy(() -> TokenAmount.of(TokenAmount.MAX_BASE_UNITS.add(BigInteger.ONE), DAI))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2^256");
    assertThatThrownBy(() -> TokenAmount.of(TokenAmount.MAX_BASE_UNITS, DAI).plus(TokenAmount.ofBaseUnits(1, DAI)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void negativeBaseUnitsAreRejected() {
    assertThatThrownBy(() -> TokenAmount.ofBaseUnits(-1, USDC))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("baseUnits");
          assertThat(e.rejectedValue()).isEqualTo("-1");
          assertThat(e.rule()).isEqualTo("must not be negative");
        });
  }

  @Test
  void arithmeticRefusesMixedTokens() {
    TokenAmount usdc = TokenAmount.ofBaseUnits(5, USDC);
    TokenAmount dai = TokenAmount.ofBaseUnits(5, DAI);
    assertThatThrownBy(() -> usdc.plus(dai)).isInstanceOfSatisfying(MixedTokenException.class, e -> {
      assertThat(e.expected()).isEqualTo(USDC);
      assertThat(e.actual()).isEqualTo(DAI);
      assertThat(e.field()).isEqualTo("token");
    });
    assertThatThrownBy(() -> usdc.minus(dai)).isInstanceOf(MixedTokenException.class);
    assertThatThrownBy(() -> usdc.compareTo(dai)).isInstanceOf(MixedTokenException.class);
  }

  @Test
  void tokensWithTheSameSymbolButAnotherAddressDoNotMix() {
    Token bridged = Token.builder().symbol("USDC").decimals(6)
        .address(org.computerwa.core.crypto.Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")).build();
    assertThatThrownBy(() -> TokenAmount.zero(USDC).plus(TokenAmount.zero(bridged)))
        .isInstanceOf(MixedTokenException.class);
  }

  @Test
  void subtractingMoreThanTheAmountIsRejectedButSaturatingMinusStopsAtZero() {
    TokenAmount three = TokenAmount.ofBaseUnits(3, USDC);
    TokenAmount five = TokenAmount.ofBaseUnits(5, USDC);
    assertThatThrownBy(() -> three.minus(five)).isInstanceOf(ValidationException.class).hasMessageContaining("must not exceed");
    assertThat(three.saturatingMinus(five).isZero()).isTrue();
    assertThat(five.saturatingMinus(three)).isEqualTo(TokenAmount.ofBaseUnits(2, USDC));
  }

  @Test
  void formattingThenParsingReturnsTheSameAmountForRandomValues() {
    long seed = Seeds.seed("TokenAmountTest.formatThenParse");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      Token token = Token.of("T", random.nextInt(0, Token.MAX_DECIMALS + 1));
      BigInteger units = new BigInteger(random.nextInt(1, 256), new java.util.Random(random.nextLong()));
      TokenAmount amount = TokenAmount.of(units, token);
      assertThat(TokenAmount.parse(amount.toDecimalString(), token))
          .as("seed %d, %s", seed, amount)
          .isEqualTo(amount);
    }
  }
}
