package org.computerwa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  /** The checksummed examples published with EIP-55. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void checksumsMatchTheEip55Examples(String checksummed) {
    String lower = "0x" + checksummed.substring(2).toLowerCase(Locale.ROOT);
    String upper = "0x" + checksummed.substring(2).toUpperCase(Locale.ROOT);
    assertThat(Address.of(lower).toString()).isEqualTo(checksummed);
    assertThat(Address.of(upper).toString()).isEqualTo(checksummed);
    assertThat(Address.of(checksummed).toLowerHex()).isEqualTo(lower);
  }

  @Test
  void mixedCaseWithAWrongChecksumIsRejected() {
    assertThatThrownBy(() -> Address.of("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EIP-55")
        .hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0x", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae",
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedd", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"})
  void malformedTextIsRejectedNamingTheField(String text) {
    assertThatThrownBy(() -> Address.of(text))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("address");
          assertThat(e.rule()).contains("40 hexadecimal digits");
        });
  }

  @Test
  void theZeroAddressIsRecognised() {
    assertThat(Address.of("0x0000000000000000000000000000000000000000").isZero()).isTrue();
    assertThat(Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").isZero()).isFalse();
  }
}
