package org.computerwa.benchmarks.evidence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A direction check of {@link EvidenceBatchBenchmark} on a busy machine: runs the batch of one
 * million statements several times in one JVM and prints each run's thread CPU time (and wall
 * time), so the first use and the steady state are both visible and other processes competing for
 * the cores distort the figure far less than wall time. After each run it times, the same way,
 * {@link EvidenceBatchBenchmark#keccakFloor}: BouncyCastle permuting the batch's 3,999,999 blocks
 * and nothing else, so each line also shows how far the batch is above that floor at that moment's
 * load. JMH remains the reference.
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar org.computerwa.benchmarks.evidence.EvidenceBatchCpuTimeCheck 6
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar org.computerwa.benchmarks.evidence.EvidenceBatchCpuTimeCheck 6
 * </pre>
 *
 * <p>The first command is the steady state {@code EvidenceBatchBenchmark} measures (its fork
 * pre-touches the heap); the second also charges the batch the first touch of each fresh heap page
 * its large arrays land on, as a process's first batches pay.
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
    double[] ratio = new double[runs];
    long[] proofs = new long[1];
    for (int run = 0; run < runs; run++) {
      long wall = System.nanoTime();
      long start = threads.getCurrentThreadCpuTime();
      b.batch(p -> proofs[0] += p.depth());
      cpu[run] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      start = threads.getCurrentThreadCpuTime();
      b.floor();
      double floor = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      ratio[run] = cpu[run] / floor;
      System.out.printf(Locale.ROOT,
          "run %d: %.2f CPU-seconds, %.2f s wall; floor (%d BouncyCastle permutations) %.2f CPU-s, %.0f ns each;"
              + " batch / floor %.2f%n",
          run + 1, cpu[run], wallSeconds, EvidenceBatchBenchmark.PERMUTATIONS, floor,
          floor * 1e9 / EvidenceBatchBenchmark.PERMUTATIONS, ratio[run]);
    }
    double[] steady = Arrays.copyOfRange(cpu, Math.min(1, runs - 1), runs);
    Arrays.sort(steady);
    double[] steadyRatio = Arrays.copyOfRange(ratio, Math.min(1, runs - 1), runs);
    Arrays.sort(steadyRatio);
    System.out.printf(Locale.ROOT, "first run %.2f CPU-s; later runs: best %.2f, median %.2f CPU-s (target <= 2 s);"
        + " median batch / floor %.2f%n", cpu[0], steady[0], steady[steady.length / 2],
        steadyRatio[steadyRatio.length / 2]);
    System.out.println("(" + proofs[0] + " proof siblings)");
  }
}
