package org.computerwa.mining.sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.mining.TestData.hex;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.computerwa.mining.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Sha256Test {

  static List<Arguments> nistShortMessages() {
    return NistVectors.messages("SHA256ShortMsg.rsp");
  }

  static List<Arguments> nistLongMessages() {
    return NistVectors.messages("SHA256LongMsg.rsp");
  }

  @ParameterizedTest(name = "Len = {0}")
  @MethodSource("nistShortMessages")
  void hashesNistShortMessages(int bits, String message, String digest) {
    assertThat(hex(Sha256.hash(hex(message)))).isEqualTo(digest);
  }

  @ParameterizedTest(name = "Len = {0}")
  @MethodSource("nistLongMessages")
  void hashesNistLongMessages(int bits, String message, String digest) {
    assertThat(hex(Sha256.hash(hex(message)))).isEqualTo(digest);
  }

  @Test
  void runsTheNistMonteCarloChainThroughEveryCheckpoint() {
    List<String[]> entries = NistVectors.monte();
    assertThat(entries.get(0)[0]).isEqualTo("seed");
    byte[] seed = hex(entries.get(0)[1]);
    Sha256Hasher hasher = Sha256.newHasher();
    int checked = 0;
    int next = 1;
    for (int j = 0; next < entries.size(); j++) {
      byte[] md0 = seed;
      byte[] md1 = seed;
      byte[] md2 = seed;
      for (int i = 3; i < 1003; i++) {
        byte[] mi = hasher.update(md0).update(md1).update(md2).digest();
        md0 = md1;
        md1 = md2;
        md2 = mi;
      }
      seed = md2;
      if (Integer.parseInt(entries.get(next)[0]) == j) {
        assertThat(hex(seed)).as("COUNT = %d", j).isEqualTo(entries.get(next)[1]);
        next++;
        checked++;
      }
    }
    assertThat(checked).isEqualTo(entries.size() - 1).isGreaterThan(5);
  }

  static Stream<Arguments> summaHash256() {
    return TestData.csv("sha256/summa_hash256.csv").stream()
        .map(r -> Arguments.of(r.get("message_hex"), r.get("double_sha256_hex")));
  }

  @ParameterizedTest
  @MethodSource("summaHash256")
  void doubleHashesSummaVectors(String message, String expected) {
    assertThat(hex(Sha256.doubleHash(hex(message)))).isEqualTo(expected);
  }

  static Stream<Arguments> coreSha256d64() {
    return TestData.csv("sha256/core_selftest_sha256d64.csv").stream()
        .map(r -> Arguments.of(r.get("index"), r.get("message_hex"), r.get("double_sha256_hex")));
  }

  @ParameterizedTest(name = "index {0}")
  @MethodSource("coreSha256d64")
  void doubleHashesBitcoinCoreSelfTestMessages(String index, String message, String expected) {
    assertThat(hex(Sha256.doubleHash(hex(message)))).isEqualTo(expected);
  }

  @Test
  void streamingInRandomPiecesEqualsOneShot() {
    long seed = 0x5eed_2026L;
    SplittableRandom random = new SplittableRandom(seed);
    Sha256Hasher hasher = Sha256.newHasher();
    for (int round = 0; round < 200; round++) {
      byte[] message = new byte[random.nextInt(0, 700)];
      random.nextBytes(message);
      int pos = 0;
      while (pos < message.length) {
        int n = random.nextInt(0, message.length - pos + 1);
        if (n == 1) {
          hasher.update(message[pos]);
        } else {
          hasher.update(message, pos, n);
        }
        pos += n;
      }
      assertThat(hasher.digest()).as("seed %d round %d", seed, round).isEqualTo(Sha256.hash(message));
    }
  }

  @Test
  void hashesARangeOfALargerArray() {
    Map<String, String> row = TestData.csv("sha256/summa_hash256.csv").get(1);
    byte[] padded = hex("ffff" + row.get("message_hex") + "ff");
    assertThat(hex(Sha256.doubleHash(padded, 2, 3))).isEqualTo(row.get("double_sha256_hex"));
  }
}
