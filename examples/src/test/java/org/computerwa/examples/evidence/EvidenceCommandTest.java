package org.computerwa.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCommandTest {
  static final String KEY = "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356";
  static final SigningKey DEVICE = SigningKey.fromHex(KEY);
  static final String OTHER_KEY = "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";
  static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  @TempDir Path dir;

  static String statement(String assetId, String start, String end, String kind, String value, int bps) {
    return "{\"assetId\":\"" + assetId + "\",\"device\":\"" + DEVICE.address() + "\",\"periodStart\":\"" + start
        + "\",\"periodEnd\":\"" + end + "\",\"kind\":\"" + kind + "\",\"value\":\"" + value
        + "\",\"availabilityBps\":" + bps + "}";
  }

  Path statementsFile(String... statements) {
    return Cli.write(dir, "statements.json", "{\"statements\":[" + String.join(",", statements) + "]}");
  }

  Path threeStatements() {
    return statementsFile(
        statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "3420", 9500),
        statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "GPU_HOURS", "7600", 9500),
        statement("1", "2026-11-28T01:00:00Z", "2026-11-28T02:00:00Z", "ENERGY", "5400", 10000));
  }

  Cli sign(Path in) {
    return Cli.run("evidence", "sign", "--key", KEY, "--chain-id", "31337", "--contract", CONTRACT, "--in", in.toString());
  }

  @Test
  void signPrintsTypedDataDigestSignatureAndSignerThatRecover() {
    Cli r = sign(threeStatements());
    assertThat(r.code).as(r.err).isZero();
    JsonNode rows = r.json();
    assertThat(rows).hasSize(3);
    JsonNode row = rows.get(0);
    JsonNode typed = row.get("typedData");
    assertThat(typed.get("primaryType").asText()).isEqualTo("UsageStatement");
    assertThat(typed.get("domain").get("name").asText()).isEqualTo("ComputeRWA Usage");
    assertThat(typed.get("domain").get("chainId").asLong()).isEqualTo(31337);
    assertThat(typed.get("domain").get("verifyingContract").asText()).isEqualTo(CONTRACT);
    assertThat(typed.get("message").get("periodStart").asLong()).isEqualTo(1795824000L);
    assertThat(typed.get("message").get("value").asText()).isEqualTo("3420");
    assertThat(typed.get("types").get("UsageStatement")).hasSize(7);
    assertThat(row.get("signer").asText()).isEqualTo(DEVICE.address().toChecksumHex());
    Bytes32 digest = Bytes32.fromHex(row.get("digest").asText());
    Signature sig = Signature.fromBytes(org.bouncycastle.util.encoders.Hex.decode(row.get("signature").asText().substring(2)));
    assertThat(sig.recover(digest)).isEqualTo(DEVICE.address());
  }

  @Test
  void batchOfWhatSignPrintedGivesARootThatEveryProofReaches() {
    Path signed = Cli.write(dir, "signed.json", sign(threeStatements()).out);
    Cli r = Cli.run("evidence", "batch", "--in", signed.toString());
    assertThat(r.code).as(r.err).isZero();
    JsonNode batch = r.json();
    assertThat(batch.get("leafEncoding").toString())
        .isEqualTo("[\"uint256\",\"address\",\"uint64\",\"uint64\",\"uint8\",\"uint256\",\"uint16\"]");
    Bytes32 root = Bytes32.fromHex(batch.get("root").asText());
    JsonNode leaves = batch.get("leaves");
    assertThat(leaves).hasSize(3);
    assertThat(leaves.get(2).get("values").toString()).isEqualTo(
        "[\"1\",\"" + DEVICE.address().toChecksumHex() + "\",\"1795827600\",\"1795831200\",\"3\",\"5400\",\"10000\"]");
    for (JsonNode leaf : leaves) {
      List<Bytes32> proof = new ArrayList<>();
      leaf.get("proof").forEach(p -> proof.add(Bytes32.fromHex(p.asText())));
      // The leaf recomputed here from its printed values, independently of the CLI.
      byte[] encoded = new byte[7 * 32];
      for (int i = 0; i < 7; i++) {
        String v = leaf.get("values").get(i).asText();
        Bytes32 word = i == 1 ? Address.fromHex(v).toWord() : Bytes32.fromUint(new BigInteger(v));
        System.arraycopy(word.toBytes(), 0, encoded, 32 * i, 32);
      }
      Bytes32 leafHash = org.computerwa.core.crypto.Keccak256.hash(org.computerwa.core.crypto.Keccak256.hash(encoded).toBytes());
      MerkleProof.of(leafHash, proof).verify(root);
    }
  }

  @Test
  void sampleThenSignThenBatchRunsEndToEndOnNvidiaSmiOutput() {
    Path csv = Cli.resource(dir, "nvidia-smi-two-gpus.csv");
    Cli sample = Cli.run("evidence", "sample", "--nvidia-smi", csv.toString(), "--zone", "UTC", "--asset-id", "7",
        "--device", DEVICE.address().toHex(), "--period-start", "2026-11-28T00:00:00Z",
        "--period-end", "2026-11-28T00:10:00Z", "--interval", "PT5S", "--gap-tolerance", "2",
        "--gpu", "GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52", "--gpu", "GPU-2d9067e4-8fab-5820-6228-69e2e74b3d58");
    assertThat(sample.code).as(sample.err).isZero();
    JsonNode statements = sample.json().get("statements");
    // Figures worked out by hand in sdk-core's UsageSamplerTest for this file.
    assertThat(statements.get(0).get("kind").asText()).isEqualTo("AVAILABILITY");
    assertThat(statements.get(0).get("value").asText()).isEqualTo("509");
    assertThat(statements.get(1).get("value").asText()).isEqualTo("283");
    assertThat(statements.get(2).get("value").asText()).isEqualTo("77");
    assertThat(statements.get(2).get("availabilityBps").asInt()).isEqualTo(8495);
    Cli signed = sign(Cli.write(dir, "statements.json", sample.out));
    assertThat(signed.code).as(signed.err).isZero();
    Cli batch = Cli.run("evidence", "batch", "--in", Cli.write(dir, "signed.json", signed.out).toString());
    assertThat(batch.code).as(batch.err).isZero();
    assertThat(batch.json().get("leaves")).hasSize(3);
  }

  @Test
  void sampleReadsDcgmTextToTheSameStatements() {
    Path prom = Cli.resource(dir, "dcgm-two-gpus.prom");
    Cli r = Cli.run("evidence", "sample", "--dcgm", prom.toString(), "--asset-id", "7",
        "--device", DEVICE.address().toHex(), "--period-start", "2026-11-28T00:00:00Z",
        "--period-end", "2026-11-28T00:10:00Z", "--interval", "PT5S", "--gap-tolerance", "2",
        "--gpu", "GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52", "--gpu", "GPU-2d9067e4-8fab-5820-6228-69e2e74b3d58");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.json().get("statements").get(0).get("value").asText()).isEqualTo("509");
  }

  @Test
  void sampleRefusesNvidiaSmiWithoutAZoneAndMalformedLinesWithTheirNumber() {
    Path csv = Cli.resource(dir, "nvidia-smi-two-gpus.csv");
    String[] common = {"--asset-id", "7", "--device", DEVICE.address().toHex(), "--period-start",
        "2026-11-28T00:00:00Z", "--period-end", "2026-11-28T00:10:00Z", "--interval", "PT5S", "--gap-tolerance", "2",
        "--gpu", "GPU-a"};
    Cli noZone = Cli.run(concat(new String[] {"evidence", "sample", "--nvidia-smi", csv.toString()}, common));
    assertThat(noZone.code).isEqualTo(2);
    assertThat(noZone.out).isEmpty();
    assertThat(noZone.err).contains("--zone");
    Path bad = Cli.write(dir, "bad.csv", "timestamp, uuid, utilization.gpu [%]\n2026/11/28 00:00:05.123, GPU-a, 87 W\n");
    Cli badLine = Cli.run(concat(new String[] {"evidence", "sample", "--nvidia-smi", bad.toString(), "--zone", "UTC"}, common));
    assertThat(badLine.code).isEqualTo(2);
    assertThat(badLine.out).isEmpty();
    assertThat(badLine.err).contains("line 2 utilization.gpu");
  }

  @Test
  void signRefusesBadStatementsWithExit2AndPrintsNothing() {
    String ok = statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "3420", 9500);
    String[][] cases = {
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "UPTIME", "3420", 9500), "statements[1].kind"},
      {statement("1", "2026-11-28T01:00:00Z", "2026-11-28T00:00:00Z", "AVAILABILITY", "3420", 9500), "statements[1].periodEnd"},
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "-1", 9500), "statements[1].value"},
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "1", 10001), "statements[1].availabilityBps"},
      {statement("1", "2026-11-28T00:00:00+01:00", "2026-11-28T01:00:00Z", "AVAILABILITY", "1", 1), "statements[1].periodStart"},
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "1", 1)
          .replace(DEVICE.address().toString(), "0x1234"), "statements[1].device"},
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "1", 1)
          .replace("}", ",\"extra\":1}"), "statements[1].extra"},
      {statement("1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "1", 1)
          .replace(DEVICE.address().toString(), SigningKey.fromHex(OTHER_KEY).address().toString()), "statements[1].device"},
    };
    for (String[] c : cases) {
      Cli r = sign(statementsFile(ok, c[0]));
      assertThat(r.code).as(c[1] + ": " + r.err).isEqualTo(2);
      assertThat(r.out).as(c[1]).isEmpty();
      assertThat(r.err).as(c[1]).contains(c[1]);
    }
    Cli duplicateKey = sign(Cli.write(dir, "dup.json", "{\"statements\":[" + ok.replace("\"kind\"", "\"value\":\"1\",\"kind\"") + "]}"));
    assertThat(duplicateKey.code).isEqualTo(2);
    assertThat(duplicateKey.out).isEmpty();
    Cli trailing = sign(Cli.write(dir, "trail.json", "{\"statements\":[" + ok + "]} {}"));
    assertThat(trailing.code).isEqualTo(2);
    Cli badKey = Cli.run("evidence", "sign", "--key", "0x1234", "--chain-id", "31337", "--contract", CONTRACT,
        "--in", statementsFile(ok).toString());
    assertThat(badKey.code).isEqualTo(2);
    assertThat(badKey.err).doesNotContain("0x1234");
  }

  @Test
  void anOversizeFileIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("big.json");
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), InputFile.MAX_BYTES); // sparse: MAX_BYTES + 1 bytes
    }
    Cli s = sign(big);
    assertThat(s.code).isEqualTo(2);
    assertThat(s.out).isEmpty();
    assertThat(s.err).contains("must be at most " + InputFile.MAX_BYTES + " bytes");
    Cli b = Cli.run("evidence", "batch", "--in", big.toString());
    assertThat(b.code).isEqualTo(2);
    assertThat(b.out).isEmpty();
  }

  @Test
  void batchReportsEachForgedRowAndPrintsNoRoot() throws Exception {
    ArrayNode rows = (ArrayNode) sign(threeStatements()).json();
    // Row 0: a better availability than the device signed.
    ((ObjectNode) rows.get(0).get("typedData").get("message")).put("availabilityBps", 10000);
    // Row 1: the high-s twin of its own signature.
    ObjectNode row1 = (ObjectNode) rows.get(1);
    Signature sig = Signature.fromBytes(org.bouncycastle.util.encoders.Hex.decode(row1.get("signature").asText().substring(2)));
    byte[] twin = sig.toBytes();
    System.arraycopy(Bytes32.fromUint(N.subtract(sig.s())).toBytes(), 0, twin, 32, 32);
    twin[64] = (byte) (sig.v() == 27 ? 28 : 27);
    row1.put("signature", "0x" + org.bouncycastle.util.encoders.Hex.toHexString(twin));
    // Row 2 repeats row 2 itself as row 3.
    rows.add(rows.get(2).deepCopy());
    Cli r = Cli.run("evidence", "batch", "--in", Cli.write(dir, "forged.json", Cli.JSON.writeValueAsString(rows)).toString());
    assertThat(r.code).as(r.err).isEqualTo(1);
    JsonNode out = r.json();
    assertThat(out.has("root")).isFalse();
    List<String> reasons = new ArrayList<>();
    out.get("invalid").forEach(i -> reasons.add(i.get("index").asInt() + " " + i.get("reason").asText().split(":")[0]));
    assertThat(reasons).containsExactly("0 DIGEST_MISMATCH", "1 HIGH_S", "3 DUPLICATE");
  }

  @Test
  void batchReportsASignatureFromAnotherKeyAndTheRecomputedDigest() throws Exception {
    ArrayNode rows = (ArrayNode) sign(threeStatements()).json();
    ObjectNode row = (ObjectNode) rows.get(0);
    Bytes32 digest = Bytes32.fromHex(row.get("digest").asText());
    row.put("signature", SigningKey.fromHex(OTHER_KEY).sign(digest).toHex());
    Cli r = Cli.run("evidence", "batch", "--in", Cli.write(dir, "other.json", Cli.JSON.writeValueAsString(rows)).toString());
    assertThat(r.code).isEqualTo(1);
    assertThat(r.json().get("invalid").get(0).get("reason").asText()).startsWith("WRONG_SIGNER");
  }

  @Test
  void batchRefusesMalformedRowsWithExit2() throws Exception {
    ArrayNode rows = (ArrayNode) sign(threeStatements()).json();
    String[][] cases = {
      {"signature", "0x" + "11".repeat(64), "[0].signature"},
      {"digest", "0x1234", "[0].digest"},
      {"signer", "0x12", "[0].signer"},
    };
    for (String[] c : cases) {
      ArrayNode copy = rows.deepCopy();
      ((ObjectNode) copy.get(0)).put(c[0], c[1]);
      Cli r = Cli.run("evidence", "batch", "--in", Cli.write(dir, "bad.json", Cli.JSON.writeValueAsString(copy)).toString());
      assertThat(r.code).as(c[2]).isEqualTo(2);
      assertThat(r.out).isEmpty();
      assertThat(r.err).contains(c[2]);
    }
    ArrayNode otherType = rows.deepCopy();
    ((ObjectNode) otherType.get(0).get("typedData")).put("primaryType", "Mail");
    Cli r = Cli.run("evidence", "batch", "--in", Cli.write(dir, "type.json", Cli.JSON.writeValueAsString(otherType)).toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(Cli.run("evidence", "batch", "--in", Cli.write(dir, "empty.json", "[]").toString()).code).isEqualTo(2);
    assertThat(Cli.run("evidence", "batch", "--in", dir.resolve("missing.json").toString()).code).isEqualTo(2);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
