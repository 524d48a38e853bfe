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
  void theJsonReportHasTheTargetedRowsAndItsExitCodeSaysWhetherEveryTargetIsMet() throws Exception {
    String[] r = run("gas-report", "--json", "--holders", "5,40");
    assertThat(r[2]).isEmpty();
    JsonNode root = new ObjectMapper().readTree(r[1]);
    assertThat(root.path("holderCounts").toString()).isEqualTo("[5,40]");
    List<String> measured = new ArrayList<>();
    java.util.Map<String, Long> targets = new java.util.HashMap<>();
    for (JsonNode op : root.path("operations")) {
      String name = op.path("operation").asText();
      if (op.has("gasByHolders")) {
        measured.add(name);
        assertThat(op.path("gasByHolders").path("5").asLong())
            .as(name)
            .isPositive()
            .isEqualTo(op.path("gasByHolders").path("40").asLong());
        assertThat(op.path("independentOfHolders").asBoolean()).isTrue();
      }
      if (op.has("target")) {
        long target = op.path("target").asLong();
        assertThat(target).as(name).isPositive();
        if (op.path("scenario").asText().equals("public client")) {
          targets.put(name, target);
        }
        long gas = op.has("gas") ? op.path("gas").asLong() : op.path("gasByHolders").path("40").asLong();
        assertThat(op.path("withinTarget").asBoolean()).as(name).isEqualTo(gas <= target);
      }
    }
    assertThat(measured)
        .contains(
            "share transfer to an existing holder",
            "revenue deposit (distribution)",
            "claim (holder already holds the stablecoin)");
    assertThat(targets)
        .containsEntry("register asset with shares (one transaction)", 500_000L)
        .containsEntry("share transfer to a first-time holder", 80_000L)
        .containsEntry("share transfer to an existing holder", 60_000L)
        .containsEntry("lease acceptance with permit (first ever)", 150_000L)
        .containsEntry("revenue deposit (distribution)", 60_000L)
        .containsEntry("claim (holder already holds the stablecoin, one lease streaming)", 60_000L)
        .containsEntry("anchor evidence root", 70_000L);
    boolean all = root.path("allWithinTarget").asBoolean();
    assertThat(r[0]).isEqualTo(all ? "0" : Integer.toString(ComputerwaCli.EXIT_INVALID));
  }

  @Test
  void theTextReportIsATableWithOneColumnPerHolderCount() {
    String[] r = run("gas-report", "--holders", "4,6");
    assertThat(r[1])
        .as("stdout (exit %s, stderr: %s)", r[0], r[2])
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
