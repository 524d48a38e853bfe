package org.computerwa.examples.site;

import picocli.CommandLine.Command;

/**
 * {@code computerwa site}: runs a site; {@code site replay} replays a price file on a local chain.
 *
 * <pre>{@code
 * computerwa site replay --prices ercot.csv --days 2
 * }</pre>
 */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    description = "Runs a site: leases from the chain, dispatch, evidence, settlement.",
    subcommands = {SiteReplayCommand.class})
public final class SiteCommand {}
