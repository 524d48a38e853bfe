package org.computerwa.chain.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: the fault schedule with {@code -Dsoak.seed=S -Dsoak.ops=K}, run only by the soak
 * profile ({@code ./mvnw -B -pl sdk-chain -am -Psoak verify -Dsoak.seed=S -Dsoak.ops=K}). Prints
 * {@code soak: ops=K lost=L duplicated=D nonterminal=N nonceGaps=G eventDiffs=E} and fails unless
 * all five are 0.
 */
class FaultSoakTest {
  @TempDir Path dir;

  @Test
  void soak() throws Exception {
    long seed = Long.parseLong(System.getProperty("soak.seed", "1"));
    int ops = Integer.parseInt(System.getProperty("soak.ops", "500"));
    long start = System.nanoTime();
    FaultRun.Result r = FaultRun.run(seed, ops, dir);
    System.out.printf("soak seed %d took %.1f s; faults injected: %s%n", seed, (System.nanoTime() - start) / 1e9, r.faults());
    System.out.println(r.line());
    assertThat(r.clean()).as(r.line()).isTrue();
  }
}
