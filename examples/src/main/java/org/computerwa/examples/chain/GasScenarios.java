package org.computerwa.examples.chain;

import java.util.List;

/**
 * The scenarios the gas report runs, in order.
 *
 * <pre>{@code
 * for (GasScenario s : GasScenarios.all()) { s.measure(bench); }
 * }</pre>
 */
public final class GasScenarios {
  private GasScenarios() {}

  /**
   * Every registered scenario; add a new one here (one line).
   *
   * @return the scenarios
   */
  public static List<GasScenario> all() {
    return List.of(new ShareGasScenario(), new ClientGasScenario());
  }
}
