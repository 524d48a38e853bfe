package org.computerwa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ComputerwaCliTest {

  @Test
  void helpListsTheCommandAndExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: computerwa").contains("help");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("no-such-command");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("no-such-command");
  }
}
