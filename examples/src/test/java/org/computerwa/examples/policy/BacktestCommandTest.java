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
    int code = run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "rolling", "--json");
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
    int code = run(new StringWriter(), new StringWriter(), "backtest", "--prices", sample().toString(), "--market", "ercot",
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
  void aLossLimitWrapsThePolicyAndNeedsAStatedPriceRange() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "threshold",
        "--loss-limit-usd", "20000", "--price-range", "-250:5000", "--seasons", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("policy").asText()).isEqualTo("bounded threshold");
    for (JsonNode q : j.get("seasons")) {
      assertThat(q.get("profitUsd").asDouble() - q.get("alwaysMineProfitUsd").asDouble()).isGreaterThanOrEqualTo(-20_000);
    }

    StringWriter noRange = new StringWriter();
    assertThat(run(new StringWriter(), noRange, "backtest", "--prices", sample().toString(), "--market", "ercot",
        "--loss-limit-usd", "20000")).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(noRange.toString()).contains("--price-range").contains("no default");
    StringWriter badRange = new StringWriter();
    assertThat(run(new StringWriter(), badRange, "backtest", "--prices", sample().toString(), "--market", "ercot",
        "--loss-limit-usd", "20000", "--price-range", "5000:-250")).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(badRange.toString()).contains("low < high");
    StringWriter rangeAlone = new StringWriter();
    assertThat(run(new StringWriter(), rangeAlone, "backtest", "--prices", sample().toString(), "--market", "ercot",
        "--price-range", "-250:5000")).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(rangeAlone.toString()).contains("--loss-limit-usd");
  }

  @Test
  void anUnknownPolicyIsAUsageErrorNamingIt() throws Exception {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "oracle");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("oracle");
  }

  @Test
  void anUnknownSiteFieldIsAUsageErrorNamingIt() throws Exception {
    Path f = dir.resolve("bad-site.json");
    Files.writeString(f, "{\"capacityMw\": 50, \"capacity\": 60}");
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--site", f.toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("site.capacity");
  }

  @Test
  void explicitOptionsGiveTheReferenceSiteResult() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    run(a, new StringWriter(), "backtest", "--prices", sample().toString(), "--market", "ercot", "--json");
    run(b, new StringWriter(), "backtest", "--prices", sample().toString(), "--market", "ercot", "--json", "--capacity-mw", "50",
        "--hashprice", "50", "--efficiency", "20", "--dwell-minutes", "60", "--switch-cost", "500", "--policy", "rolling");
    assertThat(b.toString()).isEqualTo(a.toString());
  }

  @Test
  void aMissingFileIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", dir.resolve("none.csv").toString(), "--market", "ercot");
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
    assertThat(run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", name, "--json")).as(err.toString()).isZero();
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
    assertThat(run(new StringWriter(), err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "clairvoyant"))
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
    int code = run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "threshold", "--walk-forward",
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

  @Test
  void theMarketRulesHaveNoDefault() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "backtest", "--prices", sample().toString())).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("--market").contains("no default");
    StringWriter err2 = new StringWriter();
    assertThat(run(new StringWriter(), err2, "backtest", "--prices", sample().toString(), "--market", "pjm"))
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err2.toString()).contains("--market").contains("pjm");
  }

  @Test
  void theSummaryIsGeneratedFromTheKeptJsonReports() throws Exception {
    Path reports = dir.resolve("kept");
    Files.createDirectories(reports);
    for (String policy : new String[] {"always-mine", "threshold"}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", policy,
          "--label", "ERCOT South, 3 days", "--seasons", "--json");
      assertThat(code).as(err.toString()).isZero();
      Files.writeString(reports.resolve("south-" + policy + ".json"), out.toString());
    }
    JsonNode threshold = new ObjectMapper().readTree(Files.readString(reports.resolve("south-threshold.json")));
    double gain = threshold.get("seasons").get(0).get("gainOverAlwaysMineUsd").asDouble();
    Path md = dir.resolve("summary.md");
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "backtest", "summary", "--markdown", md.toString(), reports.toString()))
        .as(err.toString()).isZero();
    String text = Files.readString(md);
    assertThat(text).contains("| ERCOT South, 3 days | always-mine | 0.0 % | 0 of 1 (0) | n/a | n/a |")
        .contains("| ERCOT South, 3 days | threshold | ")
        .contains("[JSON](reports/backtest/south-threshold.json)")
        .contains(gain < 0 ? "Policies that ended no quarter below always-mine on any data set: **always-mine**."
            : "**always-mine, threshold**");
  }

  @Test
  void aSummaryCanBeNarrowedToTheDataSetsWhoseLabelContainsAText() throws Exception {
    Path reports = dir.resolve("marked");
    Files.createDirectories(reports);
    for (String label : new String[] {"South (fresh)", "South (seen)"}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = run(out, err, "backtest", "--prices", sample().toString(), "--market", "ercot", "--policy", "threshold",
          "--label", label, "--seasons", "--json");
      assertThat(code).as(err.toString()).isZero();
      Files.writeString(reports.resolve(label.replaceAll("\\W", "") + ".json"), out.toString());
    }
    Path md = dir.resolve("fresh.md");
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "backtest", "summary", "--data-set-contains", "fresh", "--markdown", md.toString(),
        reports.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(md)).contains("--data-set-contains \"fresh\"").contains("from the 1 JSON reports")
        .contains("| South (fresh) | threshold |").doesNotContain("(seen)");
    StringWriter none = new StringWriter();
    assertThat(run(new StringWriter(), none, "backtest", "summary", "--data-set-contains", "North", reports.toString()))
        .isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(none.toString()).contains("summary.dataSetContains").contains("North");
  }

  @Test
  void aSummaryOfAMalformedReportNamesTheFileAndField() throws Exception {
    Path reports = dir.resolve("bad");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("x.json"), "{\"dataSet\": \"d\", \"policy\": \"rolling\", \"capturedFlexibilityValue\": 0.5}");
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "backtest", "summary", reports.toString())).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("x.json.seasons");
  }
}
