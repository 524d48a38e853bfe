package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.TestData;
import org.computerwa.mining.pow.HeaderVerifier;
import org.computerwa.mining.pow.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShareVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ShareVerifier verifier = ShareVerifier.create();

  static StratumSession session(double poolDifficulty) {
    return StratumSession.builder().poolDifficulty(poolDifficulty).build();
  }

  static JsonNode json(String path) throws IOException {
    return JSON.readTree(TestData.text(path));
  }

  static StratumJob job(JsonNode entry) {
    JsonNode n = entry.get("notify");
    StratumJob.Builder b = StratumJob.builder().prevHash(n.get("prevhash").asText()).version(n.get("version").asText())
        .bits(n.get("nbits").asText()).time(n.get("ntime").asText());
    if (n.has("coinb1")) {
      List<String> branch = new ArrayList<>();
      n.get("merkle_branch").forEach(x -> branch.add(x.asText()));
      b.coinbase1(n.get("coinb1").asText()).coinbase2(n.get("coinb2").asText()).merkleBranch(branch);
    } else {
      b.merkleRoot(entry.get("merkle_root_hex").asText());
    }
    JsonNode sub = entry.get("subscribe");
    if (sub != null && !sub.isNull()) {
      b.extranonce1(sub.get("extranonce1").asText()).extranonce2Size(sub.get("extranonce2_size").asInt());
    }
    return b.build();
  }

  static ShareSubmission submission(JsonNode entry) {
    JsonNode s = entry.get("submit");
    return ShareSubmission.of(s.has("extranonce2") ? s.get("extranonce2").asText() : "", s.get("ntime").asText(),
        s.get("nonce").asText());
  }

  static Stream<Arguments> shares() throws IOException {
    return StreamSupport.stream(json("stratum/shares.json").spliterator(), false)
        .map(n -> Arguments.of(n.get("id").asText(), n));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shares")
  void rebuildsAndVerifiesRealShares(String id, JsonNode entry) {
    JsonNode expected = entry.get("expected");
    StratumJob job = job(entry);
    ShareSubmission submission = submission(entry);
    if (expected.has("coinbase_hex")) {
      assertThat(TestData.hex(verifier.coinbase(job, submission.extranonce2()))).isEqualTo(expected.get("coinbase_hex").asText());
    }
    assertThat(TestData.hex(verifier.merkleRoot(job, submission.extranonce2())))
        .isEqualTo(expected.get("merkle_root_hex").asText());
    VerifiedShare share = verifier.verify(session(1.0), job, submission);
    byte[] extranonce2 = submission.extranonce2();
    VerifiedShare fromMidstate = verifier.prepare(session(1.0), job, extranonce2).verify(submission);
    assertThat(fromMidstate.header()).isEqualTo(share.header());
    assertThat(fromMidstate.hash()).isEqualTo(share.hash());
    assertThat(fromMidstate.difficulty()).isEqualTo(share.difficulty());
    assertThat(share.header().toHex()).isEqualTo(expected.get("header_hex").asText());
    assertThat(share.hash()).hasToString(expected.get("block_hash_hex").asText());
    assertThat(share.difficulty().setScale(6, RoundingMode.HALF_EVEN).doubleValue())
        .isEqualTo(expected.get("share_difficulty").asDouble());
    assertThat(share.difficulty().doubleValue() >= 1).isEqualTo(expected.get("meets_difficulty_1").asBoolean());
    assertThat(share.meetsNetworkTarget()).isEqualTo(expected.get("meets_network_target").asBoolean());
    if (share.meetsNetworkTarget()) {
      // The 2012 job is a testnet3 job: its header is a valid testnet3 block.
      assertThat(HeaderVerifier.builder().network(Network.TESTNET3).build().check(share.header().toBytes(), 0)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shares")
  void aShareBelowItsPoolDifficultyIsRejected(String id, JsonNode entry) {
    double reached = entry.get("expected").get("share_difficulty").asDouble();
    assertThatThrownBy(() -> verifier.verify(session(Math.ceil(reached)), job(entry), submission(entry)))
        .isInstanceOfSatisfying(ShareVerificationException.class, e -> {
          assertThat(e.reason()).isEqualTo(ShareVerificationException.LOW_DIFFICULTY_SHARE);
          assertThat(e.shareDifficulty()).isCloseTo(reached, org.assertj.core.data.Offset.offset(1e-6));
          assertThat(e.share()).isPresent();
        });
    PreparedJob prepared = verifier.prepare(session(Math.ceil(reached)), job(entry), submission(entry).extranonce2());
    assertThat(prepared.isValid(submission(entry))).isFalse();
    assertThat(verifier.prepare(session(Math.floor(reached)), job(entry), submission(entry).extranonce2())
        .isValid(submission(entry))).isTrue();
  }

  @Test
  void aTamperedNonceNoLongerMeetsDifficultyOne() throws IOException {
    JsonNode entry = json("stratum/shares.json").get(0);
    ShareSubmission tampered = ShareSubmission.of("00000001", "504e86ed", "b2957c03");
    assertThatThrownBy(() -> verifier.verify(session(1.0), job(entry), tampered))
        .isInstanceOf(ShareVerificationException.class);
  }

  @Test
  void aWrongSizeExtranonce2IsRejectedWithTheField() throws IOException {
    JsonNode entry = json("stratum/shares.json").get(0);
    assertThatThrownBy(() -> verifier.verify(session(1.0), job(entry), ShareSubmission.of("0001", "504e86ed", "b2957c02")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("extranonce2");
          assertThat(e.rule()).contains("4 bytes");
        });
  }

  @Test
  void rebuildsTheRealJobsCoinbaseMerkleRootAndRolledVersionMidstates() throws IOException {
    JsonNode entry = json("stratum/jobs.json").get(0);
    JsonNode expected = entry.get("expected");
    StratumJob job = job(entry);
    byte[] extranonce2 = TestData.hex(entry.get("extranonce2").asText());
    assertThat(TestData.hex(verifier.coinbase(job, extranonce2))).isEqualTo(expected.get("coinbase_hex").asText());
    assertThat(TestData.hex(verifier.merkleRoot(job, extranonce2))).isEqualTo(expected.get("merkle_root_hex").asText());
    int mask = Integer.parseUnsignedInt(entry.get("version_rolling_mask").asText(), 16);
    Iterator<Map.Entry<String, JsonNode>> midstates = expected.get("midstate_by_version").fields();
    int checked = 0;
    while (midstates.hasNext()) {
      Map.Entry<String, JsonNode> e = midstates.next();
      int version = Integer.parseUnsignedInt(e.getKey(), 16);
      assertThat(version & ~mask).isEqualTo(job.version() & ~mask);
      int[] state = verifier.midstate(job, extranonce2, version);
      StringBuilder sb = new StringBuilder();
      for (int w : state) {
        sb.append(String.format("%08x", w));
      }
      assertThat(sb).as("version %s", e.getKey()).hasToString(e.getValue().asText());
      // A submission rolling the same bits rebuilds a header with that version.
      // A submission rolling the same bits (BIP310: the bits under the mask) rebuilds that version.
      StratumSession rolling = StratumSession.builder().poolDifficulty(1).versionRollingMask(mask).build();
      ShareSubmission rolled = ShareSubmission.of(entry.get("extranonce2").asText(), entry.get("notify").get("ntime").asText(),
          "00000000").withVersionBits(String.format("%08x", version & mask));
      assertThat(verifier.header(rolling, job, rolled).version()).isEqualTo(version);
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void versionBitsOutsideTheNegotiatedMaskAndBip320AreRejectedNotDropped() throws IOException {
    JsonNode entry = json("stratum/jobs.json").get(0);
    StratumJob job = job(entry);
    ShareSubmission base = ShareSubmission.of(entry.get("extranonce2").asText(), entry.get("notify").get("ntime").asText(),
        "00000000");
    StratumSession narrow = StratumSession.builder().poolDifficulty(1e-9).versionRollingMask(0x00ffe000).build();
    StratumSession everything = StratumSession.builder().poolDifficulty(1e-9).versionRollingMask(0xffffffff).build();
    StratumSession none = session(1e-9);
    assertThat(everything.allowedVersionBits()).isEqualTo(StratumSession.BIP320_MASK);
    // Inside both masks: accepted.
    assertThat(verifier.header(narrow, job, base.withVersionBits("00002000")).version())
        .isEqualTo(job.version() | 0x2000);
    // Inside BIP320 but outside what was negotiated; outside BIP320 though "negotiated"; any bit
    // without negotiation: each is rejected with its reason, never trimmed into a valid header.
    for (Object[] c : new Object[][] {{narrow, "01000000"}, {everything, "40000000"}, {everything, "00001000"},
        {none, "00002000"}}) {
      StratumSession session = (StratumSession) c[0];
      ShareSubmission s = base.withVersionBits((String) c[1]);
      assertThatThrownBy(() -> verifier.verify(session, job, s)).as("%s %s", session, c[1])
          .isInstanceOfSatisfying(ShareVerificationException.class, e -> {
            assertThat(e.reason()).isEqualTo(ShareVerificationException.VERSION_BITS_OUTSIDE_MASK);
            assertThat(e.share()).isEmpty();
            assertThat(e.getMessage()).contains((String) c[1]);
          });
      assertThat(verifier.prepare(session, job, TestData.hex(entry.get("extranonce2").asText())).isValid(s)).isFalse();
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"portable", "jdk"})
  void theMidstatePathAgreesWithTheFullRebuildOnSeededRandomShares(String engine) throws IOException {
    long seed = Long.getLong("computerwa.seed", System.nanoTime());
    System.out.println("[seed] ShareVerifierTest.midstate seed=" + seed + " (replay with -Dcomputerwa.seed=" + seed + ")");
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    JsonNode entry = json("stratum/jobs.json").get(0);
    StratumJob job = job(entry);
    String extranonce2 = entry.get("extranonce2").asText();
    // Difficulty 2^-24 (target about 2^248): one hash in 256 qualifies, so both outcomes occur.
    StratumSession session = StratumSession.builder().poolDifficulty(Math.scalb(1.0, -24)).versionRollingMask(0x1fffe000)
        .build();
    PreparedJob prepared = ShareVerifier.create(org.computerwa.mining.sha256.Sha256Engine.named(engine))
        .prepare(session, job, TestData.hex(extranonce2));
    int valid = 0;
    for (int i = 0; i < 10_000; i++) {
      ShareSubmission s = ShareSubmission.of(extranonce2, String.format("%08x", job.time() + random.nextInt(600)),
          String.format("%08x", random.nextInt())).withVersionBits(String.format("%08x", random.nextInt() & 0x1fffe000));
      boolean full;
      try {
        verifier.verify(session, job, s);
        full = true;
      } catch (ShareVerificationException e) {
        full = false;
      }
      assertThat(prepared.isValid(s)).as("seed %d, share %d", seed, i).isEqualTo(full);
      valid += full ? 1 : 0;
    }
    assertThat(valid).as("seed %d", seed).isBetween(1, 200);
  }

  @Test
  void aJobNeedsExactlyOneMerkleSource() {
    StratumJob.Builder b = StratumJob.builder().prevHash("00".repeat(32)).version("20000000").bits("1d00ffff")
        .time("00000000");
    assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.field()).isEqualTo("merkle_root"));
    assertThatThrownBy(() -> StratumJob.builder().prevHash("zz"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prevhash"));
  }
}
