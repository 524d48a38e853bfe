package org.computerwa.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.tx.internal.JdbcJournal;
import org.computerwa.chain.tx.internal.OperationRow;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's store on both databases, without a chain: states, keys, nonces under contention. */
class JournalTest {
  private static final String SENDER = "0x00000000000000000000000000000000000000aa";
  @TempDir Path dir;

  private static OperationRow intent(String key) {
    long now = System.currentTimeMillis();
    return new OperationRow(UUID.randomUUID().toString(), SENDER, key, "test", "0x" + "11".repeat(20), "0x", "0",
        null, null, "INTENT", null, null, null, null, null, null, now, now, List.of());
  }

  private static OperationRow.Attempt attempt(long nonce) {
    return new OperationRow.Attempt(0, "0x" + String.format("%064x", nonce), "0xraw", "2", "1", null, System.currentTimeMillis());
  }

  /** Two journal instances (as two processes would have) on one database, 16 threads each. */
  private static void noncesAreUniqueAndGapless(Supplier<Journal> open) throws Exception {
    int perThread = 10;
    try (Journal a = open.get(); Journal b = open.get()) {
      Set<Long> nonces = new ConcurrentSkipListSet<>();
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        JdbcJournal store = (t % 2 == 0 ? a : b).store();
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            OperationRow row = store.insertIntent(intent(null));
            OperationRow signed = store.allocateAndSign(row.id(), SENDER, 0, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000)).orElseThrow();
            assertThat(nonces.add(signed.nonce())).as("nonce %s handed out twice", signed.nonce()).isTrue();
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(new TreeSet<>(nonces)).containsExactlyElementsOf(LongStream.range(0, 32L * perThread).boxed().toList());
    }
  }

  @Test
  void sqliteHandsOutEachNonceOnceUnderContention() throws Exception {
    Path file = dir.resolve("j.db");
    noncesAreUniqueAndGapless(() -> Journal.sqlite(file));
  }

  @Test
  void postgresHandsOutEachNonceOnceToTwoInstances() throws Exception {
    PostgresServer pg = PostgresServer.get();
    String url = pg.freshDatabase();
    noncesAreUniqueAndGapless(() -> Journal.postgres(url, pg.user(), ""));
  }

  @Test
  void aReleasedNonceIsReusedFirstAndStaleOnesAreForgotten() {
    try (Journal j = Journal.sqlite(dir.resolve("r.db"))) {
      JdbcJournal s = j.store();
      OperationRow a = s.insertIntent(intent(null));
      long na = s.allocateAndSign(a.id(), SENDER, 5, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000)).orElseThrow().nonce();
      OperationRow b = s.insertIntent(intent(null));
      long nb = s.allocateAndSign(b.id(), SENDER, 5, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000)).orElseThrow().nonce();
      assertThat(na).isEqualTo(5);
      assertThat(nb).isEqualTo(6);
      assertThat(s.fail(a.id(), "REJECTED", "insufficient funds", null, null, null, null, true)).isTrue();
      OperationRow c = s.insertIntent(intent(null));
      assertThat(s.allocateAndSign(c.id(), SENDER, 5, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000)).orElseThrow().nonce()).isEqualTo(5);
      // the chain moved past a released nonce: it is not handed out again
      assertThat(s.fail(c.id(), "REJECTED", "again", null, null, null, null, true)).isTrue();
      OperationRow d = s.insertIntent(intent(null));
      assertThat(s.allocateAndSign(d.id(), SENDER, 9, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000)).orElseThrow().nonce()).isEqualTo(9);
    }
  }

  @Test
  void statesOnlyMoveForwardAndTerminalStatesStay() {
    try (Journal j = Journal.sqlite(dir.resolve("s.db"))) {
      JdbcJournal s = j.store();
      OperationRow a = s.insertIntent(intent("k"));
      assertThat(s.insertIntent(intent("k")).id()).isEqualTo(a.id());
      assertThat(s.markBroadcast(a.id())).as("INTENT cannot skip to BROADCAST").isFalse();
      s.allocateAndSign(a.id(), SENDER, 0, (n, q) -> new JdbcJournal.Signed(attempt(n), 21_000));
      assertThat(s.allocateAndSign(a.id(), SENDER, 0, (n, q) -> { throw new AssertionError("signed twice"); })).isEmpty();
      assertThat(s.markBroadcast(a.id())).isTrue();
      assertThat(s.confirm(a.id(), "0x01", 3, "0x02")).isTrue();
      assertThat(s.fail(a.id(), "REVERTED", "late", null, null, null, null, false)).isFalse();
      assertThat(j.operation(a.id()).orElseThrow().state()).isEqualTo(OperationState.CONFIRMED);
      assertThat(j.byTransactionHash(attempt(0).txHash())).isPresent();
    }
  }

  @Test
  void aJournalOfAnotherChainIsRefused() {
    Path file = dir.resolve("c.db");
    try (Journal j = Journal.sqlite(file)) {
      j.store().bind(1, "0xaa");
      j.store().bind(1, "0xaa");
      assertThatThrownBy(() -> j.store().bind(5, "0xaa"))
          .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.kind()).isEqualTo(ChainException.Kind.WRONG_CHAIN));
      assertThatThrownBy(() -> j.store().bind(1, "0xbb")).isInstanceOf(ChainException.class).hasMessageContaining("genesis");
    }
  }

  @Test
  void badLocationsAreNamed() {
    assertThatThrownBy(() -> Journal.sqlite(dir.resolve("missing/j.db")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("folder must exist");
    assertThatThrownBy(() -> Journal.postgres("jdbc:mysql://h/db?password=hunter2", "u", "p"))
        .isInstanceOf(ValidationException.class).hasMessageNotContaining("hunter2");
  }
}
