package org.computerwa.mining.sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.computerwa.mining.TestData.hex;

import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Sha256HasherTest {

  static Stream<Arguments> coreMidstates() {
    return TestData.csv("sha256/core_selftest_midstates.csv").stream()
        .map(r -> Arguments.of(Integer.parseInt(r.get("n_blocks")), r.get("input_hex"), r.get("state_hex")));
  }

  @ParameterizedTest(name = "{0} blocks")
  @MethodSource("coreMidstates")
  void exposesTheMidstateAfterWholeBlocks(int blocks, String input, String state) {
    byte[] data = hex(input);
    int[] midstate = Sha256.newHasher().update(data, 0, 64 * blocks).midstate();
    assertThat(words(midstate)).isEqualTo(state);
  }

  @Test
  void refusesAMidstateInsideABlock() {
    Sha256Hasher hasher = Sha256.newHasher().update(new byte[65]);
    assertThatThrownBy(hasher::midstate)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("length")
        .hasMessageContaining("65");
  }

  @Test
  void resetsAfterDigest() {
    Sha256Hasher hasher = Sha256.newHasher();
    byte[] first = hasher.update(new byte[] {1, 2, 3}).digest();
    assertThat(hasher.length()).isZero();
    assertThat(hasher.update(new byte[] {1, 2, 3}).digest()).isEqualTo(first);
  }

  static String words(int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int x : w) {
      sb.append(String.format("%08x", x));
    }
    return sb.toString();
  }
}
