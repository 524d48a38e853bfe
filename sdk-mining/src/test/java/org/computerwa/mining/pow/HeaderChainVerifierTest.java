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
  void chainBCrossesTheRetargetWhichStaysUncheckedWhenThePeriodStartIsOnlyClaimedByHeight() {
    List<HeaderEntry> entries = new ArrayList<>();
    entries.add(entry(chainRows("B", "period_start").get(0)));
    chainRows("B", "main").forEach(r -> entries.add(entry(r)));
    List<HeaderCheck> checks = MAINNET.checkEach(entries);
    assertThat(checks).allSatisfy(c -> assertThat(c.valid()).as("%s", c).isTrue());
    HeaderCheck retarget = checks.stream().filter(c -> c.height().orElse(0) == 554400).findFirst().orElseThrow();
    // The real period start (552384) is in the list, but nothing links it to 554399: not proven.
    assertThat(retarget.difficulty()).isEqualTo(CheckStatus.UNCHECKED);
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
  void aRetargetIsNotJudgedAgainstWhicheverHeaderSatAtThePeriodStartHeight() {
    Map<String, String> start = chainRows("B", "period_start").get(0);
    BlockHeader real = BlockHeader.parseHex(start.get("header_hex"));
    BlockHeader earlier = BlockHeader.of(real.version(), real.prevBlockHash(), real.merkleRoot(), real.time() - 86_400,
        real.bits(), real.nonce());
    List<HeaderEntry> entries = new ArrayList<>();
    entries.add(HeaderEntry.of(552384, earlier.toBytes()));
    chainRows("B", "main").forEach(r -> entries.add(entry(r)));
    HeaderCheck retarget = MAINNET.checkEach(entries).stream()
        .filter(c -> c.height().orElse(0) == 554400).findFirst().orElseThrow();
    assertThat(retarget.difficulty()).isEqualTo(CheckStatus.UNCHECKED);
    assertThat(retarget.valid()).isTrue();
  }

  /** A synthetic mainnet period: unmined (proof of work fails) but linked, so the rules still run. */
  private static List<BlockHeader> unminedPeriod(long firstHeight, int count, int bits, long spacing) {
    List<BlockHeader> out = new ArrayList<>();
    BlockHash prev = BlockHash.fromRaw(new byte[32]);
    long time = 1_500_000_000L;
    for (int i = 0; i < count; i++) {
      byte[] merkle = new byte[32];
      merkle[0] = (byte) i;
      merkle[1] = (byte) (i >>> 8);
      BlockHeader h = BlockHeader.of(0x20000000, prev, merkle, time, bits, 0);
      out.add(h);
      prev = h.hash();
      time += spacing;
    }
    return out;
  }

  private static List<HeaderEntry> entries(long firstHeight, List<BlockHeader> headers) {
    List<HeaderEntry> out = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      out.add(HeaderEntry.of(firstHeight + i, headers.get(i).toBytes()));
    }
    return out;
  }

  @Test
  void aRetargetWithAProvenPeriodStartIsCheckedExactly() {
    long start = 2016L * 200;
    List<BlockHeader> period = unminedPeriod(start, 2016, 0x1b0404cb, 590);
    BlockHeader first = period.get(0);
    BlockHeader last = period.get(2015);
    int required = PowRules.calculateNextWorkRequired(Network.MAINNET, first.time(), first.bits(), last.time(),
        last.bits());
    assertThat(required).isNotEqualTo(0x1b0404cb);
    for (int bits : new int[] {required, 0x1b0404cb}) {
      List<BlockHeader> chain = new ArrayList<>(period);
      chain.add(BlockHeader.of(0x20000000, last.hash(), new byte[32], last.time() + 600, bits, 0));
      HeaderCheck retarget = MAINNET.checkEach(entries(start, chain)).get(2016);
      assertThat(retarget.link()).isEqualTo(CheckStatus.OK);
      assertThat(retarget.difficulty()).as("bits %08x", bits)
          .isEqualTo(bits == required ? CheckStatus.OK : CheckStatus.FAIL);
    }
    // Replace one header in the middle: its children no longer link, so the start is not proven.
    List<BlockHeader> broken = new ArrayList<>(period);
    BlockHeader mid = broken.get(1000);
    broken.set(1000, BlockHeader.of(mid.version(), mid.prevBlockHash(), mid.merkleRoot(), mid.time() + 1, mid.bits(),
        0));
    broken.add(BlockHeader.of(0x20000000, last.hash(), new byte[32], last.time() + 600, required, 0));
    List<HeaderCheck> checks = MAINNET.checkEach(entries(start, broken));
    assertThat(checks.get(1001).link()).isEqualTo(CheckStatus.FAIL);
    assertThat(checks.get(2016).difficulty()).isEqualTo(CheckStatus.UNCHECKED);
  }

  @Test
  void medianTimePastDoesNotReachAcrossAFailedLink() {
    long now = NOW.instant().getEpochSecond();
    RegtestMiner late = new RegtestMiner(now - 86_400).addMany(12, RegtestMiner.EASY, 60);
    RegtestMiner other = new RegtestMiner(now - 30 * 86_400).addMany(2, RegtestMiner.EASY, 60);
    List<BlockHeader> headers = new ArrayList<>(late.headers());
    headers.addAll(other.headers());
    ChainVerification r = REGTEST.verify(100, headers);
    // Header 12 does not link to 11; header 13 links to 12 and is older than 0..11, which are not
    // its ancestors, so its median time past is unchecked, not a failure.
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(12);
      assertThat(f.reason()).isEqualTo(RejectReason.BAD_PREV_HASH);
    });
    ChainVerification parallel = HeaderChainVerifier.builder().network(Network.REGTEST).clock(NOW).parallelism(2)
        .build().verify(100, headers);
    assertThat(parallel).isEqualTo(r);
  }

  @Test
  void chainWorkCreditsOnlyTheHeadersBeforeTheFirstFailure() {
    RegtestMiner m = new RegtestMiner(1_700_000_000L).addMany(10, RegtestMiner.EASY, 600);
    List<BlockHeader> headers = new ArrayList<>(m.headers());
    BigInteger one = CompactTarget.of(RegtestMiner.EASY).work();
    assertThat(REGTEST.verify(50, headers).chainWork()).isEqualTo(one.multiply(BigInteger.valueOf(10)));
    headers.set(6, RegtestMiner.highHash(headers.get(6)));
    ChainVerification r = REGTEST.verify(50, headers);
    assertThat(r.failures()).extracting(HeaderFailure::index).contains(6);
    assertThat(r.chainWork()).isEqualTo(one.multiply(BigInteger.valueOf(6)));
    // The same on many threads, where the failure lies in a later range.
    RegtestMiner longer = new RegtestMiner(1_600_000_000L).addMany(20_000, RegtestMiner.EASY, 600);
    List<BlockHeader> many = new ArrayList<>(longer.headers());
    many.set(15_000, RegtestMiner.highHash(many.get(15_000)));
    ChainVerification parallel = HeaderChainVerifier.builder().network(Network.REGTEST).clock(NOW).parallelism(4)
        .build().verify(0, many);
    assertThat(parallel.chainWork()).isEqualTo(one.multiply(BigInteger.valueOf(15_000)));
  }

  @Test
  void realHeadersPassTheVersionRuleAtTheirOwnHeights() {
    List<Map<String, String>> rows = TestData.csv("headers/mainnet_checkpoints.csv");
    List<HeaderEntry> entries = rows.stream()
        .map(r -> HeaderEntry.of(Long.parseLong(r.get("height")), TestData.hex(r.get("header_hex"))))
        .collect(Collectors.toList());
    assertThat(MAINNET.checkEach(entries)).allSatisfy(c -> {
      assertThat(c.version()).as("%s", c).isEqualTo(CheckStatus.OK);
      assertThat(c.valid()).as("%s", c).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({"testnet3,headers/testnet3_checkpoints.csv",
      "signet,headers/signet_checkpoints.csv"})
  void realTestNetworkHeadersPassTheVersionRuleAtTheirHeightsAndOutdatedOnesFailAtTheActivation(String name,
      String file) {
    Network network = Network.named(name);
    HeaderChainVerifier verifier = HeaderChainVerifier.builder().network(network).clock(NOW).build();
    List<Map<String, String>> rows = TestData.csv(file);
    for (Map<String, String> r : rows) {
      long height = Long.parseLong(r.get("height"));
      byte[] bytes = TestData.hex(r.get("header_hex"));
      HeaderCheck c = verifier.checkEach(List.of(HeaderEntry.of(height, bytes))).get(0);
      assertThat(c.version()).as("%s %d", name, height).isEqualTo(CheckStatus.OK);
      int version = BlockHeader.parse(bytes).version();
      // The same header one height into the next buried deployment fails.
      long next = version < 2 ? network.bip34Height() : version < 3 ? network.bip66Height()
          : version < 4 ? network.bip65Height() : -1;
      if (next > height) {
        HeaderCheck moved = verifier.checkEach(List.of(HeaderEntry.of(next, bytes))).get(0);
        assertThat(moved.reason()).as("%s %d at %d", name, height, next).contains(RejectReason.BAD_VERSION);
      }
    }
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> outdatedVersions() {
    // The last checkpoint of each version before its successor's activation height.
    return Stream.of(org.junit.jupiter.params.provider.Arguments.of("223776", 227_931L),
        org.junit.jupiter.params.provider.Arguments.of("362880", 363_725L),
        org.junit.jupiter.params.provider.Arguments.of("383040", 388_381L));
  }

  @ParameterizedTest(name = "header {0} at {1}")
  @MethodSource("outdatedVersions")
  void aRealHeaderOfAnOutdatedVersionIsRejectedFromTheActivationHeightOn(String realHeight, long activation) {
    byte[] bytes = TestData.csv("headers/mainnet_checkpoints.csv").stream()
        .filter(r -> r.get("height").equals(realHeight)).findFirst().map(r -> TestData.hex(r.get("header_hex")))
        .orElseThrow();
    HeaderCheck before = MAINNET.checkEach(List.of(HeaderEntry.of(activation - 1, bytes))).get(0);
    HeaderCheck at = MAINNET.checkEach(List.of(HeaderEntry.of(activation, bytes))).get(0);
    assertThat(before.valid()).isTrue();
    assertThat(before.version()).isEqualTo(CheckStatus.OK);
    assertThat(at.version()).isEqualTo(CheckStatus.FAIL);
    assertThat(at.reason()).contains(RejectReason.BAD_VERSION);
    ChainVerification r = MAINNET.verify(activation, bytes);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(RejectReason.BAD_VERSION);
      assertThat(f.message()).contains(String.valueOf(activation)).contains("mainnet");
    });
    assertThat(r.chainWork()).isZero();
    assertThat(MAINNET.verify(activation - 1, bytes).valid()).isTrue();
  }

  @Test
  void regtestRejectsAVersionOneHeaderFromHeightOne() {
    RegtestMiner m = new RegtestMiner(1_700_000_000L).addMany(2, RegtestMiner.EASY, 600);
    BlockHeader v1 = RegtestMiner.mineVersion(m.headers().get(1), 1);
    assertThat(REGTEST.verify(0, List.of(m.headers().get(0))).valid()).isTrue();
    assertThat(REGTEST.verify(1, List.of(v1)).failures()).extracting(HeaderFailure::reason)
        .containsExactly(RejectReason.BAD_VERSION);
  }

  @Test
  void thereIsNoDefaultNetwork() {
    assertThatThrownBy(() -> HeaderChainVerifier.builder().build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.getMessage()).contains("network").contains("no default"));
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
    BigInteger one = CompactTarget.of(RegtestMiner.EASY).work();
    assertThat(sequential.chainWork()).as("seed %d", seed).isEqualTo(one.multiply(BigInteger.valueOf(highHash)));
  }

  @Test
  void builderRejectsZeroThreadsAndEmptyInput() {
    assertThatThrownBy(() -> HeaderChainVerifier.builder().parallelism(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> MAINNET.verify(0, new byte[0])).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> MAINNET.verify(-1, new byte[80])).isInstanceOf(ValidationException.class);
  }
}
