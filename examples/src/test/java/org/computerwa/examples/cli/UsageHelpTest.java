package org.computerwa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Renders the usage help of every command and subcommand of the CLI, as {@code --help} does, and
 * fails on any warning picocli's tracer prints (a {@code %} that is not {@code %%} in a
 * description makes it print "Could not format ..." and show the raw text).
 */
class UsageHelpTest {

  /** Every command line of the tree, the root first, each subcommand after its parent. */
  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    walk(ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
    return all;
  }

  private static void walk(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, all));
  }

  @Test
  void theWalkReachesNestedSubcommands() {
    List<String> names = everyCommand().stream().map(c -> c.getCommandSpec().qualifiedName()).toList();
    assertThat(names).contains("computerwa", "computerwa shares verify", "computerwa shares hashrate",
        "computerwa headers verify", "computerwa evidence sign", "computerwa evidence batch",
        "computerwa backtest summary", "computerwa site replay");
    assertThat(names).hasSizeGreaterThan(30);
  }

  @TestFactory
  Stream<DynamicTest> everyCommandsUsageHelpRendersWithoutAPicocliWarning() {
    return everyCommand().stream().map(command -> DynamicTest.dynamicTest(
        command.getCommandSpec().qualifiedName(), () -> {
          String help;
          String warnings;
          PrintStream saved = System.err;
          ByteArrayOutputStream captured = new ByteArrayOutputStream();
          try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
          } finally {
            System.setErr(saved);
          }
          warnings = captured.toString(StandardCharsets.UTF_8);
          assertThat(warnings).as("picocli's output while rendering the help of %s",
              command.getCommandSpec().qualifiedName()).isEmpty();
          assertThat(help).contains("Usage: " + command.getCommandSpec().qualifiedName() + " ");
        }));
  }

  @Test
  void aPercentSignThatIsNotDoubledIsCaught() {
    @CommandLine.Command(name = "bad", description = "A 95% interval.")
    final class Bad {}
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      new CommandLine(new Bad()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    } finally {
      System.setErr(saved);
    }
    // The guard above rests on picocli reporting this on the standard error stream.
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("[picocli WARN]").contains("Could not format");
  }
}
