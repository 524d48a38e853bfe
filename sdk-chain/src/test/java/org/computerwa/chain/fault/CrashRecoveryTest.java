package org.computerwa.chain.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.OperationState;
import org.computerwa.chain.tx.TokenChain;
import org.computerwa.chain.tx.TransactionPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client process killed at each journal transition of an operation (after the intent, after
 * the signed transaction is recorded, after the node accepted it but before that is recorded,
 * after the broadcast is recorded, after confirmation): a new process on the same journal
 * resumes, every operation ends confirmed exactly once, and repeating the keyed requests sends
 * nothing.
 */
class CrashRecoveryTest {
  static TokenChain t;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    t = TokenChain.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @ParameterizedTest(name = "killed at {0}")
  @ValueSource(strings = {"INTENT", "SIGNED", "SENT", "BROADCAST", "CONFIRMED"})
  void aProcessKilledAtATransitionIsFinishedByResumeExactlyOnce(String point) throws Exception {
    long seed = point.hashCode() & 0xffff;
    int ops = 3;
    int crashOp = 1;
    Path journalFile = dir.resolve("crash.db");
    Path log = dir.resolve("child.log");
    Process child = ChildJvm.start(CrashingSender.class, log, t.rpcUrl(), Long.toString(t.chainId()),
        t.chain.accounts().get(1).privateKeyHex(), journalFile.toString(), t.token().toHex(),
        Long.toString(seed), Integer.toString(ops), Integer.toString(crashOp), point);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(ChildJvm.output(log)).isEqualTo(CrashingSender.CRASH_EXIT);
    try (Journal j = Journal.sqlite(journalFile); TransactionPipeline p = t.pipeline(t.key(1), j, 1).build()) {
      Operation left = p.find(CrashingSender.key(seed, crashOp)).orElseThrow();
      assertThat(left.state().name()).isEqualTo(point.equals("SENT") ? "SIGNED" : point);
      p.resume();
      for (int i = 0; i < ops; i++) {
        // the caller repeats its requests after the restart: the journal answers, nothing is sent
        Operation op = p.send(CrashingSender.request(t.token(), seed, i));
        assertThat(op.state()).isEqualTo(OperationState.CONFIRMED);
        assertThat(t.balanceOf(TokenChain.recipient(seed, i))).isEqualTo(BigInteger.valueOf(i + 1));
      }
      assertThat(j.operations()).hasSize(ops).allMatch(o -> o.state() == OperationState.CONFIRMED);
      assertThat(j.operations()).extracting(o -> o.nonce().getAsLong()).doesNotHaveDuplicates();
    }
  }
}
