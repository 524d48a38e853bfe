package org.computerwa.examples.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headers verify --markdown FILE} on real mainnet headers. */
class HeadersVerifyMarkdownTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** Chain B of the real mainnet data (19 linked headers across the 554400 retarget) after its period start. */
  private Path chainB(boolean mutateRow6) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("height,header_hex");
    List<Map<String, String>> rows = CliRun.csv("headers/mainnet_header_chains.csv");
    rows.stream().filter(r -> r.get("kind").equals("period_start")).forEach(r -> lines.add(r.get("height") + "," + r.get("header_hex")));
    rows.stream().filter(r -> r.get("chain_id").equals("B") && r.get("kind").equals("main"))
        .forEach(r -> lines.add(r.get("height") + "," + r.get("header_hex")));
    if (mutateRow6) {
      String[] cells = lines.get(6).split(",");
      char[] hex = cells[1].toCharArray();
      hex[156] = hex[156] == '0' ? '1' : '0'; // a nibble of the nonce
      lines.set(6, cells[0] + "," + new String(hex));
    }
    return Files.write(dir.resolve(mutateRow6 ? "mutated.csv" : "chainB.csv"), lines);
  }

  /** The table line the page must show for a JSON row, built from the JSON independently of the renderer. */
  private static String expectedLine(JsonNode row) {
    JsonNode c = row.get("checks");
    return "| " + row.get("row").asInt() + " | " + (row.get("height").isNull() ? "-" : row.get("height").asText())
        + " | " + (row.get("hash").isNull() ? "-" : "`" + row.get("hash").asText() + "`") + " | "
        + (row.get("valid").asBoolean() ? "yes" : "**no**") + " | " + c.get("pow").asText() + " | "
        + c.get("link").asText() + " | " + c.get("difficulty").asText() + " | " + c.get("mtp").asText() + " | "
        + c.get("version").asText() + " | " + (row.get("reason").isNull() ? "-" : row.get("reason").asText()) + " |";
  }

  private static List<JsonNode> json(CliRun r) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : r.lines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void theMarkdownHasOneTableRowPerJsonRowAndASummaryOfTheRealChain() throws IOException {
    Path headers = chainB(false);
    Path md = dir.resolve("report/headers.md");
    CliRun r = CliRun.run("headers", "verify", "--network", "mainnet", "--markdown", md.toString(), headers.toString());
    assertThat(r.code).as(r.err).isZero();
    List<JsonNode> rows = json(r);
    assertThat(rows).hasSize(20);
    List<String> text = Files.readAllLines(md, StandardCharsets.UTF_8);
    assertThat(text.get(0)).isEqualTo(
        "Headers of `chainB.csv` checked against mainnet's rules: 20 rows, 20 valid, 0 invalid.");
    assertThat(text).contains("| row | height | block hash | valid | pow | link | difficulty | mtp | version | reason |");
    List<String> tableRows = text.stream().filter(l -> l.matches("\\| [0-9]+ \\|.*")).toList();
    assertThat(tableRows).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(tableRows.get(i)).isEqualTo(expectedLine(rows.get(i)));
    }
    // The retarget block's real hash is on the page.
    String retargetHash = CliRun.csv("headers/mainnet_header_chains.csv").stream()
        .filter(m -> m.get("height").equals("554400")).findFirst().orElseThrow().get("block_hash_hex");
    assertThat(String.join("\n", text)).contains("| 554400 | `" + retargetHash + "` | yes | ok | ok | unchecked |");
  }

  @Test
  void stdoutIsTheSameJsonWithOrWithoutMarkdown() throws IOException {
    Path headers = chainB(true);
    CliRun plain = CliRun.run("headers", "verify", headers.toString());
    CliRun withMd = CliRun.run("headers", "verify", "--markdown", dir.resolve("m.md").toString(), headers.toString());
    assertThat(withMd.out).isEqualTo(plain.out);
    assertThat(withMd.code).isEqualTo(plain.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
  }

  @Test
  void invalidRowsAreMarkedWithTheirReasonAndCounted() throws IOException {
    Path md = dir.resolve("mutated.md");
    CliRun r = CliRun.run("headers", "verify", "--markdown", md.toString(), chainB(true).toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_INVALID);
    List<JsonNode> rows = json(r);
    long invalid = rows.stream().filter(n -> !n.get("valid").asBoolean()).count();
    assertThat(invalid).isEqualTo(2); // the mutated header (HIGH_HASH) and its child (BAD_PREV_HASH)
    String text = Files.readString(md);
    assertThat(text).startsWith("Headers of `mutated.csv` checked against mainnet's rules: 20 rows, 18 valid, 2 invalid.");
    assertThat(text).contains(expectedLine(rows.get(5))).contains(expectedLine(rows.get(6)));
    assertThat(expectedLine(rows.get(5))).contains("| **no** | fail |").endsWith("| HIGH_HASH |");
    assertThat(expectedLine(rows.get(6))).endsWith("| BAD_PREV_HASH |");
  }

  @Test
  void unusableInputWritesNoMarkdownAndLeavesAnEarlierFileAlone() throws IOException {
    Path md = Files.writeString(dir.resolve("kept.md"), "earlier report\n");
    Path nonHex = Files.write(dir.resolve("x.txt"), List.of("554400,zz"));
    CliRun r = CliRun.run("headers", "verify", "--markdown", md.toString(), nonHex.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.out).isEmpty();
    assertThat(Files.readString(md)).isEqualTo("earlier report\n");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kept.md", "x.txt");
  }

  @Test
  void aMarkdownFileThatCannotBeWrittenIsExitTwoWithAMessageAndNothingOnStdout() throws IOException {
    Path headers = chainB(false);
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    for (Path md : new Path[] {notAFolder.resolve("headers.md"), dir}) {
      CliRun r = CliRun.run("headers", "verify", "--markdown", md.toString(), headers.toString());
      assertThat(r.code).as(md.toString()).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(r.out).isEmpty();
      assertThat(r.err).startsWith("headers verify: cannot write " + md);
    }
  }

  @Test
  void theInputFileIsNeverOverwrittenByItsReport() throws IOException {
    Path headers = chainB(false);
    String before = Files.readString(headers);
    CliRun r = CliRun.run("headers", "verify", "--markdown", headers.toString(), headers.toString());
    assertThat(r.code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("--markdown").contains("must not be the input file");
    assertThat(Files.readString(headers)).isEqualTo(before);
  }
}
