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
  void aMissingFileIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "backtest", "--prices", dir.resolve("none.csv").toString());
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("none.csv");
  }
}
