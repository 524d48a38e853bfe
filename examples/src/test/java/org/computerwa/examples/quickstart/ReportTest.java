package org.computerwa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report decides the run's verdict from its checks and renders it faithfully. */
class ReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTamperedCheckFailsEvenWhenTheFiguresAgree() {
    Report report = new Report(new PrintWriter(Writer.nullWriter()), Set.of("bob's claim"));
    Report.Step step = report.begin("claims");
    assertThat(report.check("alice's claim", 7, 7)).isTrue();
    assertThat(report.check("bob's claim", 3, 3)).isFalse();
    report.end(step, Duration.ZERO);
    assertThat(report.ok()).isFalse();
    assertThat(report.failedCount()).isEqualTo(1);
  }

  @Test
  void aStepThatCouldNotFinishFailsTheRunWithoutAnyFailedCheck() {
    Report report = new Report(new PrintWriter(Writer.nullWriter()), Set.of());
    Report.Step step = report.begin("anchor");
    report.check("root", "0x01", "0x01");
    report.fail(step, "reverted");
    report.end(step, Duration.ZERO);
    assertThat(report.failedCount()).isZero();
    assertThat(report.ok()).isFalse();
    StringWriter text = new StringWriter();
    ReportText.summary(report, new PrintWriter(text));
    assertThat(text.toString()).contains("FAIL 1. anchor").contains("error: reverted")
        .contains("FAILED: 0 of 1 checks failed, 1 step(s) could not finish.");
  }

  @Test
  void anEmptyReportIsNotOk() {
    assertThat(new Report(new PrintWriter(Writer.nullWriter()), Set.of()).ok()).isFalse();
  }

  @Test
  void theJsonKeepsExactIntegersAsStrings() throws Exception {
    Report report = new Report(new PrintWriter(Writer.nullWriter()), Set.of());
    Report.Step step = report.begin("big");
    BigInteger big = BigInteger.TWO.pow(70).add(BigInteger.ONE);
    report.figure("shares", big);
    report.check("shares", big, big);
    report.end(step, Duration.ofMillis(12));
    JsonNode json = JSON.readTree(ReportJson.render(report));
    assertThat(json.get("ok").asBoolean()).isTrue();
    JsonNode s = json.get("steps").get(0);
    assertThat(s.get("figures").get("shares").isTextual()).isTrue();
    assertThat(s.get("figures").get("shares").asText()).isEqualTo(big.toString());
    assertThat(s.get("checks").get(0).get("actual").asText()).isEqualTo(big.toString());
    assertThat(s.get("millis").asLong()).isEqualTo(12);
  }

  @Test
  void theMarkdownReportListsEveryStepAndEscapesItsCells() {
    Report report = new Report(new PrintWriter(Writer.nullWriter()), Set.of());
    Report.Step step = report.begin("a step");
    report.check("a figure", 2, 2);
    report.check("another | figure", "x", "y");
    report.end(step, Duration.ofMillis(1500));
    String md = ReportMarkdown.render(report);
    assertThat(md)
        .contains("| 1. a step | **FAILED** | 1 / 2 | 1.5 |")
        .contains("| a figure | `2` | `2` | ok |")
        .contains("| another \\| figure | `x` | `y` | **mismatch** |")
        .contains("**1 of 2 checks failed.**");
  }
}
