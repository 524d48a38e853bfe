package org.computerwa.examples.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

class DeviceAgentExampleTest {
  /** Anvil's first development key: public, never for real value. */
  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ANCHOR = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";

  private static String[] run(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] base = {"example-device-agent", "--key", KEY, "--chain-id", "31337", "--anchor", ANCHOR, "--asset-id", "7"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void theSubcommandPrintsTheHandComputedFiguresAndThreeStatementsSignedByTheDeviceKey() {
    String[] r = run();
    assertThat(r[2]).isEmpty();
    assertThat(r[0]).isEqualTo("0");
    String device = SigningKey.fromHex(KEY).address().toString();
    // The figures sdk-core's UsageSamplerTest works out by hand for this series.
    assertThat(r[1].lines().toList()).containsSubsequence(
        "samples used 216, duplicates dropped 0, out of order 0",
        "GPU time up 1019500 ms, down 60000 ms, unobserved 120500 ms (counted as down)",
        "availability 8495 bps, 509 s of the mean GPU; 283 milli-GPU-hours; 77 Wh");
    assertThat(r[1]).contains("AVAILABILITY 509 signed by " + device)
        .contains("GPU_HOURS 283 signed by " + device)
        .contains("ENERGY 77 signed by " + device);
  }

  @Test
  void theSignedStatementsBatchAndProveInTheDomainTheyWereSignedIn() {
    SigningKey key = SigningKey.fromHex(KEY);
    Eip712Domain domain = UsageStatement.domain(31337, Address.fromHex(ANCHOR));
    List<SignedUsageStatement> signed = DeviceAgentExample.run(
        DeviceAgentExample.readNvidiaSmi(text("nvidia-smi-two-gpus.csv")), BigInteger.valueOf(7), key, domain,
        new PrintWriter(new StringWriter()));
    assertThat(signed).extracting(s -> s.statement().kind())
        .containsExactly(UsageKind.AVAILABILITY, UsageKind.GPU_HOURS, UsageKind.ENERGY);
    StatementBatch batch = StatementBatch.of(BigInteger.valueOf(7), DeviceAgentExample.PERIOD_START,
        DeviceAgentExample.PERIOD_END, signed, domain);
    for (SignedUsageStatement s : signed) {
      batch.proof(s.statement()).verify(batch.root());
    }
  }

  @Test
  void theDcgmTextOfTheSameSeriesGivesTheSameStatements() {
    SigningKey key = SigningKey.fromHex(KEY);
    Eip712Domain domain = UsageStatement.domain(31337, Address.fromHex(ANCHOR));
    PrintWriter sink = new PrintWriter(new StringWriter());
    List<SignedUsageStatement> fromCsv = DeviceAgentExample.run(
        DeviceAgentExample.readNvidiaSmi(text("nvidia-smi-two-gpus.csv")), BigInteger.ONE, key, domain, sink);
    List<SignedUsageStatement> fromDcgm = DeviceAgentExample.run(
        DeviceAgentExample.readDcgm(text("dcgm-two-gpus.prom")), BigInteger.ONE, key, domain, sink);
    assertThat(fromDcgm).extracting(SignedUsageStatement::statement)
        .isEqualTo(fromCsv.stream().map(SignedUsageStatement::statement).toList());
    String[] r = run("--dcgm");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("availability 8495 bps, 509 s of the mean GPU; 283 milli-GPU-hours; 77 Wh");
  }

  @Test
  void aMalformedKeyIsAUsageErrorThatSaysWhatIsWrong() {
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(
        "example-device-agent", "--key", "0x1234", "--chain-id", "31337", "--anchor", ANCHOR, "--asset-id", "7");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).startsWith("example-device-agent: ").doesNotContain("Exception");
  }

  @Test
  void aMalformedSampleLineIsRefusedWithItsLineNumberAndNothingIsSigned() {
    String csv = text("nvidia-smi-two-gpus.csv");
    String[] lines = csv.split("\n", -1);
    lines[5] = lines[5].replace(" %,", " percent,");
    assertThatThrownBy(() -> DeviceAgentExample.readNvidiaSmi(String.join("\n", lines)))
        .isInstanceOf(org.computerwa.core.evidence.device.SampleFormatException.class)
        .hasMessageStartingWith("line 6 ");
  }

  private static String text(String name) {
    try (var in = DeviceAgentExample.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
