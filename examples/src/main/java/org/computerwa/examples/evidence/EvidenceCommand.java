package org.computerwa.examples.evidence;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code computerwa evidence}: usage statements from device samples, signed and batched.
 *
 * <pre>{@code
 * computerwa evidence sign --key HEX --chain-id 31337 --contract 0x... --in statements.json
 * computerwa evidence batch --in signed.json
 * }</pre>
 */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "Usage statements: make them from device samples, sign them, batch them.",
    subcommands = {
      EvidenceSampleCommand.class,
      EvidenceSignCommand.class,
      EvidenceBatchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EvidenceCommand {
  /** Creates the command. */
  public EvidenceCommand() {}
}
