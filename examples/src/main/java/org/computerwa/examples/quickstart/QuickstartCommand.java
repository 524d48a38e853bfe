package org.computerwa.examples.quickstart;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa quickstart}: the whole story end to end on a local anvil chain it starts and
 * stops itself, each step checked against an independent computation.
 *
 * <pre>{@code
 * computerwa quickstart
 * computerwa quickstart --json > report.json
 * computerwa quickstart --markdown report.md
 * computerwa quickstart --anvil /opt/foundry/bin/anvil
 * }</pre>
 *
 * <p>The steps: deploy and register a GPU node and an ASIC fleet; issue shares to verified holders
 * (an unverified transfer is refused); lease GPUs with a permit; device statements from nvidia-smi
 * samples, anchored, and an SLA credit proven; hashrate evidence from real pool shares for the
 * fleet; settle, distribute and claim exactly; a pledge with consent while leased; a day of real
 * ERCOT prices through the load controller; real mainnet headers verified. The data it replays is
 * bundled in the jar.
 *
 * <p>Without {@code --json} it narrates every step and prints a summary; with it, standard output
 * gets one JSON object ({@code ok}, {@code checks}, {@code failed}, {@code steps} with their
 * checks, figures and transactions) and progress goes to standard error; {@code --markdown FILE}
 * also writes the steps and checks as Markdown. Exit code 0 when every check passed; 1 when one
 * failed or a step could not finish; 2 when the Markdown file cannot be written.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole story on a local chain it starts itself, every figure checked:",
      "deploy, register a GPU node and an ASIC fleet, shares to verified holders,",
      "a lease with a permit, device statements and an SLA credit, hashrate from",
      "real pool shares, settlement and exact claims, a pledge while leased, a day",
      "of real ERCOT prices through the load controller, mainnet headers.",
      "Exit 0 when every check passed, 1 when one failed."
    })
public final class QuickstartCommand implements Callable<Integer> {
  /** The story, in order. */
  static final List<Act> ACTS = List.of(
      new RegisterAct(),
      new SharesAct(),
      new LeaseAct(),
      new DeviceEvidenceAct(),
      new HashrateAct(),
      new SettlementAct(),
      new PledgeAct(),
      new DispatchAct(),
      new HeadersAct());

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--anvil", paramLabel = "PATH",
      description = "The anvil executable (default: the npm install under sdk-chain, then the search path).")
  @Nullable Path anvil;

  @Option(names = "--json", description = "Print one JSON report on standard output; progress goes to standard error.")
  boolean json;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown to FILE.")
  @Nullable Path markdown;

  private final Set<String> tampered = new HashSet<>();

  /** Creates the command; picocli fills the options. */
  public QuickstartCommand() {}

  /**
   * Makes the named check expect a wrong figure, so that a test can see a failed check fail the
   * run.
   */
  QuickstartCommand tamper(String checkName) {
    tampered.add(checkName);
    return this;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    PrintWriter narration = json ? new PrintWriter(OutputStream.nullOutputStream()) : out;
    PrintWriter progress = json ? err : out;
    Report report = new Report(narration, tampered);
    DevChain.Builder chainBuilder = DevChain.builder().accounts(Cast.ACCOUNTS);
    if (anvil != null) {
      chainBuilder.anvilBinary(anvil);
    }
    progress.println("quickstart: starting a local chain");
    progress.flush();
    try (DevChain chain = chainBuilder.build()) {
      narration.println("Local chain " + chain.chainId() + " at " + chain.rpcUrl());
      Story story = new Story(chain, report);
      try {
        play(story, progress);
      } finally {
        if (story.cast != null) {
          story.cast.close();
        }
      }
    } catch (ComputeRwaException e) {
      err.println("quickstart: the local chain failed: " + e.getMessage());
      err.flush();
      if (report.steps().isEmpty()) {
        if (json) {
          out.println(ReportJson.render(report));
          out.flush();
        }
        return ComputerwaCli.EXIT_INVALID;
      }
    }
    if (json) {
      out.println(ReportJson.render(report));
    } else {
      ReportText.summary(report, out);
    }
    out.flush();
    if (markdown != null) {
      try {
        MarkdownFile.write(markdown, ReportMarkdown.render(report));
      } catch (IOException e) {
        err.println("quickstart: cannot write " + markdown + ": " + e.getMessage());
        err.flush();
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    return report.ok() ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  private void play(Story story, PrintWriter progress) {
    Report report = story.report;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "quickstart-progress");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Act act : ACTS) {
        Report.Step step = report.begin(act.title());
        long started = System.nanoTime();
        // Progress for a step that runs longer than a second, once a second.
        var tick = ticker.scheduleAtFixedRate(() -> {
          double seconds = (System.nanoTime() - started) / 1e9;
          synchronized (progress) {
            progress.printf(Locale.ROOT, "  ... step %d (%s) running, %.0f s%n", step.number, act.title(), seconds);
            progress.flush();
          }
        }, 1, 1, TimeUnit.SECONDS);
        try {
          act.play(story);
        } catch (ChainException e) {
          report.fail(step, e.getMessage() + " (revert " + e.errorName().orElse("-") + ", retryable " + e.retryable() + ")");
        } catch (RuntimeException e) {
          report.fail(step, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
          tick.cancel(false);
          report.end(step, Duration.ofNanos(System.nanoTime() - started));
        }
        if (step.error != null) {
          return; // later steps build on this one
        }
      }
    } finally {
      ticker.shutdownNow();
    }
  }
}
