package org.computerwa.examples.mining;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code computerwa shares}: Stratum v1 share tools.
 *
 * <pre>{@code
 * computerwa shares verify --pool-difficulty 8192 shares.json
 * computerwa shares hashrate --pool-difficulty 8192 --from 2026-11-28T00:00:00Z --to 2026-11-28T01:00:00Z shares.json
 * }</pre>
 */
@Command(
    name = "shares",
    mixinStandardHelpOptions = true,
    description = "Stratum v1 share tools: verify shares, state the hashrate they prove.",
    subcommands = {SharesVerifyCommand.class, SharesHashrateCommand.class, CommandLine.HelpCommand.class})
public final class SharesCommand {
  /** Creates the command. */
  public SharesCommand() {}
}
