package org.computerwa.examples.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each chain example's subcommand starts its own local chain, prepares it and prints that
 * example's output only (the outputs themselves are checked in {@link ChainExamplesTest}).
 */
class ChainExampleCommandsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "example-register-asset | 0 | transfer to an unverified address: refused with NotVerified",
      "example-lease          | 1 | accepted: ACTIVE from ",
      "example-site-anchor    | 2 | replayed statement: refused, REPLAYED",
      "example-sla-credit     | 3 | SLA credit 0.037 tUSD; the lessee may withdraw 0.037",
      "example-pledge         | 4 | acceptance of other terms: refused with TermsMismatch",
      "example-claim-revenue  | 5 | settled: gross 36, net of SLA credits 35.963",
      "example-event-stream   | 6 | after the restart: [HolderVerified[account="})
  void theSubcommandPreparesTheChainAndPrintsItsExample(String command, int prepared, String line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(command);
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("local chain 31337 at http://127.0.0.1:").endsWith(", contracts deployed");
    assertThat(lines.subList(1, 1 + prepared)).allMatch(l -> l.startsWith("  prepared: "));
    assertThat(lines.get(1 + prepared)).doesNotStartWith("  prepared: ");
    assertThat(lines).anyMatch(l -> l.startsWith(line));
  }
}
