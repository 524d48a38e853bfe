package org.computerwa.examples.chain;

/**
 * One group of operations measured by the gas report (e.g. shares and revenue, or leases).
 *
 * <pre>{@code
 * final class LeaseGasScenario implements GasScenario {
 *   public String name() { return "leases"; }
 *   public void measure(GasBench bench) {
 *     Receipt r = ...; // deploy with Deployer, run the operation with a ComputeRwaClient
 *     bench.record("lease acceptance", GasBench.ONE_OFF, r, 150_000);
 *   }
 * }
 * }</pre>
 *
 * <p>Register it in {@link GasScenarios#all()}.
 */
public interface GasScenario {
  /**
   * A short name shown as the section of the report.
   *
   * @return the name
   */
  String name();

  /**
   * Deploys what it needs on the bench's chain, runs its operations and records their receipts.
   *
   * @param bench the chain, accounts and the recorder
   */
  void measure(GasBench bench);
}
