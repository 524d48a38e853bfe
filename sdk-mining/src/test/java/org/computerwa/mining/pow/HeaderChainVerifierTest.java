package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.TestData;
import org.computerwa.mining.sha256.Sha256Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderChainVerifierTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
  private static final HeaderChainVerifier MAINNET =
      HeaderChainVerifier.builder().network(Network.MAINNET).clock(NOW).build();
  private static final HeaderChainVerifier REGTEST =
      HeaderChainVerifier.builder().network(Network.REGTEST).clock(NOW).build();
  private static final BigInteger DIFFICULTY_1 = CompactTarget.of(0x1d00ffff).value();

  private static List<Map<String, String>> chainRows(String chain, String kind) {
    return TestData.csv("headers/mainnet_header_chains.csv").stream()
        .filter(r -> r.get("chain_id").equals(chain) && r.get("kind").equals(kind))
        .collect(Collectors.toList());
  }

  private static List<BlockHeader> headers(List<Map<String, String>> rows) {
    return rows.stream().map(r -> BlockHeader.parseHex(r.get("header_hex"))).collect(Collectors.toList());
  }

  private static HeaderEntry entry(Map<String, String> row) {
    byte[] bytes = TestData.hex(row.get("header_hex"));
    return row.get("height").isEmpty() ? HeaderEntry.withoutHeight(bytes) : HeaderEntry.of(Long.parseLong(row.get("height")), bytes);
  }

  @Test
  void realMainnetChainsVerifyAndSumTheirWork() {
    for (String chain : List.of("A", "B")) {
      List<Map<String, String>> rows = chainRows(chain, "main");
      List<BlockHeader> headers = headers(rows);
      ChainVerification r = MAINNET.verify(Long.parseLong(rows.get(0).get("height")), headers);
      assertThat(r.failures()).as("chain %s", chain).isEmpty();
      assertThat(r.valid()).isTrue();
      assertThat(r.headerCount()).isEqualTo(19);
      assertThat(r.tipHash()).hasToString(rows.get(rows.size() - 1).get("block_hash_hex"));
      BigInteger work = headers.stream().map(h -> h.target().work()).reduce(BigInteger.ZERO, BigInteger::add);
      assertThat(r.chainWork()).isEqualTo(work);
      assertThat(r.uncheckedRules()).isPositive();
      assertThat(r.orThrow()).isSameAs(r);
    }
  }

  @Test
  void chainBCrossesTheRetargetAndIsExactlyCheckedWhenThePeriodStartIsGiven() {
    List<HeaderEntry> entries = new ArrayList<>();
    entries.add(entry(chainRows("B", "period_start").get(0)));
    chainRows("B", "main").forEach(r -> entries.add(entry(r)));
    List<HeaderCheck> checks = MAINNET.checkEach(entries);
    assertThat(checks).allSatisfy(c -> assertThat(c.valid()).as("%s", c).isTrue());
    HeaderCheck retarget = checks.stream().filter(c -> c.height().orElse(0) == 554400).findFirst().orElseThrow();
    assertThat(retarget.difficulty()).isEqualTo(CheckStatus.OK);
    assertThat(retarget.link()).isEqualTo(CheckStatus.OK);
    assertThat(checks.get(0).link()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(checks.get(1).link()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    // Eleven ancestors are in the list from 554401 on: median time past becomes checkable.
    HeaderCheck late = checks.get(checks.size() - 1);
    assertThat(late.mtp()).isEqualTo(CheckStatus.OK);
    assertThat(checks.get(2).mtp()).isEqualTo(CheckStatus.UNCHECKED);
  }

  @Test
  void withoutThePeriodStartTheRetargetIsUncheckedNotAssumed() {
    List<HeaderEntry> entries = chainRows("B", "main").stream().map(HeaderChainVerifierTest::entry).collect(Collectors.toList());
    HeaderCheck retarget = MAINNET.checkEach(entries).stream()
        .filter(c -> c.height().orElse(0) == 554400).findFirst().orElseThrow();
    assertThat(retarget.difficulty()).isEqualTo(CheckStatus.UNCHECKED);
    assertThat(retarget.valid()).isTrue();
  }

  @Test
  void aTamperedPeriodStartMakesTheRealRetargetFail() {
    Map<String, String> start = chainRows("B", "period_start").get(0);
    BlockHeader real = BlockHeader.parseHex(start.get("header_hex"));
    BlockHeader earlier = BlockHeader.of(real.version(), real.prevBlockHash(), real.merkleRoot(), real.time() - 86_400,
        real.bits(), real.nonce());
    List<HeaderEntry> entries = new ArrayList<>();
    entries.add(HeaderEntry.of(552384, earlier.toBytes()));
    chainRows("B", "main").forEach(r -> entries.add(entry(r)));
    HeaderCheck retarget = MAINNET.checkEach(entries).stream()
        .filter(c -> c.height().orElse(0) == 554400).findFirst().orElseThrow();
    assertThat(retarget.difficulty()).isEqualTo(CheckStatus.FAIL);
    assertThat(retarget.reason()).contains(RejectReason.BAD_DIFFICULTY);
  }

  @Test
  void aStaleSiblingLinksToItsParentAndDoesNotBreakTheMainChain() {
    List<Map<String, String>> main = chainRows("A", "main");
    Map<String, String> stale = chainRows("A", "stale").get(0);
    List<HeaderEntry> entries = new ArrayList<>();
    for (Map<String, String> r : main) {
      entries.add(entry(r));
      if (r.get("height").equals(stale.get("height"))) {
        entries.add(entry(stale));
      }
    }
    List<HeaderCheck> checks = MAINNET.checkEach(entries);
    assertThat(checks).allSatisfy(c -> assertThat(c.valid()).as("%s", c).isTrue());
    HeaderCheck staleCheck = checks.stream()
        .filter(c -> c.hash().orElseThrow().toString().equals(stale.get("block_hash_hex"))).findFirst().orElseThrow();
    assertThat(staleCheck.link()).isEqualTo(CheckStatus.NOT_APPLICABLE);
  }

  @Test
  void anUnlinkedHeaderHasValidPowButDoesNotLink() {
    Map<String, String> unlinked = chainRows("A", "unlinked").get(0);
    List<HeaderEntry> entries = new ArrayList<>();
    chainRows("A", "main").forEach(r -> entries.add(entry(r)));
    assertThat(MAINNET.checkEach(List.of(entry(unlinked))).get(0).valid()).isTrue();
    entries.add(HeaderEntry.of(562640, TestData.hex(unlinked.get("header_hex"))));
    HeaderCheck last = MAINNET.checkEach(entries).get(entries.size() - 1);
    assertThat(last.pow()).isEqualTo(CheckStatus.OK);
    assertThat(last.link()).isEqualTo(CheckStatus.FAIL);
    assertThat(last.reason()).contains(RejectReason.BAD_PREV_HASH);
  }

  @Test
  void swappedHeadersAreReportedAtTheRightIndexAndHeight() {
    List<Map<String, String>> rows = chainRows("A", "main");
    List<BlockHeader> headers = new ArrayList<>(headers(rows));
    BlockHeader h5 = headers.get(5);
    headers.set(5, headers.get(6));
    headers.set(6, h5);
    ChainVerification r = MAINNET.verify(562621, headers);
    assertThat(r.failures()).extracting(HeaderFailure::index).containsExactly(5, 6, 7);
    assertThat(r.failures()).extracting(HeaderFailure::reason).containsOnly(RejectReason.BAD_PREV_HASH);
    assertThatThrownBy(r::orThrow).isInstanceOfSatisfying(HeaderVerificationException.class, e -> {
      assertThat(e.index()).hasValue(5);
      assertThat(e.height()).hasValue(562626);
      assertThat(e.getMessage()).contains("BAD_PREV_HASH").contains("562626");
    });
  }

  static Stream<Map<String, String>> headerChainCases() {
    return TestData.csv("headers/header_chain_cases.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerChainCases")
  void validatesSummaHeaderChainCases(Map<String, String> row) {
    byte[] bytes = TestData.hex(row.get("headers_hex"));
    switch (row.get("detail")) {
      case "bad_length":
        assertThatThrownBy(() -> MAINNET.verify(1, bytes))
            .isInstanceOfSatisfying(HeaderVerificationException.class,
                e -> assertThat(e.rejectReason()).isEqualTo(RejectReason.BAD_LENGTH));
        break;
      case "insufficient_work":
        // The case's headers claim 1f00ffff, easier than mainnet allows; against its own target
        // (regtest's limit admits it) a hash is too high.
        assertThat(MAINNET.verify(1, bytes).failures()).extracting(HeaderFailure::reason)
            .contains(RejectReason.BITS_ABOVE_POW_LIMIT);
        assertThat(REGTEST.verify(1, bytes).failures()).extracting(HeaderFailure::reason).contains(RejectReason.HIGH_HASH);
        break;
      default:
        assertThat(row.get("expected")).isEqualTo("ok");
        ChainVerification r = MAINNET.verify(1, bytes);
        assertThat(r.failures()).isEmpty();
        BigInteger difficulty = BigInteger.ZERO;
        for (int i = 0; i < bytes.length; i += 80) {
          difficulty = difficulty.add(DIFFICULTY_1.divide(BlockHeader.parse(bytes, i).target().value()));
        }
        assertThat(difficulty).isEqualTo(new BigInteger(row.get("detail")));
    }
  }

  @Test
  void minimumDifficultyBlocksFollowTheTwentyMinuteRuleAndTheWalkBack() {
    int hard = 0x2000ffff;
    RegtestMiner m = new RegtestMiner(1_700_000_000L)
        .add(hard, 600)                        // 0: anchor at a period start (height 4032)
        .add(RegtestMiner.EASY, 1201)          // 1: 20 minutes late: minimum difficulty allowed
        .add(RegtestMiner.EASY, 1201)          // 2: again
        .add(hard, 600)                        // 3: on time: walk back past 1,2 to 0's bits
        .add(RegtestMiner.EASY, 600)           // 4: on time but minimum difficulty: wrong
        .add(hard, 1300);                      // 5: late, must be minimum difficulty: wrong
    ChainVerification r = REGTEST.verify(4032, m.headers());
    assertThat(r.failures()).extracting(HeaderFailure::index, HeaderFailure::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, RejectReason.BAD_DIFFICULTY),
            org.assertj.core.groups.Tuple.tuple(5, RejectReason.BAD_DIFFICULTY));
  }

  @Test
  void aTimeNotAfterTheMedianOfElevenIsTooOld() {
    RegtestMiner m = new RegtestMiner(1_700_000_000L).addMany(12, RegtestMiner.EASY, 60);
    long median = m.headers().get(6).time();
    m.addAt(RegtestMiner.EASY, median);
    ChainVerification r = REGTEST.verify(100, m.headers());
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(12);
      assertThat(f.height()).isEqualTo(112);
      assertThat(f.reason()).isEqualTo(RejectReason.TIME_TOO_OLD);
    });
  }

  @Test
  void aTimeMoreThanTwoHoursAheadOfTheInjectedClockIsTooNew() {
    long now = NOW.instant().getEpochSecond();
    RegtestMiner m = new RegtestMiner(now - 600).add(RegtestMiner.EASY, 0).add(RegtestMiner.EASY, 600 + 7200)
        .add(RegtestMiner.EASY, 1);
    ChainVerification r = REGTEST.verify(5, m.headers());
    assertThat(r.failures()).extracting(HeaderFailure::index).containsExactly(2);
    assertThat(r.failures().get(0).reason()).isEqualTo(RejectReason.TIME_TOO_NEW);
  }

  @Test
  void bip94RejectsATimeWarpAtThePeriodStart() {
    // Unmined headers: their proof of work fails, the time-warp rule is evaluated all the same.
    BlockHeader h4030 = BlockHeader.of(0x20000000, BlockHash.fromRaw(new byte[32]), new byte[32], 1_700_000_000L, 0x1d00ffff, 0);
    BlockHeader h4031 = BlockHeader.of(0x20000000, h4030.hash(), new byte[32], 1_700_000_600L, 0x1d00ffff, 0);
    BlockHeader warped = BlockHeader.of(0x20000000, h4031.hash(), new byte[32], h4031.time() - 601, 0x1d00ffff, 0);
    List<HeaderEntry> entries = List.of(HeaderEntry.of(4030, h4030.toBytes()),
        HeaderEntry.of(4031, h4031.toBytes()), HeaderEntry.of(4032, warped.toBytes()));
    HeaderChainVerifier testnet4 = HeaderChainVerifier.builder().network(Network.TESTNET4).build();
    HeaderCheck check = testnet4.checkEach(entries).get(2);
    assertThat(check.link()).isEqualTo(CheckStatus.OK);
    assertThat(check.difficulty()).isEqualTo(CheckStatus.FAIL);
    HeaderCheck onTestnet3 = HeaderChainVerifier.builder().network(Network.TESTNET3).build().checkEach(entries).get(2);
    assertThat(onTestnet3.difficulty()).isEqualTo(CheckStatus.UNCHECKED);
  }

  @Test
  void parallelVerificationEqualsTheSequentialRun() {
    long seed = 42L;
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    RegtestMiner m = new RegtestMiner(1_600_000_000L).addMany(30_000, RegtestMiner.EASY, 600);
    List<BlockHeader> headers = new ArrayList<>(m.headers());
    int highHash = 5_000 + random.nextInt(1000);
    int swapped = 17_000 + random.nextInt(1000);
    headers.set(highHash, RegtestMiner.highHash(headers.get(highHash)));
    BlockHeader t = headers.get(swapped);
    headers.set(swapped, headers.get(swapped + 1));
    headers.set(swapped + 1, t);
    byte[] raw = RegtestMiner.concat(headers);
    ChainVerification sequential = HeaderChainVerifier.builder().network(Network.REGTEST).clock(NOW)
        .parallelism(1).build().verify(0, raw);
    for (Sha256Engine engine : List.of(Sha256Engine.portable(), Sha256Engine.jdk())) {
      ChainVerification parallel = HeaderChainVerifier.builder().network(Network.REGTEST).clock(NOW)
          .engine(engine).parallelism(4).build().verify(0, raw);
      assertThat(parallel).as("seed %d, engine %s", seed, engine).isEqualTo(sequential);
    }
    assertThat(sequential.failures()).extracting(HeaderFailure::index)
        .as("seed %d", seed).containsExactly(highHash, highHash + 1, swapped, swapped + 1, swapped + 2);
    assertThat(sequential.failures().get(0).reason()).isEqualTo(RejectReason.HIGH_HASH);
    assertThat(sequential.failures().get(2).reason()).isEqualTo(RejectReason.BAD_PREV_HASH);
  }

  @Test
  void builderRejectsZeroThreadsAndEmptyInput() {
    assertThatThrownBy(() -> HeaderChainVerifier.builder().parallelism(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> MAINNET.verify(0, new byte[0])).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> MAINNET.verify(-1, new byte[80])).isInstanceOf(ValidationException.class);
  }
}
