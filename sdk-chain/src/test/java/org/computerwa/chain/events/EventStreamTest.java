package org.computerwa.chain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.TokenChain;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.core.event.TokenTransferred;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {
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

  private EventStream.Builder stream(Journal j, String name, EventListener listener) {
    return EventStream.builder().rpcUrl(t.rpcUrl()).chainId(t.chainId()).journal(j).name(name)
        .contracts(List.of(t.token())).startBlock(0).listener(listener);
  }

  @Test
  void mintsArriveAsTypedTransfersInOrderAndAResumedStreamDoesNotRepeatThem() {
    try (Journal j = Journal.sqlite(dir.resolve("j.db"));
        TransactionPipeline p = t.pipeline(1, j)) {
      List<ChainEvent> seen = new ArrayList<>();
      EventListener collect = new EventListener() {
        @Override
        public void onEvent(ChainEvent e, EventPosition at) {
          seen.add(e);
        }

        @Override
        public void onRemoved(ChainEvent e, EventPosition at) {
          throw new AssertionError("no reorg here");
        }
      };
      for (int i = 1; i <= 5; i++) {
        p.send(t.mintRequest(TokenChain.recipient(7, i), i));
      }
      // ranges of two blocks: backfill in bounded eth_getLogs calls
      try (EventStream s = stream(j, "mints", collect).maxBlockRange(2).build()) {
        assertThat(s.poll()).isGreaterThanOrEqualTo(5);
        assertThat(s.checkpoint().orElseThrow().blockNumber()).isEqualTo(t.blockNumber());
      }
      List<ChainEvent> mine = seen.stream().filter(e -> e instanceof TokenTransferred tt && tt.from().equals(Address.ZERO)
          && tt.to().equals(TokenChain.recipient(7, 1))).toList();
      assertThat(mine).containsExactly(new TokenTransferred(t.token(), Address.ZERO, TokenChain.recipient(7, 1), BigInteger.ONE));
      int before = seen.size();
      p.send(t.mintRequest(TokenChain.recipient(7, 6), 6));
      try (EventStream s = stream(j, "mints", collect).build()) {
        assertThat(s.poll()).isEqualTo(1);
      }
      assertThat(seen).hasSize(before + 1);
      assertThat(seen.get(before)).isEqualTo(new TokenTransferred(t.token(), Address.ZERO, TokenChain.recipient(7, 6), BigInteger.valueOf(6)));
    }
  }

  @Test
  void aReorgSignalsTheRemovedEventsAndTheStreamEndsEqualToTheLogs() throws Exception {
    try (Journal j = Journal.sqlite(dir.resolve("r.db"));
        TransactionPipeline p = t.pipeline(t.key(2), j, 3).build()) {
      EventLedger ledger = new EventLedger();
      try (EventStream s = stream(j, "reorg", ledger).build()) {
        s.poll();
        Operation a = p.submit(t.mintRequest(TokenChain.recipient(8, 1), 1));
        Operation b = p.submit(t.mintRequest(TokenChain.recipient(8, 2), 2));
        s.poll();
        int before = ledger.size();
        t.reorg(2); // both mints leave the chain before they are final at depth 3
        s.poll();
        assertThat(ledger.removed()).isEqualTo(2);
        assertThat(ledger.size()).isEqualTo(before - 2);
        assertThat(ledger.differences(t.transferLogs())).isZero();
        CompletableFuture<List<Operation>> done =
            CompletableFuture.supplyAsync(() -> List.of(p.await(a.id()), p.await(b.id())));
        for (int i = 0; i < 600 && !done.isDone(); i++) {
          Thread.sleep(20);
          t.mine(1);
        }
        assertThat(done.get(30, TimeUnit.SECONDS)).extracting(Operation::state)
            .containsOnly(org.computerwa.chain.tx.OperationState.CONFIRMED);
        s.poll();
        assertThat(ledger.size()).isEqualTo(before);
        assertThat(ledger.differences(t.transferLogs())).isZero();
        assertThat(t.balanceOf(TokenChain.recipient(8, 2))).isEqualTo(BigInteger.TWO);
      }
    }
  }

  @Test
  void requiredSettingsAreNamed() {
    assertThatThrownBy(() -> EventStream.builder().name("bad name!")).isInstanceOf(ValidationException.class).hasMessageContaining("name");
    // the same URL rule as the transaction pipeline; the key-bearing path never shows in the message
    assertThatThrownBy(() -> EventStream.builder().rpcUrl("wss://node.example/v3/secret-key"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("rpcUrl").hasMessageNotContaining("secret-key");
    try (Journal j = Journal.sqlite(dir.resolve("v.db"))) {
      assertThatThrownBy(() -> EventStream.builder().rpcUrl(t.rpcUrl()).chainId(t.chainId()).journal(j).name("x")
          .contracts(List.of(t.token())).listener(new EventLedger()).build())
          .isInstanceOf(ValidationException.class).hasMessageContaining("startBlock");
    }
  }
}
