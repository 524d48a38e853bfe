package org.computerwa.chain.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault schedule at a CI-sized K (the soak profile runs the same schedule larger): nothing
 * lost, nothing duplicated, nothing left open, no nonce gap, the event stream equal to the logs.
 * {@code -Dcomputerwa.seed=N} replays a schedule.
 */
class FaultInjectionTest {
  @TempDir Path dir;

  @Test
  void everyOperationEndsConfirmedExactlyOnceUnderNodeFaults() throws Exception {
    long seed = Long.getLong("computerwa.seed", System.nanoTime() % 100_000);
    int ops = Integer.getInteger("computerwa.fault.ops", 40);
    System.out.println("FaultInjectionTest seed " + seed + " ops " + ops + " (replay with -Dcomputerwa.seed=" + seed + ")");
    long start = System.nanoTime();
    FaultRun.Result r = FaultRun.run(seed, ops, dir);
    FaultRun.describe(r).forEach(System.out::println);
    System.out.printf("fault run took %.1f s%n", (System.nanoTime() - start) / 1e9);
    assertThat(r.clean()).as(r.line()).isTrue();
  }
}
