package org.computerwa.examples.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GasReportMarkdownTest {

  @Test
  void theMarkdownTablesHoldTheSameFiguresAsTheJsonOfTheSameRun(@TempDir Path dir) throws Exception {
    Path md = dir.resolve("nested/gas.md");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute("gas-report", "--json", "--holders", "4,6", "--markdown", md.toString());
    assertThat(err.toString()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    // The exit code is the report's verdict: 0 exactly when every row with a target is within it.
    boolean allWithin = true;
    for (JsonNode op : root.path("operations")) {
      if (op.has("withinTarget") && !op.path("withinTarget").asBoolean()) {
        allWithin = false;
      }
    }
    assertThat(root.path("allWithinTarget").asBoolean()).isEqualTo(allWithin);
    boolean pass = allWithin && root.path("allIndependentOfHolders").asBoolean();
    assertThat(code).isEqualTo(pass ? 0 : 1);
    List<String> lines = Files.readAllLines(md);
    assertThat(lines.get(0)).startsWith("Measured on solc");
    assertThat(lines).contains(
        "| scenario | operation | 4 holders | 6 holders | target | same at every count | within target |");
    int rows = 0;
    for (JsonNode op : root.path("operations")) {
      String expected;
      if (op.has("gas")) {
        expected = "| " + op.path("scenario").asText() + " | " + op.path("operation").asText() + " | "
            + gas(op.path("gas").asLong()) + " |";
      } else {
        expected = "| " + op.path("scenario").asText() + " | " + op.path("operation").asText() + " | "
            + gas(op.path("gasByHolders").path("4").asLong()) + " | "
            + gas(op.path("gasByHolders").path("6").asLong()) + " |";
      }
      assertThat(lines).as(op.toString()).anyMatch(l -> l.startsWith(expected));
      rows++;
    }
    assertThat(rows).isGreaterThan(5);
    long tableRows = lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| scenario") && !l.startsWith("| ---")).count();
    assertThat(tableRows).isEqualTo(rows);
    assertThat(String.join("\n", lines))
        .contains("Every operation with a target within it: **" + (allWithin ? "yes" : "no") + "**");
  }

  @Test
  void anUnwritableMarkdownFileIsAUsageError(@TempDir Path dir) throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    StringWriter err = new StringWriter();
    int code =
        ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute("gas-report", "--holders", "4,5", "--markdown", blocker.resolve("gas.md").toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("cannot write").contains("gas.md");
  }

  private static String gas(long g) {
    return String.format(Locale.ROOT, "%,d", g);
  }
}
