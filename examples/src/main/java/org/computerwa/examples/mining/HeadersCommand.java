package org.computerwa.examples.mining;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code computerwa headers}: Bitcoin block header tools.
 *
 * <pre>{@code
 * computerwa headers verify --network mainnet headers.csv
 * }</pre>
 */
@Command(
    name = "headers",
    mixinStandardHelpOptions = true,
    description = "Bitcoin block header tools.",
    subcommands = {HeadersVerifyCommand.class, CommandLine.HelpCommand.class})
public final class HeadersCommand {
  /** Creates the command. */
  public HeadersCommand() {}
}
