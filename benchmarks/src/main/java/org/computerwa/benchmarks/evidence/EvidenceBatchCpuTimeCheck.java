package org.computerwa.benchmarks.evidence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A direction check of {@link EvidenceBatchBenchmark} on a busy machine: runs the batch of one
 * million statements several times in one JVM and prints each run's thread CPU time (and wall
 * time), so the first use and the steady state are both visible and other processes competing for
 * the cores distort the figure far less than wall time. JMH remains the reference.
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar org.computerwa.benchmarks.evidence.EvidenceBatchCpuTimeCheck 6
 * </pre>
 */
public final class EvidenceBatchCpuTimeCheck {
  private EvidenceBatchCpuTimeCheck() {}

  /**
   * Runs the check.
   *
   * @param args optional number of runs (default 6)
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    EvidenceBatchBenchmark b = new EvidenceBatchBenchmark();
    b.setUp();
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    double[] cpu = new double[runs];
    long[] proofs = new long[1];
    for (int run = 0; run < runs; run++) {
      long wall = System.nanoTime();
      long start = threads.getCurrentThreadCpuTime();
      b.batch(p -> proofs[0] += p.siblings().size());
      cpu[run] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %.2f CPU-seconds, %.2f s wall%n", run + 1, cpu[run],
          (System.nanoTime() - wall) / 1e9);
    }
    double[] steady = Arrays.copyOfRange(cpu, Math.min(1, runs - 1), runs);
    Arrays.sort(steady);
    System.out.printf(Locale.ROOT, "first run %.2f CPU-s; later runs: best %.2f, median %.2f CPU-s (target <= 2 s)%n",
        cpu[0], steady[0], steady[steady.length / 2]);
    System.out.println("(" + proofs[0] + " proof siblings)");
  }
}
