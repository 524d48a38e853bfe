package org.computerwa.examples.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

class GasReportCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void theJsonReportShowsHolderIndependentTransfersDepositsAndClaimsWithinTarget()
      throws Exception {
    String[] r = run("gas-report", "--json", "--holders", "5,40");
    assertThat(r[2]).isEmpty();
    assertThat(r[0]).isEqualTo("0");
    JsonNode root = new ObjectMapper().readTree(r[1]);
    assertThat(root.path("holderCounts").toString()).isEqualTo("[5,40]");
    List<String> measured = new ArrayList<>();
    for (JsonNode op : root.path("operations")) {
      if (op.has("gasByHolders")) {
        measured.add(op.path("operation").asText());
        assertThat(op.path("gasByHolders").path("5").asLong())
            .as(op.path("operation").asText())
            .isPositive()
            .isEqualTo(op.path("gasByHolders").path("40").asLong());
        assertThat(op.path("independentOfHolders").asBoolean()).isTrue();
      }
      if (op.has("target")) {
        assertThat(op.path("withinTarget").asBoolean()).as(op.toString()).isTrue();
      }
    }
    assertThat(measured)
        .contains(
            "share transfer to an existing holder",
            "revenue deposit (distribution)",
            "claim (holder already holds the stablecoin)");
    assertThat(root.path("allWithinTarget").asBoolean()).isTrue();
  }

  @Test
  void theTextReportIsATableWithOneColumnPerHolderCount() {
    String[] r = run("gas-report", "--holders", "4,6");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1])
        .contains("4 holders")
        .contains("6 holders")
        .contains("share transfer to an existing holder")
        .contains("One-off operations")
        .contains("register asset");
  }

  @Test
  void aHolderCountOutOfRangeIsAUsageError() {
    String[] r = run("gas-report", "--holders", "2");
    assertThat(r[0]).isEqualTo(Integer.toString(ComputerwaCli.EXIT_USAGE));
    assertThat(r[2]).contains("--holders").contains("was 2");
  }
}
