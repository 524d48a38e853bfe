package org.computerwa.examples.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Signature;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Anvil's well-known second development key, a test key only. */
  private static final String DEVICE_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @TempDir Path dir;

  private Path realShares() throws IOException {
    return Files.writeString(dir.resolve("shares.json"), CliRun.resource("stratum/shares.json"));
  }

  private static List<JsonNode> lines(CliRun r) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : r.lines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void theRealSharesVerifyWithTheirPublishedHashesAndDifficulties() throws IOException {
    Path file = realShares();
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "1", file.toString());
    assertThat(r.code).as(r.err).isZero();
    List<JsonNode> rows = lines(r);
    JsonNode expected = JSON.readTree(file.toFile());
    assertThat(rows).hasSize(expected.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      JsonNode want = expected.get(i).get("expected");
      assertThat(row.get("index").asInt()).isEqualTo(i);
      assertThat(row.get("valid").asBoolean()).isTrue();
      assertThat(row.get("hash").asText()).isEqualTo(want.get("block_hash_hex").asText());
      assertThat(row.get("shareDifficulty").asDouble()).isCloseTo(want.get("share_difficulty").asDouble(),
          org.assertj.core.data.Offset.offset(1e-6));
      assertThat(row.get("meetsNetworkTarget").asBoolean()).isEqualTo(want.get("meets_network_target").asBoolean());
      assertThat(row.get("reason").isNull()).isTrue();
    }
  }

  @Test
  void theOutputLineHasExactlyTheDocumentedFieldsInOrder() throws IOException {
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "1", realShares().toString());
    List<String> names = new ArrayList<>();
    lines(r).get(0).fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("index", "valid", "hash", "shareDifficulty", "meetsNetworkTarget", "reason");
  }

  @Test
  void aPoolDifficultyAboveWhatAShareReachedMakesItInvalidAndExitsOne() throws IOException {
    // The shares reached difficulties of about 7.9 and 18.0.
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "10", realShares().toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    List<JsonNode> rows = lines(r);
    assertThat(rows.get(0).get("valid").asBoolean()).isFalse();
    assertThat(rows.get(0).get("reason").asText()).isEqualTo("LOW_DIFFICULTY_SHARE");
    assertThat(rows.get(0).get("hash").asText()).startsWith("00000000");
    assertThat(rows.get(1).get("valid").asBoolean()).isTrue();
  }

  @Test
  void versionBitsOutsideTheGrantedMaskAreAnInvalidShare() throws IOException {
    ArrayNode shares = (ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    ((ObjectNode) shares.get(1).get("submit")).put("version_bits", "00004000");
    Path file = Files.writeString(dir.resolve("rolled.json"), JSON.writeValueAsString(shares));
    CliRun noMask = CliRun.run("shares", "verify", "--pool-difficulty", "1", file.toString());
    assertThat(noMask.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    JsonNode row = lines(noMask).get(1);
    assertThat(row.get("reason").asText()).isEqualTo("VERSION_BITS_OUTSIDE_MASK");
    assertThat(row.get("hash").isNull()).isTrue();
    // Granted, the bit is rolled into the header: another hash, which no longer reaches difficulty 1.
    CliRun granted = CliRun.run("shares", "verify", "--pool-difficulty", "1", "--version-mask", "1fffe000",
        file.toString());
    assertThat(lines(granted).get(1).get("reason").asText()).isEqualTo("LOW_DIFFICULTY_SHARE");
  }

  @Test
  void unusableInputExitsTwoAndPrintsNothing() throws IOException {
    Path missing = dir.resolve("missing.json");
    Path notArray = Files.writeString(dir.resolve("object.json"), "{\"a\":1}");
    ArrayNode shares = (ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    ((ObjectNode) shares.get(1).get("submit")).put("nonce", "12345");
    Path shortNonce = Files.writeString(dir.resolve("short.json"), JSON.writeValueAsString(shares));
    ArrayNode extra = (ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    ((ObjectNode) extra.get(0)).put("nonce", "00000000");
    Path unknownField = Files.writeString(dir.resolve("extra.json"), JSON.writeValueAsString(extra));
    ArrayNode wrongExtranonce = (ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    ((ObjectNode) wrongExtranonce.get(0).get("submit")).put("extranonce2", "0001");
    Path badExtranonce = Files.writeString(dir.resolve("en2.json"), JSON.writeValueAsString(wrongExtranonce));
    Path trailing = Files.writeString(dir.resolve("trailing.json"), CliRun.resource("stratum/shares.json") + "]");
    Path oversize = dir.resolve("big.json");
    Files.write(oversize, new byte[(int) SharesFile.MAX_BYTES + 1]);
    for (Object[] c : new Object[][] {{missing, "cannot read"}, {notArray, "JSON array"}, {shortNonce, "[1].submit"},
        {unknownField, "[0].nonce"}, {badExtranonce, "[0].submit.extranonce2"}, {trailing, ""}, {oversize, "bytes"}}) {
      CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "1", c[0].toString());
      assertThat(r.code).as("%s: %s", c[0], r.err).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.out).as("%s", c[0]).isEmpty();
      assertThat(r.err).as("%s", c[0]).contains((String) c[1]);
    }
    assertThat(CliRun.run("shares", "verify", "--pool-difficulty", "0", realShares().toString()).code)
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(CliRun.run("shares", "verify", "--pool-difficulty", "1", "--version-mask", "xyz", realShares().toString()).code)
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
  }

  @Test
  void hashratePrintsTheIntervalAndASignedStatementThatRecoversToTheDevice() throws IOException {
    CliRun r = CliRun.run("shares", "hashrate", "--pool-difficulty", "4", "--from", "2026-11-28T00:00:00Z", "--to",
        "2026-11-28T00:01:00Z", "--key", DEVICE_KEY, "--chain-id", "31337", "--contract",
        "0x5FbDB2315678afecb367f032d93F642f64180aa3", "--asset-id", "7", "--claim", "lower", "--availability-bps",
        "10000", realShares().toString());
    assertThat(r.code).as(r.err).isZero();
    JsonNode out = JSON.readTree(r.out);
    assertThat(out.get("acceptedShares").asLong()).isEqualTo(2);
    assertThat(out.get("rejectedShares").asLong()).isZero();
    assertThat(out.get("hashesPerSecond").asDouble()).isEqualTo(2 * 4 * 4_294_967_296.0 / 60);
    assertThat(out.get("lower").asDouble()).isLessThan(out.get("hashesPerSecond").asDouble());
    assertThat(out.get("upper").asDouble()).isGreaterThan(out.get("hashesPerSecond").asDouble());
    JsonNode signed = out.get("statement");
    JsonNode statement = signed.get("statement");
    assertThat(statement.get("kind").asText()).isEqualTo("HASHRATE");
    assertThat(statement.get("assetId").asText()).isEqualTo("7");
    assertThat(new java.math.BigDecimal(statement.get("value").asText()))
        .isEqualByComparingTo(new java.math.BigDecimal(out.get("lower").asDouble()).setScale(0,
            java.math.RoundingMode.DOWN));
    Signature signature =
        Signature.fromBytes(java.util.HexFormat.of().parseHex(signed.get("signature").asText().substring(2)));
    Address recovered = signature.recover(Bytes32.fromHex(signed.get("digest").asText()));
    assertThat(recovered.toHex()).isEqualToIgnoringCase(signed.get("signer").asText());
    assertThat(statement.get("device").asText()).isEqualToIgnoringCase(signed.get("signer").asText());

    CliRun plain = CliRun.run("shares", "hashrate", "--pool-difficulty", "10", "--from", "2026-11-28T00:00:00Z",
        "--to", "2026-11-28T00:01:00Z", realShares().toString());
    assertThat(plain.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    JsonNode partial = JSON.readTree(plain.out);
    assertThat(partial.get("acceptedShares").asLong()).isEqualTo(1);
    assertThat(partial.get("rejectedShares").asLong()).isEqualTo(1);
    assertThat(partial.get("statement").isNull()).isTrue();
  }

  @Test
  void hashrateRefusesIncompleteSigningOptionsAndBadTimes() throws IOException {
    String file = realShares().toString();
    CliRun noClaim = CliRun.run("shares", "hashrate", "--pool-difficulty", "1", "--from", "2026-11-28T00:00:00Z", "--to", "2026-11-28T00:01:00Z",
        "--key", DEVICE_KEY, file);
    assertThat(noClaim.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(noClaim.err).contains("--claim");
    assertThat(noClaim.out).isEmpty();
    CliRun reversed = CliRun.run("shares", "hashrate", "--pool-difficulty", "1", "--from", "2026-11-28T00:01:00Z", "--to", "2026-11-28T00:00:00Z",
        file);
    assertThat(reversed.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(reversed.err).contains("periodEnd");
    CliRun badTime = CliRun.run("shares", "hashrate", "--pool-difficulty", "1", "--from", "yesterday", "--to", "2026-11-28T00:00:00Z", file);
    assertThat(badTime.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(badTime.err).contains("--from");
  }

  private Path sharesStating(double... difficulties) throws IOException {
    ArrayNode shares = (ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    for (int i = 0; i < difficulties.length; i++) {
      ((ObjectNode) shares.get(i)).put("set_difficulty", difficulties[i]);
    }
    return Files.writeString(dir.resolve("stating.json"), JSON.writeValueAsString(shares));
  }

  @Test
  void withoutPoolDifficultyAShareThatDoesNotStateItsSessionsDifficultyIsUnusableInput() throws IOException {
    // A default of 1 would pass, as valid, shares a pool at difficulty 8192 refused.
    CliRun verify = CliRun.run("shares", "verify", realShares().toString());
    CliRun hashrate = CliRun.run("shares", "hashrate", "--from", "2026-11-28T00:00:00Z", "--to", "2026-11-28T00:01:00Z",
        realShares().toString());
    CliRun oneStates = CliRun.run("shares", "verify", sharesStating(8).toString());
    for (CliRun r : new CliRun[] {verify, hashrate}) {
      assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.out).isEmpty();
      assertThat(r.err).contains("--pool-difficulty").contains("is required").contains("share [0]");
    }
    assertThat(oneStates.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(oneStates.err).contains("--pool-difficulty").contains("share [1]");
    assertThat(oneStates.out).isEmpty();
  }

  @Test
  void eachShareIsCheckedAgainstTheDifficultyItsRowStates() throws IOException {
    // The real shares reached about 7.9 and 18.0: the first fails at 10, the second passes at 16.
    CliRun r = CliRun.run("shares", "verify", sharesStating(10, 16).toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    List<JsonNode> rows = lines(r);
    assertThat(rows.get(0).get("reason").asText()).isEqualTo("LOW_DIFFICULTY_SHARE");
    assertThat(rows.get(1).get("valid").asBoolean()).isTrue();
    assertThat(CliRun.run("shares", "verify", sharesStating(7, 18).toString()).code).isZero();
    // Stated and given alike: the same result as the option alone.
    CliRun same = CliRun.run("shares", "verify", "--pool-difficulty", "4", sharesStating(4, 4).toString());
    assertThat(same.out).isEqualTo(CliRun.run("shares", "verify", "--pool-difficulty", "4", realShares().toString()).out);
  }

  @Test
  void aRowThatContradictsThePoolDifficultyOptionIsRefused() throws IOException {
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "1", sharesStating(1, 8192).toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("[1].set_difficulty").contains("8192").contains("--pool-difficulty 1.0");
  }

  @Test
  void aBadSetDifficultyNamesTheRow() throws IOException {
    for (String bad : new String[] {"\"8\"", "0", "-2", "true"}) {
      String text = CliRun.resource("stratum/shares.json").replaceFirst("\"notify\"", "\"set_difficulty\": " + bad + ", \"notify\"");
      Path file = Files.writeString(dir.resolve("bad.json"), text);
      CliRun r = CliRun.run("shares", "verify", file.toString());
      assertThat(r.code).as(bad).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.err).as(bad).contains("[0].set_difficulty").contains("positive JSON number");
    }
  }

  @Test
  void hashrateTakesTheDifficultyTheRowsStateButOnlyOne() throws IOException {
    String[] period = {"--from", "2026-11-28T00:00:00Z", "--to", "2026-11-28T00:01:00Z"};
    CliRun stated = CliRun.run("shares", "hashrate", period[0], period[1], period[2], period[3],
        sharesStating(4, 4).toString());
    CliRun given = CliRun.run("shares", "hashrate", "--pool-difficulty", "4", period[0], period[1], period[2], period[3],
        realShares().toString());
    assertThat(stated.code).as(stated.err).isZero();
    assertThat(stated.out).isEqualTo(given.out);
    CliRun mixed = CliRun.run("shares", "hashrate", period[0], period[1], period[2], period[3],
        sharesStating(4, 8).toString());
    assertThat(mixed.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(mixed.out).isEmpty();
    assertThat(mixed.err).contains("[1].set_difficulty").contains("one difficulty");
  }
}
