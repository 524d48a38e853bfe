package org.computerwa.benchmarks.pow;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.computerwa.mining.pow.ChainVerification;
import org.computerwa.mining.pow.HeaderChainVerifier;
import org.computerwa.mining.pow.Network;

/**
 * A quick check of {@link ChainVerificationBenchmark}'s scaling: verifies the same synthetic
 * 880,000-header chain alternately on 1 and 2 threads in one JVM and prints the best wall time and
 * the process CPU time of each. Equal CPU times mean splitting the chain adds no work; the wall
 * ratio is the speedup the cores that were free at the time allowed. JMH remains the reference.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.computerwa.benchmarks.pow.ChainScalingCheck
 * </pre>
 */
public final class ChainScalingCheck {
  private ChainScalingCheck() {}

  /**
   * Runs the check.
   *
   * @param args optional number of rounds (default 12; the first quarter is warm-up)
   */
  public static void main(String[] args) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    byte[] chain = ChainVerificationBenchmark.mine(ChainVerificationBenchmark.LENGTH);
    HeaderChainVerifier[] verifiers = {
      HeaderChainVerifier.builder().network(Network.REGTEST).parallelism(1).build(),
      HeaderChainVerifier.builder().network(Network.REGTEST).parallelism(2).build()
    };
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    double[] wall = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] cpu = {Double.MAX_VALUE, Double.MAX_VALUE};
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        long w0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        ChainVerification result = verifiers[k].verify(0, chain);
        long w = System.nanoTime() - w0;
        long c = os.getProcessCpuTime() - c0;
        if (!result.valid()) {
          throw new IllegalStateException("synthetic chain does not verify: " + result);
        }
        if (round >= rounds / 4) {
          wall[k] = Math.min(wall[k], w / 1e6);
          cpu[k] = Math.min(cpu[k], c / 1e6);
        }
      }
    }
    System.out.printf(Locale.ROOT, "1 thread:  best wall %.0f ms, process CPU %.0f ms%n", wall[0], cpu[0]);
    System.out.printf(Locale.ROOT, "2 threads: best wall %.0f ms, process CPU %.0f ms%n", wall[1], cpu[1]);
    System.out.printf(Locale.ROOT, "speedup %.2f (target >= 1.8), CPU 2/1 %.2f%n", wall[0] / wall[1], cpu[1] / cpu[0]);
  }
}
