package org.computerwa.mining.pow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.computerwa.core.ComputeRwaException;

/**
 * Runs a task over contiguous ranges of {@code [0, n)} on a short-lived pool of daemon threads, one
 * pool per call (a verifier holds no threads between calls). With one thread the task runs on the
 * caller's thread as a single range.
 */
final class RangePool {
  /** Work on one range; {@code range} indexes the caller's per-range result slots. */
  interface RangeTask {
    void run(int range, int from, int to);
  }

  private RangePool() {}

  /** How many ranges {@link #run} uses for {@code threads} threads. */
  static int ranges(int threads) {
    return threads == 1 ? 1 : threads * 4;
  }

  static void run(int threads, int n, RangeTask task) {
    if (threads == 1) {
      task.run(0, 0, n);
      return;
    }
    int ranges = ranges(threads);
    AtomicInteger serial = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "computerwa-header-verify-" + serial.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(ranges);
      for (int r = 0; r < ranges; r++) {
        int range = r;
        int from = (int) ((long) n * r / ranges);
        int to = (int) ((long) n * (r + 1) / ranges);
        futures.add(pool.submit(() -> task.run(range, from, to)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeRwaException("header verification was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new ComputeRwaException("header verification failed", cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
