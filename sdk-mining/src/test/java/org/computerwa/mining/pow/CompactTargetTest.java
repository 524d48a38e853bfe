package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompactTargetTest {

  static Stream<Map<String, String>> coreCompactCases() {
    return TestData.csv("consensus/core_compact_cases.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coreCompactCases")
  void decodesAndEncodesExactlyLikeBitcoinCore(Map<String, String> row) {
    String compact = row.get("compact_hex");
    if (compact.isEmpty()) {
      // Encoding direction: the value must not produce a mantissa with the sign bit set.
      int encoded = CompactTarget.encode(new BigInteger(row.get("target_hex"), 16));
      assertThat(String.format("%08x", encoded)).isEqualTo(row.get("recompact_hex"));
      return;
    }
    CompactTarget t = CompactTarget.parseHex(compact);
    assertThat(t.negative()).isEqualTo(Boolean.parseBoolean(row.get("negative")));
    assertThat(t.overflow()).isEqualTo(Boolean.parseBoolean(row.get("overflow")));
    if (t.overflow()) {
      assertThat(row.get("target_hex")).isEmpty();
      assertThat(t.isValid()).isFalse();
      assertThatThrownBy(t::recompact).isInstanceOf(ValidationException.class);
    } else {
      assertThat(t.valueHex()).isEqualTo(row.get("target_hex"));
      assertThat(String.format("%08x", t.recompact())).isEqualTo(row.get("recompact_hex"));
    }
  }

  @Test
  void zeroNegativeAndOverflowingTargetsHaveNoWork() {
    assertThat(CompactTarget.of(0).work()).isZero();
    assertThat(CompactTarget.of(0x04923456).work()).isZero();
    assertThat(CompactTarget.of(0xff123456).work()).isZero();
  }

  @Test
  void workOfDifficultyOneIsTheKnownValue() {
    // floor(2^256 / (0xffff * 2^208 + 1)) = 0x100010001
    assertThat(CompactTarget.of(0x1d00ffff).work()).isEqualTo(new BigInteger("100010001", 16));
  }

  @Test
  void encodingANegativeOrTooLargeValueIsRejected() {
    assertThatThrownBy(() -> CompactTarget.encode(BigInteger.valueOf(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("value");
    assertThatThrownBy(() -> CompactTarget.encode(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void parsingRejectsNonHex() {
    assertThatThrownBy(() -> CompactTarget.parseHex("1d00fffg"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bits")
        .hasMessageContaining("1d00fffg");
  }
}
