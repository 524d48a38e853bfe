package org.computerwa.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.crypto.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code evidence sign}, {@code batch} and {@code sample}: unusable input exits 2
 * with a message naming the field and prints nothing on standard output; a readable batch with
 * bad rows exits 1 and prints only the invalid rows, never a root or a leaf.
 */
class EvidenceBadInputTest {
  static final String OK = EvidenceCommandTest.statement(
      "1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "3420", 9500);
  static final String UINT256_PLUS_ONE =
      "115792089237316195423570985008687907853269984665640564039457584007913129639936";

  @TempDir Path dir;

  static Stream<Arguments> badStatementFiles() {
    return Stream.of(
        Arguments.of("empty file", "", "$"),
        Arguments.of("not JSON", "statements: []", "$"),
        Arguments.of("top-level array", "[" + OK + "]", "$"),
        Arguments.of("no statements", "{\"statements\":[]}", "statements"),
        Arguments.of("statements not an array", "{\"statements\":{}}", "statements"),
        Arguments.of("statement not an object", "{\"statements\":[" + OK + ",3]}", "statements[1]"),
        Arguments.of("missing value", "{\"statements\":[" + OK.replace(",\"value\":\"3420\"", "") + "]}",
            "statements[0].value"),
        Arguments.of("value as a JSON number", "{\"statements\":[" + OK.replace("\"3420\"", "3420") + "]}",
            "statements[0].value"),
        Arguments.of("value above uint256", "{\"statements\":[" + OK.replace("\"3420\"", "\"" + UINT256_PLUS_ONE + "\"") + "]}",
            "statements[0].value"),
        Arguments.of("hex asset id", "{\"statements\":[" + OK.replace("\"assetId\":\"1\"", "\"assetId\":\"0x1\"") + "]}",
            "statements[0].assetId"),
        Arguments.of("leading zero", "{\"statements\":[" + OK.replace("\"3420\"", "\"03420\"") + "]}",
            "statements[0].value"),
        Arguments.of("fractional second", "{\"statements\":[" + OK.replace("00:00:00Z", "00:00:00.5Z") + "]}",
            "statements[0].periodStart"),
        Arguments.of("no such date", "{\"statements\":[" + OK.replace("2026-11-28T00", "2026-02-30T00") + "]}",
            "statements[0].periodStart"),
        Arguments.of("empty period", "{\"statements\":[" + OK.replace("01:00:00Z", "00:00:00Z") + "]}",
            "statements[0].periodEnd"),
        Arguments.of("bps as a string", "{\"statements\":[" + OK.replace("9500", "\"9500\"") + "]}",
            "statements[0].availabilityBps"),
        Arguments.of("lower-case kind", "{\"statements\":[" + OK.replace("AVAILABILITY", "availability") + "]}",
            "statements[0].kind"),
        Arguments.of("short device", "{\"statements\":[" + OK.replace(EvidenceCommandTest.DEVICE.address().toString(),
            EvidenceCommandTest.DEVICE.address().toString().substring(0, 40)) + "]}", "statements[0].device"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStatementFiles")
  void signRefusesUnusableStatementsWithExit2AndPrintsNothing(String name, String file, String field) {
    Path in = Cli.write(dir, "statements.json", file);
    Cli r = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337",
        "--contract", EvidenceCommandTest.CONTRACT, "--in", in.toString());
    assertThat(r.code).as(name + ": " + r.err).isEqualTo(2);
    assertThat(r.out).as(name).isEmpty();
    assertThat(r.err).as(name).contains(field);
  }

  @Test
  void signRefusesAnUnusableDomainWithExit2() {
    Path in = Cli.write(dir, "statements.json", "{\"statements\":[" + OK + "]}");
    String[][] cases = {
      {"--chain-id", "0", "--contract", EvidenceCommandTest.CONTRACT},
      {"--chain-id", "-5", "--contract", EvidenceCommandTest.CONTRACT},
      {"--chain-id", "31337", "--contract", "0x1234"},
      {"--chain-id", "31337", "--contract", "not-an-address"},
    };
    for (String[] c : cases) {
      Cli r = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, c[0], c[1], c[2], c[3], "--in", in.toString());
      assertThat(r.code).as(String.join(" ", c) + ": " + r.err).isEqualTo(2);
      assertThat(r.out).isEmpty();
      assertThat(r.err).isNotBlank();
    }
    Cli missing = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337",
        "--contract", EvidenceCommandTest.CONTRACT, "--in", dir.resolve("missing.json").toString());
    assertThat(missing.code).isEqualTo(2);
    assertThat(missing.out).isEmpty();
    assertThat(missing.err).contains("missing.json");
  }

  private ArrayNode signedRows() {
    Path in = Cli.write(dir, "statements.json", "{\"statements\":[" + OK + ","
        + EvidenceCommandTest.statement("1", "2026-11-28T01:00:00Z", "2026-11-28T02:00:00Z", "ENERGY", "5400", 10000) + "]}");
    Cli r = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337",
        "--contract", EvidenceCommandTest.CONTRACT, "--in", in.toString());
    assertThat(r.code).as(r.err).isZero();
    return (ArrayNode) r.json();
  }

  private Cli batch(ArrayNode rows) throws Exception {
    return Cli.run("evidence", "batch", "--in", Cli.write(dir, "signed.json", Cli.JSON.writeValueAsString(rows)).toString());
  }

  @Test
  void batchRefusesTheCompactEip2098FormWithExit2() throws Exception {
    ArrayNode rows = signedRows();
    ObjectNode row = (ObjectNode) rows.get(1);
    Signature sig = Signature.fromBytes(Hex.decode(row.get("signature").asText().substring(2)));
    // EIP-2098: r || (yParity << 255 | s), 64 bytes, the same signature in another encoding
    byte[] compact = java.util.Arrays.copyOf(sig.toBytes(), 64);
    compact[32] |= (byte) ((sig.v() - 27) << 7);
    row.put("signature", "0x" + Hex.toHexString(compact));
    Cli r = batch(rows);
    assertThat(r.code).as(r.err).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("[1].signature");
  }

  @Test
  void batchReportsRowsSignedForAnotherChainOrDeploymentAndPrintsNoRoot() throws Exception {
    ArrayNode rows = signedRows();
    Path otherChain = Cli.write(dir, "other-chain.json", "{\"statements\":["
        + EvidenceCommandTest.statement("1", "2026-11-28T02:00:00Z", "2026-11-28T03:00:00Z", "ENERGY", "1", 10000) + "]}");
    Cli sign = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "1",
        "--contract", EvidenceCommandTest.CONTRACT, "--in", otherChain.toString());
    assertThat(sign.code).as(sign.err).isZero();
    rows.add(sign.json().get(0));
    Cli other = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337",
        "--contract", "0x000000000000000000000000000000000000dEaD", "--in", otherChain.toString());
    assertThat(other.code).as(other.err).isZero();
    rows.add(other.json().get(0));
    Cli r = batch(rows);
    assertThat(r.code).as(r.err).isEqualTo(1);
    JsonNode out = r.json();
    assertThat(out.has("root")).isFalse();
    assertThat(out.has("leaves")).isFalse();
    List<String> reasons = new ArrayList<>();
    out.get("invalid").forEach(i -> reasons.add(i.get("index").asInt() + " " + i.get("reason").asText().split(":")[0]));
    assertThat(reasons).containsExactly("2 DOMAIN_MISMATCH", "3 DOMAIN_MISMATCH");
  }

  @Test
  void batchReportsAStatementEditedAfterSigningEvenWithItsDigestRecomputed() throws Exception {
    ArrayNode rows = signedRows();
    ObjectNode row = (ObjectNode) rows.get(0);
    ((ObjectNode) row.get("typedData").get("message")).put("value", "9999");
    // The forger also recomputes the digest; the signature still covers the original value.
    String digestOfEdit = digestOf(row.get("typedData"));
    row.put("digest", digestOfEdit);
    Cli r = batch(rows);
    assertThat(r.code).as(r.err).isEqualTo(1);
    assertThat(r.json().has("root")).isFalse();
    assertThat(r.json().get("invalid")).hasSize(1);
    assertThat(r.json().get("invalid").get(0).get("index").asInt()).isZero();
    assertThat(r.json().get("invalid").get(0).get("reason").asText()).startsWith("WRONG_SIGNER");
  }

  private String digestOf(JsonNode typedData) throws Exception {
    // What sign prints as the digest for this typed data: sign the edited statement with the device key.
    JsonNode m = typedData.get("message");
    Path in = Cli.write(dir, "edited.json", "{\"statements\":[" + EvidenceCommandTest.statement(
        m.get("assetId").asText(), java.time.Instant.ofEpochSecond(m.get("periodStart").asLong()).toString(),
        java.time.Instant.ofEpochSecond(m.get("periodEnd").asLong()).toString(), "AVAILABILITY",
        m.get("value").asText(), m.get("availabilityBps").asInt()) + "]}");
    Cli r = Cli.run("evidence", "sign", "--key", EvidenceCommandTest.KEY, "--chain-id", "31337",
        "--contract", EvidenceCommandTest.CONTRACT, "--in", in.toString());
    assertThat(r.code).as(r.err).isZero();
    return r.json().get(0).get("digest").asText();
  }

  @Test
  void batchRefusesRowsOfTheWrongShapeWithExit2() throws Exception {
    ArrayNode rows = signedRows();
    ArrayNode extra = rows.deepCopy();
    ((ObjectNode) extra.get(1)).put("note", "x");
    ArrayNode noSignature = rows.deepCopy();
    ((ObjectNode) noSignature.get(1)).remove("signature");
    ArrayNode numberInMessage = rows.deepCopy();
    ((ObjectNode) numberInMessage.get(1).get("typedData").get("message")).put("assetId", UINT256_PLUS_ONE);
    ArrayNode notObject = rows.deepCopy();
    notObject.add("row");
    Object[][] cases = {{extra, "[1].note"}, {noSignature, "[1].signature"}, {numberInMessage, "[1].typedData"},
      {notObject, "[2]"}};
    for (Object[] c : cases) {
      Cli r = batch((ArrayNode) c[0]);
      assertThat(r.code).as(c[1] + ": " + r.err).isEqualTo(2);
      assertThat(r.out).as((String) c[1]).isEmpty();
      assertThat(r.err).as((String) c[1]).contains((String) c[1]);
    }
    assertThat(Cli.run("evidence", "batch", "--in", Cli.write(dir, "obj.json", "{}").toString()).code).isEqualTo(2);
    assertThat(Cli.run("evidence", "batch", "--in", Cli.write(dir, "text.json", "hello").toString()).code).isEqualTo(2);
  }

  @Test
  void batchRefusesAnUnknownKindAndAPeriodThatEndsBeforeItStartsWithExit2() throws Exception {
    ArrayNode rows = signedRows();
    ArrayNode unknownKind = rows.deepCopy();
    ((ObjectNode) unknownKind.get(1).get("typedData").get("message")).put("kind", 99);
    ArrayNode reversed = rows.deepCopy();
    ObjectNode message = (ObjectNode) reversed.get(1).get("typedData").get("message");
    long start = message.get("periodStart").asLong();
    message.put("periodStart", message.get("periodEnd").asLong()).put("periodEnd", start);
    Object[][] cases = {{unknownKind, "[1].typedData.message.kind"}, {reversed, "[1].typedData.message.periodEnd"}};
    for (Object[] c : cases) {
      Cli r = batch((ArrayNode) c[0]);
      assertThat(r.code).as(c[1] + ": " + r.err).isEqualTo(2);
      assertThat(r.out).as((String) c[1]).isEmpty();
      assertThat(r.err).as((String) c[1]).contains((String) c[1]);
    }
  }

  static Stream<Arguments> badSampleRuns() {
    return Stream.of(
        Arguments.of("missing file", new String[] {"--dcgm", "MISSING"}, "MISSING"),
        Arguments.of("empty nvidia-smi file", new String[] {"--nvidia-smi", "EMPTY", "--zone", "UTC"}, "line"),
        Arguments.of("end before start", new String[] {"--dcgm", "DCGM", "--period-end", "2026-11-27T00:00:00Z"}, "period"),
        Arguments.of("zero interval", new String[] {"--dcgm", "DCGM", "--interval", "PT0S"}, "sampleInterval"),
        Arguments.of("unknown zone", new String[] {"--nvidia-smi", "CSV", "--zone", "Mars/Olympus"}, "Mars/Olympus"),
        Arguments.of("undeclared GPU", new String[] {"--dcgm", "DCGM", "--gpu", "GPU-other"}, "GPU-"),
        Arguments.of("both inputs", new String[] {"--dcgm", "DCGM", "--nvidia-smi", "CSV", "--zone", "UTC"}, "--"),
        Arguments.of("malformed DCGM line", new String[] {"--dcgm", "BADDCGM"}, "line 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSampleRuns")
  void sampleRefusesUnusableInputWithExit2AndPrintsNothing(String name, String[] overrides, String inMessage) {
    Path csv = Cli.resource(dir, "nvidia-smi-two-gpus.csv");
    Path dcgm = Cli.resource(dir, "dcgm-two-gpus.prom");
    Path empty = Cli.write(dir, "empty.csv", "");
    Path badDcgm = Cli.write(dir, "bad.prom", "# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n"
        + "DCGM_FI_DEV_GPU_UTIL{gpu=\"0\",UUID=\"GPU-a\"} eighty 1795824005000\n");
    List<String> args = new ArrayList<>(List.of("evidence", "sample"));
    for (String o : overrides) {
      args.add(o.replace("MISSING", dir.resolve("missing.prom").toString()).replace("EMPTY", empty.toString())
          .replace("BADDCGM", badDcgm.toString()).replace("DCGM", dcgm.toString()).replace("CSV", csv.toString()));
    }
    String[][] defaults = {
      {"--asset-id", "7"}, {"--device", EvidenceCommandTest.DEVICE.address().toHex()},
      {"--period-start", "2026-11-28T00:00:00Z"}, {"--period-end", "2026-11-28T00:10:00Z"},
      {"--interval", "PT5S"}, {"--gap-tolerance", "2"}, {"--gpu", "GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52"}};
    for (String[] d : defaults) {
      if (!List.of(overrides).contains(d[0])) {
        args.add(d[0]);
        args.add(d[1]);
      }
    }
    if (!List.of(overrides).contains("--gpu")) {
      args.add("--gpu");
      args.add("GPU-2d9067e4-8fab-5820-6228-69e2e74b3d58");
    }
    Cli r = Cli.run(args.toArray(new String[0]));
    assertThat(r.code).as(name + ": " + r.err).isEqualTo(2);
    assertThat(r.out).as(name).isEmpty();
    assertThat(r.err).as(name).contains(inMessage.replace("MISSING", "missing.prom"));
  }
}
