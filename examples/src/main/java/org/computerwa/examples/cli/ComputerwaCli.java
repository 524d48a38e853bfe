package org.computerwa.examples.cli;

import java.io.PrintWriter;
import org.computerwa.examples.chain.GasReportCommand;
import org.computerwa.examples.mining.HeadersCommand;
import org.computerwa.examples.mining.Sha256Command;
import org.computerwa.examples.policy.BacktestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code computerwa} command line: one subcommand per SDK capability.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar --help
 * }</pre>
 *
 * <p>Exit codes follow one convention across subcommands: 0 success, 1 the input was read but
 * something in it is invalid (a check failed), 2 the input could not be used (unreadable file,
 * bad option, malformed line).
 */
@Command(
    name = "computerwa",
    mixinStandardHelpOptions = true,
    versionProvider = ComputerwaCli.Version.class,
    description = "ComputeRWA SDK: compute capacity as on-chain real-world assets.",
    subcommands = {
      CommandLine.HelpCommand.class,
      org.computerwa.examples.headers.VerifyHeadersExample.class,
      org.computerwa.examples.sha256.Sha256Example.class,
      org.computerwa.examples.backtest.BacktestExample.class,
      org.computerwa.examples.device.DeviceAgentExample.class,
      org.computerwa.examples.hashrate.HashrateExample.class,
      org.computerwa.examples.assets.RegisterAssetExample.class,
      org.computerwa.examples.lease.LeaseExample.class,
      org.computerwa.examples.anchor.SiteAnchorExample.class,
      org.computerwa.examples.credit.SlaCreditExample.class,
      org.computerwa.examples.pledge.PledgeExample.class,
      org.computerwa.examples.revenue.ClaimRevenueExample.class,
      org.computerwa.examples.events.EventStreamExample.class,
      org.computerwa.examples.live.LivePolicyExample.class,
      org.computerwa.examples.money.MoneyExample.class,
      Sha256Command.class,
      HeadersCommand.class,
      org.computerwa.examples.mining.SharesCommand.class,
      BacktestCommand.class,
      GasReportCommand.class,
      org.computerwa.examples.evidence.EvidenceCommand.class,
      org.computerwa.examples.quickstart.QuickstartCommand.class,
      org.computerwa.examples.site.SiteCommand.class
    })
public final class ComputerwaCli {

  /** Exit code when the input was read and some item in it is invalid. */
  public static final int EXIT_INVALID = 1;

  /** Exit code when the input cannot be used at all. */
  public static final int EXIT_USAGE = 2;

  private ComputerwaCli() {}

  /**
   * Builds the command line with its standard streams.
   *
   * @param out where results go
   * @param err where diagnostics go
   * @return the configured command line
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ComputerwaCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    return cli;
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ComputerwaCli.class.getPackage().getImplementationVersion();
      return new String[] {"computerwa " + (v == null ? "dev" : v)};
    }
  }
}
