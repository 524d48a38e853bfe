package org.computerwa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Keccak256Test {

  /** Published Keccak-256 vectors (original padding, as Ethereum uses it). */
  @ParameterizedTest(name = "keccak256(\"{0}\")")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        "abc | 0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        "'The quick brown fox jumps over the lazy dog' |"
            + " 0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
        "transfer(address,uint256) | 0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b"
      })
  void hashesMatchPublishedVectors(String input, String expected) {
    assertThat(Keccak256.hashHex(input.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }
}
