package org.computerwa.examples.chain;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.examples.cli.ComputerwaCli;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa gas-report [--json] [--markdown FILE]}: starts a local anvil node, deploys the contracts, runs
 * each operation and prints the gas it used, with holder-dependent operations measured at 10 and
 * 1,000 share holders.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar gas-report
 * java -jar examples/target/computerwa.jar gas-report --json --holders 10,1000
 * }</pre>
 *
 * <p>Exit code 0 when every operation is within its target and holder-independent, 1 when not.
 */
@Command(
    name = "gas-report",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local anvil node, deploys the contracts and prints the gas each operation uses.",
      "Transfers, deposits and claims are measured at every holder count to show O(1) cost."
    })
public final class GasReportCommand implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also writes the report as Markdown tables to FILE (the site build uses this).")
  private @Nullable Path markdown;

  @Option(
      names = "--holders",
      split = ",",
      paramLabel = "N",
      description = "Holder counts to measure at (default: ${DEFAULT-VALUE}).",
      defaultValue = "10,1000")
  private List<Integer> holders = new ArrayList<>();

  @Option(
      names = "--anvil",
      paramLabel = "PATH",
      description = "The anvil binary (default: the npm install in sdk-chain, else anvil on PATH).")
  private @Nullable Path anvil;

  /** Creates the command (picocli fills the options). */
  public GasReportCommand() {}

  @Override
  public Integer call() {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    List<Integer> counts = new ArrayList<>(holders);
    counts.sort(null);
    for (int n : counts) {
      if (n < 4 || n > 5000) {
        throw new ParameterException(
            s.commandLine(), "--holders: each count must be between 4 and 5000 (was " + n + ")");
      }
    }
    DevChain.Builder builder = DevChain.builder().accounts(10);
    if (anvil != null) {
      builder.anvilBinary(anvil);
    }
    GasReport report;
    try (DevChain chain = builder.build()) {
      GasBench bench = new GasBench(chain, counts);
      for (GasScenario scenario : GasScenarios.all()) {
        bench.startScenario(scenario.name());
        scenario.measure(bench);
      }
      report = GasReport.of(bench.measurements(), counts, environment(chain), bench.notes());
    }
    if (markdown != null) {
      try {
        GasReportMarkdown.write(report, markdown);
      } catch (java.io.IOException e) {
        s.commandLine().getErr().println("cannot write " + markdown + ": " + e.getMessage());
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    PrintWriter out = s.commandLine().getOut();
    out.print(json ? report.toJson() : report.toText());
    out.flush();
    return report.allWithinTarget() && report.allIndependentOfHolders()
        ? 0
        : ComputerwaCli.EXIT_INVALID;
  }

  /** The toolchain line of the report; the node's version as its binary reports it. */
  private static String environment(DevChain chain) {
    String node = "anvil";
    try {
      Process p = new ProcessBuilder(chain.binary(), "--version").redirectErrorStream(true).start();
      try (java.io.BufferedReader r = new java.io.BufferedReader(
          new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
        String first = r.readLine();
        if (first != null && !first.isBlank()) {
          node = first.trim();
        }
      }
      p.waitFor();
    } catch (java.io.IOException e) {
      node = "anvil (version unavailable: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "solc 0.8.30, optimizer 1000 runs, evm cancun; " + node;
  }
}
