package org.computerwa.examples.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.share.StratumSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The Stratum session options shared by the {@code shares} subcommands, and the rule that gives
 * each share the session it is checked against.
 *
 * <p>There is no default pool difficulty: a default below the session's would pass, as valid,
 * shares the pool itself refused. The difficulty comes from {@code --pool-difficulty} or, where
 * that is not given, from the {@code set_difficulty} each share's row states; a share with
 * neither is unusable input, and a row that states another difficulty than the option is a
 * contradiction, also refused.
 */
final class SessionOptions {
  static final String DIFFICULTY_HELP = "The session's pool difficulty (mining.set_difficulty). Required unless every"
      + " share of FILE states its own set_difficulty; there is no default, since one below the session's would pass"
      + " shares the pool refused.";

  @Option(names = "--pool-difficulty", paramLabel = "D", description = DIFFICULTY_HELP)
  @Nullable Double poolDifficulty;

  @Option(names = "--version-mask", paramLabel = "HEX",
      description = "The version-rolling mask the pool granted (BIP310), 8 hex digits; intersected with BIP320's"
          + " 1fffe000. Without it, no version bits may be rolled.")
  @Nullable String versionMask;

  /**
   * Checks the options on their own, before any file is read.
   *
   * @throws ValidationException naming the option when one is malformed
   */
  void check() {
    if (poolDifficulty != null) {
      session(poolDifficulty, "--pool-difficulty");
    }
    mask();
  }

  /**
   * The session each share was submitted in, in file order.
   *
   * @throws ValidationException when a share has no difficulty to be checked against, or states
   *     one that contradicts {@code --pool-difficulty}
   */
  List<StratumSession> perShare(List<SharesFile.Share> shares) {
    Map<Double, StratumSession> sessions = new HashMap<>();
    List<StratumSession> out = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      double d = difficulty(i, shares.get(i).setDifficulty());
      String field = poolDifficulty != null ? "--pool-difficulty" : "[" + i + "].set_difficulty";
      out.add(sessions.computeIfAbsent(d, x -> session(x, field)));
    }
    return out;
  }

  /**
   * The one session all shares were submitted in: a hashrate is stated at one difficulty.
   *
   * @throws ValidationException as {@link #perShare}, and when shares state different difficulties
   */
  StratumSession single(List<SharesFile.Share> shares) {
    if (shares.isEmpty()) {
      if (poolDifficulty == null) {
        throw new ValidationException("--pool-difficulty", "missing",
            "is required: the file has no share that states its session's difficulty");
      }
      return session(poolDifficulty, "--pool-difficulty");
    }
    List<StratumSession> sessions = perShare(shares);
    double first = sessions.get(0).poolDifficulty();
    for (int i = 1; i < sessions.size(); i++) {
      if (sessions.get(i).poolDifficulty() != first) {
        throw new ValidationException("[" + i + "].set_difficulty", sessions.get(i).poolDifficulty(),
            "must equal share [0]'s " + first + ": a hashrate is stated for one session at one difficulty");
      }
    }
    return sessions.get(0);
  }

  private double difficulty(int index, OptionalDouble stated) {
    if (poolDifficulty != null) {
      if (stated.isPresent() && stated.getAsDouble() != poolDifficulty) {
        throw new ValidationException("[" + index + "].set_difficulty", stated.getAsDouble(),
            "must equal --pool-difficulty " + poolDifficulty + " when both are given");
      }
      return poolDifficulty;
    }
    if (stated.isEmpty()) {
      throw new ValidationException("--pool-difficulty", "missing", "is required: share [" + index
          + "] does not state its session's difficulty (set_difficulty), and no default is safe: one below the"
          + " session's would pass shares the pool refused");
    }
    return stated.getAsDouble();
  }

  private StratumSession session(double difficulty, String field) {
    StratumSession.Builder b = StratumSession.builder();
    try {
      b.poolDifficulty(difficulty);
    } catch (ValidationException e) {
      throw new ValidationException(field, e.rejectedValue(), e.rule());
    }
    return b.versionRollingMask(mask()).build();
  }

  private int mask() {
    if (versionMask == null) {
      return 0;
    }
    if (!versionMask.matches("[0-9a-fA-F]{8}")) {
      throw new ValidationException("--version-mask", versionMask, "must be 8 hex digits");
    }
    return Integer.parseUnsignedInt(versionMask, 16);
  }
}
