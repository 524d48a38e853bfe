package org.computerwa.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

class ComputeRwaJsonTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();
  private static final Token USDC = Token.builder().symbol("USDC").decimals(6)
      .address(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")).build();

  @Test
  void writesMoneyAsBaseUnitStringsAndReadsItBack() {
    TokenAmount amount = TokenAmount.parse("12.5", USDC);
    String text = JSON.write(amount);
    assertThat(text).isEqualTo(
        "{\"token\":{\"symbol\":\"USDC\",\"decimals\":6,\"address\":\"0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48\"},"
            + "\"baseUnits\":\"12500000\"}");
    assertThat(JSON.read(text, TokenAmount.class)).isEqualTo(amount);
    assertThat(JSON.read(text.getBytes(StandardCharsets.UTF_8), TokenAmount.class)).isEqualTo(amount);
  }

  @Test
  void omitsAnAbsentAddress() {
    assertThat(JSON.write(Token.of("USD", 2))).isEqualTo("{\"symbol\":\"USD\",\"decimals\":2}");
  }

  @Test
  void roundTripsARate() {
    Rate rate = Rate.of(BigInteger.valueOf(385), USDC);
    assertThat(JSON.read(JSON.write(rate), Rate.class)).isEqualTo(rate);
  }

  @Test
  void canonicalFormSortsMembersAndDropsWhitespace() {
    assertThat(JSON.canonical(TokenAmount.ofBaseUnits(7, Token.of("USD", 2))))
        .isEqualTo("{\"baseUnits\":\"7\",\"token\":{\"decimals\":2,\"symbol\":\"USD\"}}");
    assertThat(JSON.canonicalize("{ \"b\" : [1, true, null], \"a\":\"\\u00e9\\n\\u0001\", \"\\u20ac\":0, \"\\ud83d\\ude00\":1 }"))
        .isEqualTo("{\"a\":\"\u00e9\\n\\u0001\",\"b\":[1,true,null],\"\u20ac\":0,\"\ud83d\ude00\":1}");
  }

  @Test
  void canonicalFormRefusesNumbersItCannotRenderUnambiguously() {
    assertThatThrownBy(() -> JSON.canonicalize("{\"x\":[1.5]}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("x[0]"));
    assertThatThrownBy(() -> JSON.canonicalize("{\"x\":9007199254740993}"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aNullDocumentIsNotAValue() {
    assertThatThrownBy(() -> JSON.read("null", Token.class))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("$"));
  }

  @Test
  void limitsAreConfigurable() {
    ComputeRwaJson small = ComputeRwaJson.builder().maxDocumentChars(10).build();
    assertThatThrownBy(() -> small.read("{\"symbol\":\"USD\",\"decimals\":2}", Token.class))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("$"));
    assertThatThrownBy(() -> ComputeRwaJson.builder().maxDepth(0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxDepth"));
  }
}
