package org.computerwa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.Test;

/** Runs the quickstart in-process, on the anvil node it starts itself. */
class QuickstartCommandTest {

  @Test
  void theWholeStoryRunsAndEveryFigureMatchesSdkCore() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("quickstart");
    String text = out.toString();
    assertThat(code).as(err + "\n" + text).isZero();
    assertThat(text)
        .contains("Done: every on-chain figure matched sdk-core.")
        .doesNotContain("MISMATCH")
        .contains("total rent 36 tUSD")
        .contains("credit 0.037 tUSD")
        .contains("refused with NoCreditDue")
        .containsPattern("tx 0x[0-9a-f]{64}  gas +[0-9,]+  deploy LeaseManager")
        .containsPattern("alice [0-9.]+ tUSD, bob [0-9.]+ tUSD");
    assertThat(err.toString()).isEmpty();
  }
}
