package org.computerwa.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

/** Runs {@code site replay} in-process on the anvil node it starts, over a real ERCOT price slice. */
class SiteReplayCommandTest {
  private static final double HOURS = 24;

  private static Path prices() throws URISyntaxException {
    return Path.of(SiteReplayCommandTest.class.getResource("/org/computerwa/examples/policy/ercot_hb_south_2024-08-19_21.csv").toURI());
  }

  @Test
  void oneDayOfErcotPricesRunsTheLoopAndEveryCheckHolds(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path md = dir.resolve("replay.md");
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute("site", "replay", "--prices", prices().toString(), "--days", "1", "--json", "--markdown", md.toString());
    assertThat(code).as(err + "\n" + out).isZero();
    JsonNode s = new ObjectMapper().readTree(out.toString());

    // the Markdown renders the same summary: every check with its figures, every group's figures
    String page = java.nio.file.Files.readString(md);
    for (JsonNode c : s.get("checks")) {
      assertThat(page).contains("| " + c.get("check").asText().replace("|", "\\|") + " | `" + c.get("actual").asText() + "` | `"
          + c.get("expected").asText() + "` | holds |");
    }
    assertThat(page).contains("| intervals | 96 |").contains("#### evidence").contains("| periods | 24 |")
        .contains("| leases.0.gross | 4320 |").doesNotContain("does not hold");

    assertThat(s.get("checksFailed").asInt()).isZero();
    assertThat(s.get("intervals").asInt()).isEqualTo(96);
    for (JsonNode c : s.get("checks")) {
      assertThat(c.get("holds").asBoolean()).as(c.toString()).isTrue();
    }
    assertThat(s.get("leaseObligationsMetPct").asDouble()).isEqualTo(100.0);

    // 24 hourly periods, each with one energy and eight availability statements, anchored in 4 batches of 6 hours.
    JsonNode e = s.get("evidence");
    assertThat(e.get("periods").asInt()).isEqualTo(24);
    assertThat(e.get("statements").asInt()).isEqualTo(24 * 9);
    assertThat(e.get("batches").asInt()).isEqualTo(4);

    // Two leases (4 and 6 devices, 6 hours each at 0.05 tUSD per device-second); the first carries
    // the credit of device 0's 75 % hour: (900 s - 60 s grace) / 8 devices = 105 s at 0.2 tUSD/s.
    JsonNode leases = s.get("settlement").get("leases");
    assertThat(leases).hasSize(2);
    assertThat(leases.get(0).get("gross").asText()).isEqualTo("4320");
    assertThat(leases.get(0).get("credits").asText()).isEqualTo("21");
    assertThat(leases.get(0).get("net").asText()).isEqualTo("4299");
    assertThat(leases.get(1).get("gross").asText()).isEqualTo("6480");
    assertThat(leases.get(1).get("credits").asText()).isEqualTo("0");
    // The operator keeps 10 % of the net rent; the holders get the rest.
    assertThat(leases.get(0).get("operatorFee").asText()).isEqualTo("429.9");
    assertThat(leases.get(0).get("holders").asText()).isEqualTo("3869.1");

    JsonNode use = s.get("revenueByUse");
    double total = 0;
    for (String u : new String[] {"mining", "aiSpot", "aiLeased", "curtailed"}) {
      total += use.get(u).get("mwh").asDouble();
    }
    assertThat(total).as("all 50 MW accounted for every hour").isCloseTo(50 * HOURS, org.assertj.core.data.Offset.offset(1e-6));
    // Leased MWh: 5 MW for 6 h and 7.5 MW for 6 h, at least (the envelope reserves whole intervals).
    assertThat(use.get("aiLeased").get("mwh").asDouble()).isGreaterThanOrEqualTo(5 * 6 + 7.5 * 6);
    assertThat(use.get("aiLeased").get("revenueUsd").asDouble()).isEqualTo(4299 + 6480);
    assertThat(use.get("aiSpot").get("mwh").asDouble()).as("free GPUs run spot work at 150 $/MWh").isPositive();
    assertThat(use.get("mining").get("mwh").asDouble()).isPositive();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFileTooShortForTheTwoLeasesIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path shortFile = dir.resolve("four-hours.csv");
    java.nio.file.Files.write(shortFile, java.nio.file.Files.readAllLines(prices()).subList(0, 17));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute("site", "replay", "--prices", shortFile.toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("--prices").contains("4 hours").contains("at least 8 hours");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownPolicyIsRefusedBeforeTheChainStarts() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute("site", "replay", "--prices", prices().toString(), "--policy", "yolo");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("yolo");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void tooManyDaysIsAUsageErrorNamingTheOption() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute("site", "replay", "--prices", prices().toString(), "--days", "9");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("--days").contains("9").contains("3 whole days");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theSiteRentAndOutageComeFromOptions() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("site", "replay", "--prices",
        prices().toString(), "--days", "1", "--site-mw", "30", "--rent-per-device-hour", "90", "--outage-bps", "5000", "--json");
    assertThat(code).as(err + "\n" + out).isZero();
    JsonNode s = new ObjectMapper().readTree(out.toString());
    assertThat(s.get("checksFailed").asInt()).isZero();
    assertThat(s.get("scenario").get("siteMw").asDouble()).isEqualTo(30);
    assertThat(s.get("scenario").get("outageBps").asInt()).isEqualTo(5_000);
    JsonNode leases = s.get("settlement").get("leases");
    // 4 devices for 6 hours at 90 tUSD per device-hour; device 0 half down for an hour:
    // (1,800 s - 60 s grace) / 8 devices = 217 s at 0.1 tUSD/s (4 devices x 0.025 tUSD/s)
    assertThat(leases.get(0).get("gross").asText()).isEqualTo("2160");
    assertThat(leases.get(0).get("credits").asText()).isEqualTo("21.7");
    assertThat(s.get("leaseObligationsMetPct").asDouble()).isEqualTo(100.0);
  }

  @Test
  void badScenarioOptionsAreRefusedBeforeTheChainStarts() throws Exception {
    for (String[] bad : new String[][] {{"--site-mw", "5"}, {"--rent-per-device-hour", "0.001"}, {"--outage-bps", "9900"}}) {
      StringWriter err = new StringWriter();
      int code = ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
          .execute("site", "replay", "--prices", prices().toString(), bad[0], bad[1]);
      assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
      assertThat(err.toString()).contains(bad[0]).contains(bad[1]);
    }
  }
}
