package org.computerwa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Runs the quickstart in-process, on the anvil node it starts itself. */
class QuickstartCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Run jsonRun;

  /** One run's exit code and streams. */
  record Run(int code, String out, String err) {}

  @BeforeAll
  static void runTheStoryOnce() {
    jsonRun = run("quickstart", "--json");
  }

  @Test
  void theWholeStoryExitsZeroWithEveryCheckPassed() throws Exception {
    assertThat(jsonRun.code()).as(jsonRun.err() + "\n" + jsonRun.out()).isZero();
    JsonNode report = JSON.readTree(jsonRun.out());
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(report.get("failed").asLong()).isZero();
    List<String> titles = new ArrayList<>();
    long checks = 0;
    for (JsonNode step : report.get("steps")) {
      titles.add(step.get("title").asText());
      assertThat(step.get("ok").asBoolean()).as(step.toString()).isTrue();
      assertThat(step.get("checks")).as("step %s checks something", step.get("step")).isNotEmpty();
      for (JsonNode check : step.get("checks")) {
        assertThat(check.get("actual").asText()).as(check.get("name").asText()).isEqualTo(check.get("expected").asText());
        checks++;
      }
    }
    assertThat(report.get("checks").asLong()).isEqualTo(checks);
    assertThat(titles).hasSize(9);
    assertThat(titles.get(0)).contains("GPU node").contains("ASIC fleet");
    assertThat(titles.get(8)).contains("mainnet");
  }

  @Test
  void theStoryProvesWhatItSays() throws Exception {
    JsonNode steps = JSON.readTree(jsonRun.out()).get("steps");
    assertThat(check(steps, 2, "unverified transfer refused")).isEqualTo("NotVerified");
    assertThat(check(steps, 4, "second credit for the same outage refused")).isEqualTo("StatementAlreadyUsed");
    assertThat(new java.math.BigInteger(figure(steps, 4, "slaCredit"))).isPositive();
    assertThat(figure(steps, 5, "acceptedShares")).isEqualTo("2");
    assertThat(new java.math.BigInteger(figure(steps, 6, "aliceClaim"))).isPositive();
    assertThat(check(steps, 7, "acceptance on other terms refused")).isEqualTo("TermsMismatch");
    assertThat(new java.math.BigInteger(figure(steps, 7, "finalToLender"))).isPositive();
    assertThat(figure(steps, 7, "lenderWithdrew")).isEqualTo(figure(steps, 7, "finalToLender"));
    assertThat(new java.math.BigInteger(figure(steps, 7, "finalAliceClaim"))).isPositive();
    assertThat(check(steps, 8, "intervals whose leased load was cut")).isEqualTo("0");
    assertThat(steps.get(7).get("figures").get("switches").asInt()).isEqualTo(1);
    assertThat(check(steps, 9, "tampered header refused")).isEqualTo("HIGH_HASH");
    assertThat(steps.get(0).get("transactions").get(0).get("hash").asText()).matches("0x[0-9a-f]{64}");
  }

  @Test
  void progressGoesToStandardErrorAndOnlyTheReportToStandardOutput() throws Exception {
    assertThat(jsonRun.err()).contains("quickstart: starting a local chain");
    assertThat(JSON.readTree(jsonRun.out()).isObject()).isTrue();
    assertThat(jsonRun.out().trim()).startsWith("{").endsWith("}");
  }

  /** One check of every step, each made to expect a wrong figure in its own run. */
  @ParameterizedTest(name = "step {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "1 | gpu spec hash on-chain",
      "2 | unverified transfer refused",
      "3 | escrow",
      "4 | SLA credit",
      "5 | point estimate, H/s",
      "6 | bob's claim",
      "7 | lender's part in default: the owner's side up to the debt",
      "8 | intervals whose leased load was cut",
      "9 | tip hash"})
  void aWrongExpectationInAnyStepFailsTheRunWithExitOne(int step, String check) {
    QuickstartCommand broken = new QuickstartCommand().tamper(check);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(broken);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute();
    assertThat(code).as(err + "\n" + out).isEqualTo(ComputerwaCli.EXIT_INVALID);
    assertThat(out.toString())
        .contains("MISMATCH: " + check + " is ")
        .contains("FAIL " + step + ". ")
        .contains("FAILED: 1 of ");
  }

  @Test
  void aChainThatCannotStartIsAFailedRunWithAJsonReport() throws Exception {
    Run run = run("quickstart", "--json", "--anvil", "/nonexistent/anvil");
    assertThat(run.code()).isEqualTo(ComputerwaCli.EXIT_INVALID);
    assertThat(run.err()).contains("quickstart: the local chain failed");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("steps")).isEmpty();
  }

  private static String check(JsonNode steps, int step, String name) {
    for (JsonNode c : steps.get(step - 1).get("checks")) {
      if (c.get("name").asText().equals(name)) {
        return c.get("actual").asText();
      }
    }
    throw new AssertionError("step " + step + " has no check " + name + ": " + steps.get(step - 1));
  }

  private static String figure(JsonNode steps, int step, String name) {
    JsonNode f = steps.get(step - 1).get("figures").get(name);
    assertThat(f).as("step %d figure %s", step, name).isNotNull();
    return f.asText();
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
