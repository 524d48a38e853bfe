package org.computerwa.benchmarks.pow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * A quick direction check of {@link HeaderVerificationBenchmark}'s ratios on a busy machine: runs
 * the five methods round-robin in one JVM and measures each by the thread's CPU time, not wall
 * time, so other processes competing for the cores distort it far less than a JMH run. JMH remains
 * the reference; this is for development on shared hardware.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.computerwa.benchmarks.pow.HeaderCpuTimeCheck
 * </pre>
 */
public final class HeaderCpuTimeCheck {
  private HeaderCpuTimeCheck() {}

  /**
   * Runs the check and prints headers per CPU-second and the target ratios.
   *
   * @param args optional number of rounds (default 20; the first quarter is warm-up)
   * @throws NoSuchAlgorithmException never on a conforming JVM
   */
  public static void main(String[] args) throws NoSuchAlgorithmException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HeaderVerificationBenchmark b = new HeaderVerificationBenchmark();
    b.setUp();
    b.tearDown();
    String[] names = {"computerwa", "computerwaPortable", "jdkMessageDigest", "bouncyCastle", "bitcoinj"};
    IntSupplier[] methods = {b::computerwa, b::computerwaPortable, b::jdkMessageDigest, b::bouncyCastle, b::bitcoinj};
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    double[] best = new double[methods.length];
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < methods.length; k++) {
        long headers = 0;
        long start = threads.getCurrentThreadCpuTime();
        long now;
        while ((now = threads.getCurrentThreadCpuTime()) < start + 100_000_000L) {
          for (int j = 0; j < 10; j++) {
            sink += methods[k].getAsInt();
            headers += HeaderVerificationBenchmark.HEADERS;
          }
        }
        double rate = headers / ((now - start) / 1e9);
        if (round >= rounds / 4) {
          best[k] = Math.max(best[k], rate);
        }
      }
    }
    for (int k = 0; k < methods.length; k++) {
      System.out.printf(Locale.ROOT, "%-20s %,14.0f headers per CPU-second%n", names[k], best[k]);
    }
    System.out.printf(Locale.ROOT, "computerwa / jdkMessageDigest   %.2f (target >= 0.9)%n", best[0] / best[2]);
    System.out.printf(Locale.ROOT, "computerwa / bitcoinj           %.2f (target >= 2)%n", best[0] / best[4]);
    System.out.printf(Locale.ROOT, "computerwaPortable / bouncyCastle %.2f (target >= 1.3)%n", best[1] / best[3]);
    System.out.println(sink == 42 ? "" : "(" + sink + " valid headers counted)");
  }
}
