package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.computerwa.mining.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PowRulesTest {

  static Stream<Map<String, String>> coreNextWorkCases() {
    return TestData.csv("consensus/core_next_work_cases.csv").stream();
  }

  static Stream<Map<String, String>> corePermittedTransitionCases() {
    return TestData.csv("consensus/core_permitted_transition_cases.csv").stream();
  }

  static Stream<Map<String, String>> coreCheckPowCases() {
    return TestData.csv("consensus/core_check_pow_cases.csv").stream();
  }

  static Stream<Map<String, String>> retargetPeriods() {
    return TestData.csv("headers/retarget_periods.csv").stream();
  }

  private static int bits(String hex) {
    return Integer.parseUnsignedInt(hex, 16);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coreNextWorkCases")
  void calculatesNextWorkLikeBitcoinCore(Map<String, String> row) {
    int last = bits(row.get("last_bits_hex"));
    int next = PowRules.calculateNextWorkRequired(Network.MAINNET,
        Long.parseLong(row.get("first_block_time")), last, Long.parseLong(row.get("last_block_time")), last);
    assertThat(String.format("%08x", next)).isEqualTo(row.get("expected_next_bits_hex"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corePermittedTransitionCases")
  void permitsDifficultyTransitionsLikeBitcoinCore(Map<String, String> row) {
    boolean permitted = PowRules.permittedTransition(Network.MAINNET, Long.parseLong(row.get("height")),
        bits(row.get("old_bits_hex")), bits(row.get("new_bits_hex")));
    assertThat(permitted).isEqualTo(Boolean.parseBoolean(row.get("expected_permitted")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coreCheckPowCases")
  void rejectsCoreCheckProofOfWorkEdgeCasesWithTheirReason(Map<String, String> row) {
    RejectReason expected = row.get("case").endsWith("negative_target") ? RejectReason.BITS_NEGATIVE
        : row.get("case").endsWith("overflow_target") ? RejectReason.BITS_OVERFLOW : RejectReason.HIGH_HASH;
    assertThat(Boolean.parseBoolean(row.get("expected_valid"))).isFalse();
    assertThat(PowRules.checkProofOfWork(Network.MAINNET, new BigInteger(row.get("hash_hex"), 16),
        bits(row.get("nbits_hex")))).contains(expected);
  }

  @ParameterizedTest(name = "{0} next height {5}")
  @MethodSource("retargetPeriods")
  void reproducesRealMainnetRetargets(Map<String, String> row) {
    BlockHeader first = BlockHeader.parseHex(row.get("first_header_hex"));
    BlockHeader last = BlockHeader.parseHex(row.get("last_header_hex"));
    BlockHeader next = BlockHeader.parseHex(row.get("next_header_hex"));
    assertThat(next.prevBlockHash()).isEqualTo(last.hash());
    int computed = PowRules.calculateNextWorkRequired(Network.MAINNET, first.time(), first.bits(), last.time(), last.bits());
    assertThat(String.format("%08x", computed)).isEqualTo(row.get("expected_next_bits_hex"));
    assertThat(next.bits()).isEqualTo(computed);
    long nextHeight = Long.parseLong(row.get("next_height"));
    assertThat(PowRules.permittedTransition(Network.MAINNET, nextHeight, last.bits(), next.bits())).isTrue();
    int cmp = next.target().value().compareTo(last.target().value());
    assertThat(cmp > 0 ? "easier" : "harder").isEqualTo(row.get("direction"));
  }

  @Test
  void aRetargetOutsideTheFourfoldClampIsNotPermitted() {
    int old = 0x1c05a3f4;
    BigInteger tooEasy = CompactTarget.of(old).value().multiply(BigInteger.valueOf(5));
    assertThat(PowRules.permittedTransition(Network.MAINNET, 68544, old, CompactTarget.encode(tooEasy))).isFalse();
    assertThat(PowRules.permittedTransition(Network.MAINNET, 68545, old, old + 1)).isFalse();
    assertThat(PowRules.permittedTransition(Network.TESTNET3, 68545, old, old + 1)).isTrue();
  }

  @Test
  void bip94RetargetsFromTheFirstBlockOfThePeriod() {
    long first = 1_700_000_000L;
    long last = first + Network.TESTNET4.targetTimespanSeconds();
    int firstBits = 0x1c05a3f4;
    int lastBits = Network.TESTNET4.powLimitBits(); // a minimum-difficulty block ends the period
    assertThat(PowRules.calculateNextWorkRequired(Network.TESTNET4, first, firstBits, last, lastBits)).isEqualTo(firstBits);
    assertThat(PowRules.calculateNextWorkRequired(Network.TESTNET3, first, firstBits, last, lastBits)).isEqualTo(lastBits);
  }

  @Test
  void regtestNeverRetargets() {
    assertThat(PowRules.calculateNextWorkRequired(Network.REGTEST, 0, 0x207fffff, 10, 0x207fffff)).isEqualTo(0x207fffff);
  }
}
