package org.computerwa.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSourcesTest {
  @TempDir Path root;
  private SiteSources sources;

  @BeforeEach
  void aProjectWithAnExampleAKeptJmhRunAndAGeneratedReport() throws Exception {
    Path example = root.resolve("examples/src/main/java/Demo.java");
    Files.createDirectories(example.getParent());
    Files.writeString(example, String.join("\n",
        "class Demo {",
        "  void run() {",
        "    // tag::hello[]",
        "    int x = 1;",
        "    // tag::inner[]",
        "    int y = x + 1;",
        "    // end::inner[]",
        "    // end::hello[]",
        "    // tag::open[]",
        "  }",
        "}"));
    Path jmh = root.resolve("site/src/site/resources/reports/jmh");
    Files.createDirectories(jmh);
    Files.writeString(jmh.resolve("run.json"), "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"a.B.fast\",\"mode\":\"thrpt\","
        + "\"primaryMetric\":{\"score\":3000.0,\"scoreError\":120.0,\"scoreUnit\":\"ops/s\"}},"
        + "{\"benchmark\":\"a.B.slow\",\"mode\":\"thrpt\",\"params\":{\"n\":\"2\"},"
        + "\"primaryMetric\":{\"score\":1000.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\"}}]");
    Files.writeString(jmh.resolve("run.conditions.json"), "{\"command\":\"java -jar b.jar B\",\"started\":\"2026-12-01T06:00:00Z\","
        + "\"machine\":\"2 vCPU\",\"jdk\":\"17\",\"note\":\"shared machine\"}");
    Files.createDirectories(root.resolve("gen"));
    Files.writeString(root.resolve("gen/gas.md"), "| op | gas |\n| --- | ---: |\n| x | 1 |\n");
    sources = new SiteSources(root.resolve("site/src/site"), root.resolve("out"), root, root.resolve("gen"));
  }

  @Test
  void aSnippetDirectiveBecomesTheDedentedRegionWithoutNestedMarkers() {
    String page = sources.expand("markdown/p.md", "Intro\n<!-- snippet: examples/src/main/java/Demo.java#hello -->\nOutro\n");
    assertThat(page).isEqualTo("Intro\n```java\nint x = 1;\nint y = x + 1;\n```\nOutro\n");
  }

  @Test
  void aMissingOrUnclosedRegionFailsWithThePageAndLine() {
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "a\n<!-- snippet: examples/src/main/java/Demo.java#nope -->\n"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("no region 'nope'");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- snippet: examples/src/main/java/Demo.java#open -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("'open' is not closed");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- snippet: ../../etc/passwd#x -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("inside the project");
  }

  @Test
  void aJmhDirectiveRendersTheConditionsTheChartAndTheScoresFromTheKeptJson() throws Exception {
    String page = sources.expand("markdown/p.md", "<!-- jmh: run -->\n");
    assertThat(page)
        .contains("Measured with `java -jar b.jar B`, 2026-12-01T06:00:00Z.")
        .contains("- Machine: 2 vCPU")
        .contains("- Note: shared machine")
        .contains("![run scores](reports/jmh/run.png)")
        .contains("| B | `fast` | thrpt | 3,000 ± 120 | ops/s |")
        .contains("| B | `slow[n=2]` | thrpt | 1,000 | ops/s |");
    assertThat(root.resolve("out/resources/reports/jmh/run.png")).isRegularFile();
  }

  @Test
  void conditionsMayAlsoBeKeyValueLines() throws Exception {
    Path jmh = root.resolve("site/src/site/resources/reports/jmh");
    Files.delete(jmh.resolve("run.conditions.json"));
    Files.writeString(jmh.resolve("run.properties"), "# conditions\ncommand=java -jar b.jar B\n"
        + "started_utc=2026-12-01T06:56:50Z\nmachine=2 vCPU\njdk=17\nnote=loaded\n");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh: run -->\n"))
        .contains("Measured with `java -jar b.jar B`, 2026-12-01T06:56:50Z.")
        .contains("- Note: loaded")
        .doesNotContain("Started_utc");
    Files.delete(jmh.resolve("run.properties"));
    Files.writeString(jmh.resolve("run.txt"), "command=java B\ndate_utc_start=2026-12-01\ncpu=EPYC\n");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- jmh: run -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("jdk required");
  }

  @Test
  void ratiosAreComputedFromTheScoresAndComparedWithTheirTargets() {
    String page = sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nfast / slow[n=2] >= 2.5\nslow[n=2] / fast >= 1\n-->\nafter\n");
    assertThat(page)
        .contains("| `fast` / `slow[n=2]` | 3.00 | >= 2.5 | yes |")
        .contains("| `slow[n=2]` / `fast` | 0.33 | >= 1 | **no** |")
        .endsWith("after\n");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nfast / medium >= 1\n-->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("no result 'medium'");
  }

  @Test
  void aScoreIsCheckedAgainstAnAbsoluteTargetInItsOwnUnit() {
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nfast >= 2500\nslow[n=2] >= 2000\n-->\n"))
        .contains("| `fast` (ops/s) | 3,000 | >= 2500 | yes |")
        .contains("| `slow[n=2]` (ops/s) | 1,000 | >= 2000 | **no** |");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nslow[n=2] <= 999.9\n-->\n"))
        .contains("| `slow[n=2]` (ops/s) | 1,000 | <= 999.9 | **no** |");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nfast > 1\n-->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("is neither 'A / B >= TARGET' nor 'A >= TARGET'");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nfast <= two\n-->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("target 'two' is not a number");
  }

  @Test
  void aJmhRunWithoutItsConditionsFileIsRefused() throws Exception {
    Files.delete(root.resolve("site/src/site/resources/reports/jmh/run.conditions.json"));
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- jmh: run -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("no conditions file run.conditions.json");
  }

  @Test
  void anIncludeDirectiveInsertsAGeneratedReportAndOtherCommentsStay() {
    String page = sources.expand("markdown/p.md", "<!-- a plain comment -->\n<!-- include: gas.md -->\nend");
    assertThat(page).isEqualTo("<!-- a plain comment -->\n| op | gas |\n| --- | ---: |\n| x | 1 |\nend");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- include: none.md -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("no generated report 'none.md'");
  }

  @Test
  void backtestReportsAreRenderedFieldByFieldWithTheirChartAndConditions() throws Exception {
    assertThat(sources.expand("markdown/p.md", "<!-- backtest-all -->\n")).startsWith("No backtest report is kept yet");
    Path dir = root.resolve("site/src/site/resources/reports/backtest");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("rolling.json"), "{\"policy\":\"rolling\",\"profitUsd\":18317224.60,"
        + "\"site\":{\"capacityMw\":50},\"runs\":[{\"policy\":\"always-mine\",\"switches\":0},{\"policy\":\"rolling\",\"switches\":72,\"note\":\"a|b\"}]}");
    Files.writeString(dir.resolve("rolling.conditions.json"), "{\"command\":\"computerwa backtest --json\"}");
    Files.writeString(dir.resolve("rolling.png"), "png");
    String page = sources.expand("markdown/p.md", "<!-- backtest-all -->\n");
    assertThat(page)
        .contains("### rolling")
        .contains("| command | computerwa backtest --json |")
        .contains("![rolling](reports/backtest/rolling.png)")
        .contains("| profitUsd | 18317224.60 |")
        .contains("| site.capacityMw | 50 |")
        .contains("| policy | switches | note |")
        .contains("| rolling | 72 | a\\|b |")
        .contains("[rolling.json](reports/backtest/rolling.json)")
        .doesNotContain("### rolling.conditions");
  }

  @Test
  void anIncludedProgramOutputBecomesACodeBlockAndAnIncludedChartAnImage() throws Exception {
    Files.writeString(root.resolve("gen/run.txt"), "policy rolling\nprofit 1.00\n");
    Files.write(root.resolve("gen/run.png"), new byte[] {1, 2, 3});
    assertThat(sources.expand("markdown/p.md", "<!-- include: run.txt -->\n<!-- include: run.png -->\n"))
        .isEqualTo("```\npolicy rolling\nprofit 1.00\n```\n![run.png](reports/generated/run.png)\n");
    assertThat(root.resolve("out/resources/reports/generated/run.png")).hasBinaryContent(new byte[] {1, 2, 3});
  }

  @Test
  void aGasChartIsDrawnFromTheGasReportJson() throws Exception {
    Files.writeString(root.resolve("gen/gas.json"), "{\"holderCounts\":[10,1000],\"operations\":["
        + "{\"operation\":\"claim (steady)\",\"gasByHolders\":{\"10\":52956,\"1000\":52956}},"
        + "{\"operation\":\"deploy\",\"gas\":1000000}]}");
    assertThat(sources.expand("markdown/p.md", "<!-- gas-chart: gas.json -->"))
        .isEqualTo("![Gas of holder-dependent operations at each holder count](reports/gas/holder-counts.png)\n");
    assertThat(Files.size(root.resolve("out/resources/reports/gas/holder-counts.png"))).isGreaterThan(1000);
    Files.writeString(root.resolve("gen/empty.json"), "{\"holderCounts\":[10],\"operations\":[]}");
    assertThatThrownBy(() -> sources.expand("markdown/p.md", "<!-- gas-chart: empty.json -->"))
        .isInstanceOf(SiteSourceException.class).hasMessageContaining("no holder-dependent operation");
  }

  @Test
  void runCopiesTheSiteAndWritesTheJmhResultsPage() throws Exception {
    Path md = root.resolve("site/src/site/markdown/index.md");
    Files.createDirectories(md.getParent());
    Files.writeString(md, "# Home\n<!-- include: gas.md -->\n");
    sources.run();
    assertThat(Files.readString(root.resolve("out/markdown/index.md"))).contains("| x | 1 |");
    assertThat(Files.readString(root.resolve("out/markdown/jmh-results.md"))).contains("## run").contains("`slow[n=2]`");
    assertThat(root.resolve("out/resources/reports/jmh/run.json")).isRegularFile();
  }

  @Test
  void theMethodsOfAJmhGroupAreResultsOfTheirOwnAndProfilerMetricsAreNot() throws Exception {
    Path jmh = root.resolve("site/src/site/resources/reports/jmh");
    Files.writeString(jmh.resolve("paired.json"), "[{\"benchmark\":\"a.P.mineVsTheirs\",\"mode\":\"thrpt\","
        + "\"primaryMetric\":{\"score\":5000.0,\"scoreError\":10.0,\"scoreUnit\":\"ops/s\"},"
        + "\"secondaryMetrics\":{\"mine\":{\"score\":3000.0,\"scoreError\":30.0,\"scoreUnit\":\"ops/s\"},"
        + "\"theirs\":{\"score\":2000.0,\"scoreError\":20.0,\"scoreUnit\":\"ops/s\"},"
        + "\"\u00b7gc.alloc.rate\":{\"score\":1.0,\"scoreError\":0.0,\"scoreUnit\":\"MB/sec\"}}}]");
    Files.writeString(jmh.resolve("paired.conditions.json"), "{\"command\":\"java -jar b.jar P\","
        + "\"started\":\"2026-12-01T06:00:00Z\",\"machine\":\"2 vCPU\",\"jdk\":\"17\"}");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: paired\nmine / theirs >= 1.4\n-->\n"))
        .contains("| `mine` / `theirs` | 1.50 | >= 1.4 | yes |");
    // a ratio is never shown rounded onto the other side of its target
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nslow[n=2] / fast <= 0.33\n-->\n"))
        .contains("| `slow[n=2]` / `fast` | 0.333 | <= 0.33 | **no** |");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nslow[n=2] / fast >= 0.3333\n-->\n"))
        .contains("| `slow[n=2]` / `fast` | 0.3333 | >= 0.3333 | yes |");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh-ratios: run\nslow[n=2] / fast >= 0.34\n-->\n"))
        .contains("| `slow[n=2]` / `fast` | 0.33 | >= 0.34 | **no** |");
    assertThat(sources.expand("markdown/p.md", "<!-- jmh: paired -->\n"))
        .contains("| P | `mine` | thrpt | 3,000 ± 30 | ops/s |")
        .contains("| P | `mineVsTheirs` | thrpt |")
        .doesNotContain("gc.alloc.rate");
  }
}
