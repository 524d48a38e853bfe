package org.computerwa.examples.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadersVerifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static List<JsonNode> json(CliRun r) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : r.lines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private Path chainBWithPeriodStart(boolean headerRow) throws IOException {
    List<String> lines = new ArrayList<>();
    if (headerRow) {
      lines.add("height,header_hex");
    }
    List<Map<String, String>> rows = CliRun.csv("headers/mainnet_header_chains.csv");
    rows.stream().filter(r -> r.get("kind").equals("period_start")).forEach(r -> lines.add(r.get("height") + "," + r.get("header_hex")));
    rows.stream().filter(r -> r.get("chain_id").equals("B") && r.get("kind").equals("main"))
        .forEach(r -> lines.add(r.get("height") + "," + r.get("header_hex")));
    return Files.write(dir.resolve("chainB.csv"), lines);
  }

  @Test
  void aRealChainAcrossARetargetIsValidAndExitsZero() throws IOException {
    CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", chainBWithPeriodStart(true).toString());
    assertThat(r.code).as(r.err).isZero();
    List<JsonNode> rows = json(r);
    assertThat(rows).hasSize(20);
    assertThat(rows).allSatisfy(n -> assertThat(n.get("valid").asBoolean()).isTrue());
    JsonNode first = rows.get(0);
    assertThat(first.get("row").asInt()).isEqualTo(1);
    assertThat(first.get("height").asLong()).isEqualTo(552384);
    assertThat(first.get("checks").get("link").asText()).isEqualTo("n/a");
    assertThat(first.get("reason").isNull()).isTrue();
    JsonNode retarget = rows.stream().filter(n -> n.get("height").asLong() == 554400).findFirst().orElseThrow();
    assertThat(retarget.get("checks").get("pow").asText()).isEqualTo("ok");
    assertThat(retarget.get("checks").get("link").asText()).isEqualTo("ok");
    // The period start is in the file but not linked to 554399: the retarget is not proven.
    assertThat(retarget.get("checks").get("difficulty").asText()).isEqualTo("unchecked");
    assertThat(retarget.get("checks").get("version").asText()).isEqualTo("ok");
    assertThat(rows.get(2).get("checks").get("mtp").asText()).isEqualTo("unchecked");
    assertThat(rows.get(19).get("checks").get("mtp").asText()).isEqualTo("ok");
    String expectedHash = CliRun.csv("headers/mainnet_header_chains.csv").stream()
        .filter(m -> m.get("height").equals("554400")).findFirst().orElseThrow().get("block_hash_hex");
    assertThat(retarget.get("hash").asText()).isEqualTo(expectedHash);
  }

  @Test
  void theOutputMatchesTheDocumentedShapeExactly() throws IOException {
    Map<String, String> genesis = CliRun.csv("headers/famous_headers.csv").get(0);
    Path file = Files.write(dir.resolve("g.txt"), List.of(genesis.get("header_hex")));
    CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", file.toString());
    assertThat(r.code).isZero();
    assertThat(r.out.strip()).isEqualTo("{\"row\":1,\"height\":null,\"hash\":\"" + genesis.get("block_hash_hex")
        + "\",\"valid\":true,\"checks\":{\"pow\":\"ok\",\"link\":\"n/a\",\"difficulty\":\"n/a\",\"mtp\":\"n/a\",\"version\":\"n/a\"},"
        + "\"reason\":null}");
  }

  @Test
  void aMutatedHeaderIsInvalidWithItsReasonAndExitsOne() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(chainBWithPeriodStart(false)));
    String[] cells = lines.get(5).split(",");
    char[] hex = cells[1].toCharArray();
    hex[156] = hex[156] == '0' ? '1' : '0'; // a nibble of the nonce (bytes 76-79)
    lines.set(5, cells[0] + "," + new String(hex));
    Path file = Files.write(dir.resolve("mutated.csv"), lines);
    CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", file.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    List<JsonNode> rows = json(r);
    assertThat(rows.get(5).get("valid").asBoolean()).isFalse();
    assertThat(rows.get(5).get("checks").get("pow").asText()).isEqualTo("fail");
    assertThat(rows.get(5).get("reason").asText()).isEqualTo("HIGH_HASH");
    assertThat(rows.get(6).get("checks").get("link").asText()).isEqualTo("fail");
    assertThat(rows.get(6).get("reason").asText()).isEqualTo("BAD_PREV_HASH");
  }

  @Test
  void aRetargetWhosePeriodIsNotInTheFileIsUncheckedNotJudged() throws IOException {
    for (Map<String, String> p : CliRun.csv("headers/retarget_periods.csv")) {
      Path file = Files.write(dir.resolve("period.csv"), List.of(
          p.get("first_height") + "," + p.get("first_header_hex"),
          p.get("last_height") + "," + p.get("last_header_hex"),
          p.get("next_height") + "," + p.get("next_header_hex")));
      CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", file.toString());
      assertThat(r.code).as(p.get("source")).isZero();
      JsonNode next = json(r).get(2);
      assertThat(next.get("checks").get("difficulty").asText()).isEqualTo("unchecked");
      assertThat(next.get("checks").get("mtp").asText()).isEqualTo("unchecked");
      assertThat(next.get("valid").asBoolean()).isTrue();
    }
  }

  @Test
  void mainnetIsTheDefaultNetworkAsInBitcoinTools() throws IOException {
    Map<String, String> signet = CliRun.csv("headers/signet_checkpoints.csv").get(0);
    Path file = Files.write(dir.resolve("s.csv"), List.of(signet.get("height") + "," + signet.get("header_hex")));
    assertThat(CliRun.run("headers", "verify", "--network", "signet", file.toString()).code).isZero();
    CliRun byDefault = CliRun.run("headers", "verify", file.toString());
    assertThat(byDefault.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    assertThat(json(byDefault).get(0).get("reason").asText()).isEqualTo("BITS_ABOVE_POW_LIMIT");
  }

  @Test
  void aWrongLengthRowIsInvalidWithBadLength() throws IOException {
    Path file = Files.write(dir.resolve("short.txt"), List.of("00ff"));
    CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", file.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    JsonNode row = json(r).get(0);
    assertThat(row.get("reason").asText()).isEqualTo("BAD_LENGTH");
    assertThat(row.get("hash").isNull()).isTrue();
  }

  @Test
  void unreadableInputExitsTwoAndPrintsNothing() throws IOException {
    Path nonHex = Files.write(dir.resolve("x.txt"), List.of("554400,zz"));
    CliRun r = CliRun.run("headers", "verify", nonHex.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("line 1").contains("zz");
    assertThat(CliRun.run("headers", "verify", dir.resolve("missing.csv").toString()).code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    Path badHeight = Files.write(dir.resolve("h.txt"), List.of("-3,00"));
    assertThat(CliRun.run("headers", "verify", badHeight.toString()).code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    Path file = Files.write(dir.resolve("ok.txt"), List.of("00"));
    CliRun badNetwork = CliRun.run("headers", "verify", "--network", "testnet9", file.toString());
    assertThat(badNetwork.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(badNetwork.err).contains("testnet9");
  }
}
