package org.computerwa.core;

/**
 * Seeds for randomised checks: a fixed seed from {@code -Dcomputerwa.seed=...} replays a run,
 * otherwise a fresh one is drawn. Every seed is printed so a failure can be replayed.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * Draws (or takes from the system property) a seed and prints it with the check's name.
   *
   * @param check the name of the randomised check
   * @return the seed
   */
  public static long seed(String check) {
    String fixed = System.getProperty("computerwa.seed");
    long seed = fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed.trim());
    System.out.println("[seed] " + check + " seed=" + seed + " (replay with -Dcomputerwa.seed=" + seed + ")");
    return seed;
  }
}
