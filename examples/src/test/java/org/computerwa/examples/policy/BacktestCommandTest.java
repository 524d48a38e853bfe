package org.computerwa.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

  @TempDir Path dir;

  private Path sample() throws Exception {
    Path file = dir.resolve("prices.csv");
    if (Files.exists(file)) {
      return file;
    }
    try (InputStream in = Objects.requireNonNull(
        getClass().getResourceAsStream("/org/computerwa/examples/policy/ercot_hb_south_2024-08-19_21.csv"))) {
      Files.copy(in, file);
    }
    return file;
  }

  private int run(StringWriter out, StringWriter err, String... args) {
    return ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @Test
  void jsonOutputHasEveryRequiredField() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "backtest", "--prices", sample().toString(), "--policy", "rolling", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    for (String f : new String[] {"policy", "intervals", "profitUsd", "alwaysMineProfitUsd", "optimumProfitUsd",
        "capturedFlexibilityValue", "switches", "curtailedHours", "mwhByPool", "slaBreaches", "envelopeInterventions"}) {
      assertThat(j.has(f)).as(f).isTrue();
    }
    assertThat(j.get("intervals").asInt()).isEqualTo(288);
    assertThat(j.get("slaBreaches").asInt()).isZero();
    assertThat(j.get("profitUsd").asDouble()).isLessThanOrEqualTo(j.get("optimumProfitUsd").asDouble());
    assertThat(j.get("capturedFlexibilityValue").asDouble()).isGreaterThan(0.5);
  }

  @Test
  void theChartIsWrittenAsPngAndSvg() throws Exception {
    Path png = dir.resolve("chart.png");
    int code = run(new StringWriter(), new StringWriter(), "backtest", "--prices", sample().toString(),
        "--policy", "threshold", "--chart", png.toString(), "--site", site().toString());
    assertThat(code).isZero();
    assertThat(Files.size(png)).isGreaterThan(1000);
    assertThat(Files.readString(dir.resolve("chart.svg"))).contains("<svg");
  }

  private Path site() throws Exception {
    Path f = dir.resolve("site.json");
    Files.writeString(f, "{\"capacityMw\": 60, \"miningMaxMw\": 50, \"gpuSpotMw\": 5, \"aiMarginUsdPerMwh\": 150,"
        + " \"leases\": [{\"start\": \"2024-08-20T00:00:00Z\", \"end\": \"2024-08-21T00:00:00Z\", \"mw\": 10}]}");
    return f;
  }

  @Test
  void anUnknownPolicyIsAUsageErrorNamingIt() throws Exception {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--policy", "oracle");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("oracle");
  }

  @Test
  void anUnknownSiteFieldIsAUsageErrorNamingIt() throws Exception {
    Path f = dir.resolve("bad-site.json");
    Files.writeString(f, "{\"capacityMw\": 50, \"capacity\": 60}");
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--site", f.toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("site.capacity");
  }

  @Test
  void explicitOptionsGiveTheReferenceSiteResult() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    run(a, new StringWriter(), "backtest", "--prices", sample().toString(), "--json");
    run(b, new StringWriter(), "backtest", "--prices", sample().toString(), "--json", "--capacity-mw", "50",
        "--hashprice", "50", "--efficiency", "20", "--dwell-minutes", "60", "--switch-cost", "500", "--policy", "rolling");
    assertThat(b.toString()).isEqualTo(a.toString());
  }

  @Test
  void aMissingFileIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", dir.resolve("none.csv").toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("none.csv");
  }

  @Test
  void listPoliciesPrintsTheBuiltInNamesOnePerLine() {
    StringWriter out = new StringWriter();
    assertThat(run(out, new StringWriter(), "backtest", "--list-policies")).isZero();
    assertThat(out.toString().lines().toList()).isEqualTo(org.computerwa.mining.policy.LoadPolicies.names())
        .contains("always-mine", "threshold", "rolling", "adaptive");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("policyNames")
  void everyListedPolicyRuns(String name) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "backtest", "--prices", sample().toString(), "--policy", name, "--json")).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("policy").asText()).isEqualTo(name);
    assertThat(j.get("profitUsd").asDouble()).isLessThanOrEqualTo(j.get("optimumProfitUsd").asDouble());
  }

  static java.util.List<String> policyNames() {
    return org.computerwa.mining.policy.LoadPolicies.names();
  }

  @Test
  void anUnknownPolicyOrAMissingPriceFileIsAUsageError() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--policy", "clairvoyant"))
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("policy").contains("clairvoyant");
    StringWriter err2 = new StringWriter();
    assertThat(run(new StringWriter(), err2, "backtest", "--policy", "rolling")).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err2.toString()).contains("--prices");
  }

  @Test
  void walkForwardSeasonsAndMarkdownComeFromOneRun() throws Exception {
    Path md = dir.resolve("reports/report.md");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "backtest", "--prices", sample().toString(), "--policy", "threshold", "--walk-forward",
        "--training-days", "1", "--test-days", "1", "--markdown", md.toString(), "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    JsonNode wf = j.get("walkForward");
    assertThat(wf.get("candidates")).hasSize(5);
    assertThat(wf.get("folds")).hasSize(2); // 3 days: 1 training, then 2 test periods of 1 day
    assertThat(wf.get("folds").get(0).get("split").asText()).isEqualTo("2024-08-20T00:00:00Z");
    for (JsonNode f : wf.get("folds")) {
      assertThat(f.get("hindsight").get("profitUsd").asDouble())
          .isGreaterThanOrEqualTo(f.get("outOfSample").get("profitUsd").asDouble() - 0.01);
    }
    assertThat(j.get("seasons")).hasSize(1);
    String text = Files.readString(md);
    assertThat(text).contains("computerwa backtest --prices").contains("--walk-forward")
        .contains("| fold 1 | 2024-08-20T00:00:00Z |").contains("Out of sample, all test periods");
  }
}
