package org.computerwa.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.json.ComputeRwaJson;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTest {

  @Test
  void buildsWithAnOptionalAddress() {
    Token usdc = Token.builder().symbol("USDC").decimals(6)
        .address(Address.fromHex("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48")).build();
    assertThat(usdc.address()).hasValue(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
    assertThat(Token.of("USD", 2).address()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 37, 255})
  void decimalsOutsideZeroToThirtySixAreRejected(int decimals) {
    assertThatThrownBy(() -> Token.of("X", decimals))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("decimals");
          assertThat(e.rejectedValue()).isEqualTo(String.valueOf(decimals));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " USDC", "US DC", "-USDC", "ABCDEFGHIJKLMNOPQ", "US\u00d0"})
  void malformedSymbolsAreRejected(String symbol) {
    assertThatThrownBy(() -> Token.of(symbol, 6))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("symbol"));
  }

  @Test
  void missingAttributesAreReportedByName() {
    assertThatThrownBy(() -> Token.builder().decimals(6).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.rule()).isEqualTo("is required");
        });
  }

  @Test
  void aMissingNumberIsReportedByNameInJsonAsInTheBuilder() {
    assertThatThrownBy(() -> ComputeRwaJson.standard().read("{\"symbol\":\"USDC\"}", Token.class))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("decimals");
          assertThat(e.rule()).isEqualTo("is required");
        });
    assertThatThrownBy(() -> Token.builder().symbol("USDC").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("decimals"));
  }

  @Test
  void theCanonicalConstructorChecksWhatTheBuilderChecks() {
    assertThatThrownBy(() -> new Token("not a symbol", 6, Optional.empty()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("symbol"));
    assertThatThrownBy(() -> new Token("USDC", 37, Optional.empty()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("decimals"));
    assertThat(new Token("USDC", 6, Optional.empty())).isEqualTo(Token.of("USDC", 6));
  }

  @Test
  void fromCopiesEveryComponentAndTheCopyIsEqual() {
    Token usdc = Token.builder().symbol("USDC").decimals(6)
        .address(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")).build();
    assertThat(Token.builder().from(usdc).build()).isEqualTo(usdc).hasSameHashCodeAs(usdc);
    assertThat(Token.builder().from(usdc).address(Optional.empty()).build().address()).isEmpty();
  }

  @Test
  void theZeroAddressIsNotATokenAddress() {
    assertThatThrownBy(() -> Token.builder().symbol("X").decimals(1)
            .address(Address.fromHex("0x0000000000000000000000000000000000000000")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));
  }
}
