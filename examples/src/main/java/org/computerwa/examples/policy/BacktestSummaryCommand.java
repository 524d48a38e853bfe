package org.computerwa.examples.policy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa backtest summary}: the summary table of kept backtest reports, generated from
 * their JSON.
 *
 * <pre>{@code
 * computerwa backtest summary --markdown target/backtest-summary.md site/src/site/resources/reports/backtest
 * }</pre>
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Summarises the backtest JSON reports of a directory: one row per data set and policy",
      "(whole series, quarters below always-mine, walk-forward) and each policy's worst quarter."
    })
final class BacktestSummaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Directory of `computerwa backtest --seasons --json` reports.")
  Path dir;

  @Option(names = "--markdown", paramLabel = "FILE.md", description = "Writes the Markdown there instead of printing it.")
  @Nullable Path markdown;

  @Option(names = "--link-prefix", paramLabel = "PATH", defaultValue = "reports/backtest",
      description = "How the page links the JSON reports (default: ${DEFAULT-VALUE}).")
  String linkPrefix;

  @Option(names = "--data-set-contains", paramLabel = "TEXT",
      description = "Summarises only the data sets whose label contains TEXT (such as the ones marked fresh).")
  @Nullable String dataSetContains;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      BacktestSummary summary = BacktestSummary.read(dir);
      String command = "computerwa backtest summary " + dir;
      String only = dataSetContains;
      if (only != null) {
        summary = summary.dataSetsContaining(only);
        command = "computerwa backtest summary --data-set-contains \"" + only + "\" " + dir;
      }
      String text = summary.markdown(command, linkPrefix);
      Path md = markdown;
      if (md != null) {
        MarkdownFile.write(md, text);
      } else {
        out.print(text);
      }
      out.flush();
      return 0;
    } catch (ComputeRwaException | IOException e) {
      err.println("backtest summary: " + e.getMessage());
      err.flush();
      return ComputerwaCli.EXIT_USAGE;
    }
  }
}
