package org.computerwa.examples.mining;

import org.computerwa.core.ValidationException;
import org.computerwa.mining.share.StratumSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The Stratum session options shared by the {@code shares} subcommands. */
final class SessionOptions {
  @Option(names = "--pool-difficulty", paramLabel = "D", defaultValue = "1",
      description = "The session's pool difficulty (mining.set_difficulty; default ${DEFAULT-VALUE}, Stratum's"
          + " initial difficulty).")
  double poolDifficulty;

  @Option(names = "--version-mask", paramLabel = "HEX",
      description = "The version-rolling mask the pool granted (BIP310), 8 hex digits; intersected with BIP320's"
          + " 1fffe000. Without it, no version bits may be rolled.")
  @Nullable String versionMask;

  StratumSession session() {
    StratumSession.Builder b = StratumSession.builder().poolDifficulty(poolDifficulty);
    if (versionMask != null) {
      if (!versionMask.matches("[0-9a-fA-F]{8}")) {
        throw new ValidationException("--version-mask", versionMask, "must be 8 hex digits");
      }
      b.versionRollingMask(Integer.parseUnsignedInt(versionMask, 16));
    }
    return b.build();
  }
}
