package org.computerwa.chain.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.OperationState;
import org.computerwa.chain.tx.PostgresAccess;
import org.computerwa.chain.tx.TokenChain;
import org.computerwa.chain.tx.TransactionPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many senders, one key: 32 threads of one process on an SQLite journal, then two processes with
 * eight threads each on one PostgreSQL journal (a real server). Every call returns a confirmed
 * operation (no nonce error reaches a caller), the nonces are gapless, every mint lands once.
 */
class ConcurrencyTest {
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

  @Test
  void thirtyTwoThreadsSendingFromOneKeyGetGaplessNoncesAndNoErrors() throws Exception {
    long seed = 32;
    int perThread = 4;
    try (Journal j = Journal.sqlite(dir.resolve("threads.db")); TransactionPipeline p = t.pipeline(t.key(2), j, 1).build()) {
      long firstNonce = t.reader.transactionCount(p.sender(), "latest");
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<Operation>> sent = new ArrayList<>();
      for (int i = 0; i < 32 * perThread; i++) {
        int op = i;
        sent.add(pool.submit(() -> p.send(t.mint(TokenChain.recipient(seed, op), 1 + op % 5).build())));
      }
      List<Long> nonces = new ArrayList<>();
      for (Future<Operation> f : sent) {
        Operation op = f.get(5, TimeUnit.MINUTES);
        assertThat(op.state()).isEqualTo(OperationState.CONFIRMED);
        nonces.add(op.nonce().getAsLong());
      }
      pool.shutdown();
      assertThat(nonces).containsExactlyInAnyOrderElementsOf(
          LongStream.range(firstNonce, firstNonce + 32L * perThread).boxed().toList());
      for (int i = 0; i < 32 * perThread; i++) {
        assertThat(t.balanceOf(TokenChain.recipient(seed, i))).isEqualTo(BigInteger.valueOf(1 + i % 5));
      }
    }
  }

  @Test
  void twoProcessesSharingAPostgresJournalNeverClashOnANonce() throws Exception {
    long seed = 2;
    int perProcess = 24;
    String url = PostgresAccess.freshDatabase();
    String key = t.chain.accounts().get(3).privateKeyHex();
    long firstNonce = t.reader.transactionCount(t.chain.accounts().get(3).address(), "latest");
    Path logA = dir.resolve("a.log");
    Path logB = dir.resolve("b.log");
    Process a = ChildJvm.start(SharedJournalSender.class, logA, t.rpcUrl(), Long.toString(t.chainId()), key, url,
        PostgresAccess.user(), t.token().toHex(), Long.toString(seed), "0", Integer.toString(perProcess), "8");
    Process b = ChildJvm.start(SharedJournalSender.class, logB, t.rpcUrl(), Long.toString(t.chainId()), key, url,
        PostgresAccess.user(), t.token().toHex(), Long.toString(seed), Integer.toString(perProcess), Integer.toString(perProcess), "8");
    assertThat(a.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(a.exitValue()).as(ChildJvm.output(logA)).isZero();
    assertThat(b.exitValue()).as(ChildJvm.output(logB)).isZero();
    try (Journal j = Journal.postgres(url, PostgresAccess.user(), "")) {
      List<Operation> ops = j.operations();
      assertThat(ops).hasSize(2 * perProcess).allMatch(o -> o.state() == OperationState.CONFIRMED);
      assertThat(ops).extracting(o -> o.nonce().getAsLong()).containsExactlyInAnyOrderElementsOf(
          LongStream.range(firstNonce, firstNonce + 2L * perProcess).boxed().toList());
    }
    for (int i = 0; i < 2 * perProcess; i++) {
      assertThat(t.balanceOf(TokenChain.recipient(seed, i))).isEqualTo(BigInteger.valueOf(i + 1));
    }
  }
}
