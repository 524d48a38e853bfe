package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.computerwa.mining.TestData;
import org.computerwa.mining.sha256.Sha256Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderVerifierTest {

  static Stream<Map<String, String>> famousHeaders() {
    return TestData.csv("headers/famous_headers.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("famousHeaders")
  void verifiesFamousMainnetHeadersWithEveryEngine(Map<String, String> row) {
    BlockHeader header = BlockHeader.parseHex(row.get("header_hex"));
    assertThat(header.hash()).hasToString(row.get("block_hash_hex"));
    for (Sha256Engine engine : List.of(Sha256Engine.portable(), Sha256Engine.jdk())) {
      HeaderVerifier verifier = HeaderVerifier.builder().network(Network.MAINNET).engine(engine).build();
      assertThat(verifier.verify(header)).hasToString(row.get("block_hash_hex"));
    }
  }

  @Test
  void parsesTheGenesisHeaderFields() {
    BlockHeader genesis = BlockHeader.parseHex(TestData.csv("headers/famous_headers.csv").get(0).get("header_hex"));
    assertThat(genesis.version()).isEqualTo(1);
    assertThat(genesis.time()).isEqualTo(1231006505L);
    assertThat(Integer.toUnsignedLong(genesis.nonce())).isEqualTo(2083236893L);
    assertThat(genesis.target()).hasToString("1d00ffff");
    assertThat(genesis.prevBlockHash().raw()).containsOnly(0);
    assertThat(TestData.hex(TestData.reversed(genesis.merkleRoot())))
        .isEqualTo("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
    BlockHeader rebuilt = BlockHeader.of(genesis.version(), genesis.prevBlockHash(), genesis.merkleRoot(),
        genesis.time(), genesis.bits(), genesis.nonce());
    assertThat(rebuilt).isEqualTo(genesis);
  }

  static Stream<Arguments> checkpoints() {
    return Stream.of("mainnet", "testnet3", "signet").flatMap(net ->
        TestData.csv("headers/" + net + "_checkpoints.csv").stream().map(r -> Arguments.of(net, r)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mainnet", "testnet3", "signet"})
  void everyCheckpointHeaderMeetsItsOwnTargetOnItsNetwork(String net) {
    HeaderVerifier verifier = HeaderVerifier.builder().network(Network.named(net)).build();
    List<Map<String, String>> rows = TestData.csv("headers/" + net + "_checkpoints.csv");
    assertThat(rows).hasSizeGreaterThan(50);
    for (Map<String, String> row : rows) {
      BlockHeader header = BlockHeader.parseHex(row.get("header_hex"));
      assertThat(verifier.verify(header)).as("height %s", row.get("height")).hasToString(row.get("block_hash_hex"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mainnet", "testnet3", "signet"})
  void bitcoinjCheckpointFilesHoldTheSameHeadersAndChainWork(String net) {
    String[] lines = TestData.text("headers/" + net + "_checkpoints_bitcoinj.txt").split("\n");
    assertThat(lines[0]).isEqualTo("TXT CHECKPOINTS 1");
    assertThat(lines[1]).isEqualTo("0");
    int count = Integer.parseInt(lines[2].trim());
    Map<Long, Map<String, String>> csv = new HashMap<>();
    for (Map<String, String> row : TestData.csv("headers/" + net + "_checkpoints.csv")) {
      csv.put(Long.parseLong(row.get("height")), row);
    }
    assertThat(count).isEqualTo(csv.size());
    for (int i = 0; i < count; i++) {
      ByteBuffer entry = ByteBuffer.wrap(Base64.getDecoder().decode(lines[3 + i].trim()));
      assertThat(entry.remaining()).isEqualTo(96);
      byte[] work = new byte[12];
      entry.get(work);
      long height = Integer.toUnsignedLong(entry.getInt());
      byte[] header = new byte[80];
      entry.get(header);
      Map<String, String> row = csv.get(height);
      assertThat(row).as("height %d", height).isNotNull();
      assertThat(TestData.hex(work)).isEqualTo(row.get("chainwork_hex"));
      assertThat(TestData.hex(header)).isEqualTo(row.get("header_hex"));
    }
  }

  @Test
  void mainnetCheckpointChainWorkObeysThePerPeriodIdentity() {
    Map<Long, Map<String, String>> byHeight = new HashMap<>();
    for (Map<String, String> row : TestData.csv("headers/mainnet_checkpoints.csv")) {
      byHeight.put(Long.parseLong(row.get("height")), row);
    }
    int checked = 0;
    for (Map.Entry<Long, Map<String, String>> e : byHeight.entrySet()) {
      Map<String, String> next = byHeight.get(e.getKey() + 2016);
      if (next == null) {
        continue;
      }
      CompactTarget a = BlockHeader.parseHex(e.getValue().get("header_hex")).target();
      CompactTarget b = BlockHeader.parseHex(next.get("header_hex")).target();
      BigInteger expected = new BigInteger(e.getValue().get("chainwork_hex"), 16)
          .add(a.work().multiply(BigInteger.valueOf(2015))).add(b.work());
      assertThat(new BigInteger(next.get("chainwork_hex"), 16)).as("height %d", e.getKey() + 2016).isEqualTo(expected);
      assertThat(PowRules.permittedTransition(Network.MAINNET, e.getKey() + 2016, a.bits(), b.bits())).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void testnetCheckpointsDoNotNeedTheMainnetChainWorkIdentityButStayWithinTheLimit() {
    List<BigInteger> works = new ArrayList<>();
    for (Map<String, String> row : TestData.csv("headers/testnet3_checkpoints.csv")) {
      CompactTarget t = BlockHeader.parseHex(row.get("header_hex")).target();
      assertThat(PowRules.checkTarget(Network.TESTNET3, t)).isEmpty();
      works.add(new BigInteger(row.get("chainwork_hex"), 16));
    }
    assertThat(works).isSorted();
  }

  @Test
  void aSignetHeaderEasierThanTheMainnetLimitIsRejectedOnMainnet() {
    BlockHeader signet = BlockHeader.parseHex(TestData.csv("headers/signet_checkpoints.csv").get(0).get("header_hex"));
    assertThat(HeaderVerifier.builder().network(Network.SIGNET).build().check(signet.toBytes(), 0)).isEmpty();
    assertThatThrownBy(() -> HeaderVerifier.builder().network(Network.MAINNET).build().verify(signet))
        .isInstanceOfSatisfying(HeaderVerificationException.class,
            e -> assertThat(e.rejectReason()).isEqualTo(RejectReason.BITS_ABOVE_POW_LIMIT));
  }

  @Test
  void theDefaultEngineIsTheFastest() {
    HeaderVerifier verifier = HeaderVerifier.builder().network(Network.SIGNET).build();
    assertThat(verifier.engine()).isSameAs(Sha256Engine.fastest());
    assertThat(verifier.network()).isSameAs(Network.SIGNET);
  }

  @Test
  void thereIsNoDefaultNetwork() {
    assertThatThrownBy(() -> HeaderVerifier.builder().build())
        .isInstanceOfSatisfying(org.computerwa.core.ValidationException.class, e -> {
          assertThat(e.getMessage()).contains("network").contains("no default").contains("MAINNET");
        });
  }

  @Test
  void oneVerifierIsSafeToShareAcrossThreads() throws Exception {
    HeaderVerifier verifier = HeaderVerifier.builder().network(Network.MAINNET).build();
    List<Map<String, String>> rows = TestData.csv("headers/mainnet_checkpoints.csv");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          int valid = 0;
          for (int round = 0; round < 20; round++) {
            for (Map<String, String> row : rows) {
              byte[] header = TestData.hex(row.get("header_hex"));
              valid += verifier.isValid(header, 0) ? 1 : 0;
              header[79] ^= 1;
              valid -= verifier.isValid(header, 0) ? 1 : 0;
            }
          }
          return valid;
        }));
      }
      for (java.util.concurrent.Future<Integer> r : results) {
        assertThat(r.get()).isEqualTo(20 * rows.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
