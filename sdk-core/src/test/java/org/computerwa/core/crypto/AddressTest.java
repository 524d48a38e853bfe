package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
      })
  void checksumMatchesEip55Examples(String checksummed) {
    Address fromLower = Address.fromHex(checksummed.toLowerCase(Locale.ROOT));
    assertThat(fromLower.toChecksumHex()).isEqualTo(checksummed);
    assertThat(Address.fromHex(checksummed)).isEqualTo(fromLower);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      })
  void mixedCaseWithWrongChecksumIsRejected(String bad) {
    assertThatThrownBy(() -> Address.fromHex(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EIP-55");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
  void malformedTextIsRejectedWithTheField(String bad) {
    assertThatThrownBy(() -> Address.fromHex(bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));
  }
}
