package org.computerwa.benchmarks.pow;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.lang.management.ThreadMXBean;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.computerwa.benchmarks.share.ShareVerificationBenchmark;

/**
 * A quick direction check of {@link HeaderVerificationBenchmark}'s ratios on a busy machine: runs
 * the five methods round-robin in one JVM, with {@code ShareVerificationBenchmark}'s two midstate
 * methods, and measures each by the thread's CPU time, not wall time, so other processes competing
 * for the cores distort it far less than a JMH run. JMH remains the reference; this is for
 * development on shared hardware.
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
   * @throws IOException if the share benchmark's job cannot be read
   */
  public static void main(String[] args) throws NoSuchAlgorithmException, IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HeaderVerificationBenchmark b = new HeaderVerificationBenchmark();
    b.setUp();
    b.tearDown();
    ShareVerificationBenchmark shares = new ShareVerificationBenchmark();
    shares.setUp();
    String[] names = {"computerwa", "computerwaPortable", "jdkMessageDigest", "bouncyCastle", "bitcoinj", "midstate",
        "midstatePortable", "jdkMidstateFloor"};
    IntSupplier[] methods = {b::computerwa, b::computerwaPortable, b::jdkMessageDigest, b::bouncyCastle, b::bitcoinj,
        shares::midstate, shares::midstatePortable, shares::jdkMidstateFloor};
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
    System.out.printf(Locale.ROOT, "midstate / computerwa           %.2f (target >= 1.3)%n", best[5] / best[0]);
    System.out.printf(Locale.ROOT, "midstatePortable / computerwaPortable %.2f%n", best[6] / best[1]);
    System.out.printf(Locale.ROOT, "jdkMidstateFloor / jdkMessageDigest %.2f (the bound of midstate / computerwa"
        + " through MessageDigest)%n", best[7] / best[2]);
    System.out.println(sink == 42 ? "" : "(" + sink + " valid headers counted)");
  }
}
