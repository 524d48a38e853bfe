package org.computerwa.examples.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shares verify --markdown FILE} and {@code shares hashrate --markdown FILE} on the real Stratum shares. */
class SharesMarkdownTest {
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
  void sharesVerifyWritesEachShareWithItsPublishedHashAndDifficulty() throws IOException {
    Path shares = realShares();
    Path md = dir.resolve("out/shares.md");
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "1", "--markdown", md.toString(), shares.toString());
    assertThat(r.code).as(r.err).isZero();
    List<String> text = Files.readAllLines(md, StandardCharsets.UTF_8);
    assertThat(text.get(0)).isEqualTo("Shares of `shares.json`: 2 shares, 2 valid, 0 invalid; 1 meets the network target.");
    assertThat(text).contains("Pool difficulty: 1.0 (`--pool-difficulty`). Version-rolling mask: none granted"
        + " (no version bits may be rolled).");
    JsonNode published = JSON.readTree(shares.toFile());
    List<JsonNode> rows = lines(r);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode want = published.get(i).get("expected");
      // The table shows the hash the source published and the difficulty the JSON line printed.
      String prefix = "| " + i + " | yes | `" + want.get("block_hash_hex").asText() + "` | ";
      String line = text.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
      String[] cells = line.substring(prefix.length()).split(" \\| ");
      assertThat(new BigDecimal(cells[0])).isEqualByComparingTo(rows.get(i).get("shareDifficulty").decimalValue());
      // The difficulty the source published, to its 6 decimals.
      assertThat(new BigDecimal(cells[0]).setScale(6, java.math.RoundingMode.HALF_UP))
          .isEqualByComparingTo(want.get("share_difficulty").decimalValue());
      assertThat(line).endsWith(" | 1.0 | " + (want.get("meets_network_target").asBoolean() ? "yes" : "no") + " | - |");
    }
  }

  @Test
  void aShareBelowThePoolDifficultyIsMarkedInvalidWithItsReason() throws IOException {
    // The real shares reached difficulties of about 7.9 and 18.0.
    Path md = dir.resolve("ten.md");
    CliRun plain = CliRun.run("shares", "verify", "--pool-difficulty", "10", realShares().toString());
    CliRun r = CliRun.run("shares", "verify", "--pool-difficulty", "10", "--version-mask", "1fffe000",
        "--markdown", md.toString(), realShares().toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    assertThat(r.out).isEqualTo(plain.out);
    String text = Files.readString(md);
    assertThat(text).startsWith("Shares of `shares.json`: 2 shares, 1 valid, 1 invalid; 1 meets the network target.");
    assertThat(text).contains("Pool difficulty: 10.0 (`--pool-difficulty`). Version-rolling mask: `1fffe000`.");
    assertThat(text).containsPattern("\\| 0 \\| \\*\\*no\\*\\* \\| `00000000[0-9a-f]{56}` \\| 7\\.88[0-9]* \\| 10\\.0 \\| yes \\| LOW_DIFFICULTY_SHARE \\|");
    assertThat(text).containsPattern("\\| 1 \\| yes \\| `[0-9a-f]{64}` \\| 18\\.04[0-9]* \\| 10\\.0 \\| no \\| - \\|");
  }

  @Test
  void hashrateWritesTheFiguresAndTheSignedStatement() throws IOException {
    Path md = dir.resolve("hashrate.md");
    CliRun r = CliRun.run("shares", "hashrate", "--pool-difficulty", "4", "--from", "2026-11-28T00:00:00Z", "--to",
        "2026-11-28T00:01:00Z", "--key", DEVICE_KEY, "--chain-id", "31337", "--contract",
        "0x5FbDB2315678afecb367f032d93F642f64180aa3", "--asset-id", "7", "--claim", "lower", "--availability-bps",
        "10000", "--markdown", md.toString(), realShares().toString());
    assertThat(r.code).as(r.err).isZero();
    JsonNode out = JSON.readTree(r.out);
    String text = Files.readString(md);
    // 2 shares of difficulty 4 in 60 s: 2 * 4 * 2^32 / 60 hashes per second, about 573 MH/s.
    assertThat(out.get("hashesPerSecond").asDouble()).isEqualTo(2 * 4 * 4_294_967_296.0 / 60);
    assertThat(text).startsWith("Hashrate the shares of `shares.json` prove from 2026-11-28T00:00:00Z to "
        + "2026-11-28T00:01:00Z: 573 MH/s, 95 % interval ");
    assertThat(text).contains("| acceptedShares | 2 |  |", "| rejectedShares | 0 |  |", "| poolDifficulty | 4.0 |  |",
        "| hashesPerSecond | " + out.get("hashesPerSecond").asText() + " | 573 MH/s |",
        "| lower | " + out.get("lower").asText() + " | ", "| upper | " + out.get("upper").asText() + " | ");
    JsonNode signed = out.get("statement");
    assertThat(text).contains("Signed `HASHRATE` usage statement:",
        "| kind | `HASHRATE` |", "| assetId | `7` |", "| value | `" + signed.get("statement").get("value").asText() + "` |",
        "| digest | `" + signed.get("digest").asText() + "` |",
        "| signature | `" + signed.get("signature").asText() + "` |",
        "| signer | `" + signed.get("signer").asText() + "` |");
  }

  @Test
  void hashrateWithoutAKeySaysNoStatementWasSigned() throws IOException {
    Path md = dir.resolve("plain.md");
    CliRun r = CliRun.run("shares", "hashrate", "--pool-difficulty", "10", "--from", "2026-11-28T00:00:00Z",
        "--to", "2026-11-28T00:01:00Z", "--markdown", md.toString(), realShares().toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    String text = Files.readString(md);
    assertThat(text).contains("| acceptedShares | 1 |", "| rejectedShares | 1 |")
        .endsWith("No statement was signed (no `--key`).\n");
  }

  @Test
  void aMarkdownFileThatCannotBeWrittenIsExitTwoWithAMessageAndNothingOnStdout() throws IOException {
    String shares = realShares().toString();
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    Path md = notAFolder.resolve("r.md");
    CliRun verify = CliRun.run("shares", "verify", "--pool-difficulty", "1", "--markdown", md.toString(), shares);
    CliRun hashrate = CliRun.run("shares", "hashrate", "--pool-difficulty", "1", "--from", "2026-11-28T00:00:00Z",
        "--to", "2026-11-28T00:01:00Z", "--markdown", md.toString(), shares);
    for (CliRun r : new CliRun[] {verify, hashrate}) {
      assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.out).isEmpty();
      assertThat(r.err).contains("cannot write " + md);
    }
  }

  @Test
  void unusableSharesWriteNoMarkdown() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\":1}");
    Path md = dir.resolve("never.md");
    assertThat(CliRun.run("shares", "verify", "--pool-difficulty", "1", "--markdown", md.toString(), bad.toString()).code)
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(CliRun.run("shares", "verify", "--markdown", md.toString(), realShares().toString()).code)
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(md).doesNotExist();
  }

  @Test
  void theInputFileIsNeverOverwrittenByItsReport() throws IOException {
    Path shares = realShares();
    String before = Files.readString(shares);
    CliRun verify = CliRun.run("shares", "verify", "--pool-difficulty", "1", "--markdown", shares.toString(),
        shares.toString());
    CliRun hashrate = CliRun.run("shares", "hashrate", "--pool-difficulty", "1", "--from", "2026-11-28T00:00:00Z",
        "--to", "2026-11-28T00:01:00Z", "--markdown", dir.resolve(".").resolve("shares.json").toString(),
        shares.toString());
    for (CliRun r : new CliRun[] {verify, hashrate}) {
      assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.out).isEmpty();
      assertThat(r.err).contains("--markdown").contains("must not be the input file");
    }
    assertThat(Files.readString(shares)).isEqualTo(before);
  }

  @Test
  void sharesThatStateTheirDifficultyShowItPerRowAndHashrateStdoutIsUnchangedByMarkdown() throws IOException {
    com.fasterxml.jackson.databind.node.ArrayNode shares =
        (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(CliRun.resource("stratum/shares.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) shares.get(0)).put("set_difficulty", 10);
    ((com.fasterxml.jackson.databind.node.ObjectNode) shares.get(1)).put("set_difficulty", 16);
    Path file = Files.writeString(dir.resolve("stating.json"), JSON.writeValueAsString(shares));
    Path md = dir.resolve("stating.md");
    CliRun r = CliRun.run("shares", "verify", "--markdown", md.toString(), file.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    String text = Files.readString(md);
    assertThat(text).contains("Pool difficulty: the `set_difficulty` each share's row states.");
    assertThat(text).containsPattern("\\| 0 \\| \\*\\*no\\*\\* \\| `[0-9a-f]{64}` \\| 7\\.88[0-9]* \\| 10\\.0 \\| yes \\| LOW_DIFFICULTY_SHARE \\|");
    assertThat(text).containsPattern("\\| 1 \\| yes \\| `[0-9a-f]{64}` \\| 18\\.04[0-9]* \\| 16\\.0 \\| no \\| - \\|");

    String[] hashrate = {"shares", "hashrate", "--pool-difficulty", "4", "--from", "2026-11-28T00:00:00Z", "--to",
        "2026-11-28T00:01:00Z", realShares().toString()};
    CliRun plain = CliRun.run(hashrate);
    String[] withMd = java.util.Arrays.copyOf(hashrate, hashrate.length + 2);
    withMd[hashrate.length - 1] = "--markdown";
    withMd[hashrate.length] = dir.resolve("h.md").toString();
    withMd[hashrate.length + 1] = hashrate[hashrate.length - 1];
    CliRun marked = CliRun.run(withMd);
    assertThat(marked.code).isEqualTo(plain.code).isZero();
    assertThat(marked.out).isEqualTo(plain.out);
    assertThat(dir.resolve("h.md")).exists();
  }
}
