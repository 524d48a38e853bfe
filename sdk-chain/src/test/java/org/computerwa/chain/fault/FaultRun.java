package org.computerwa.chain.fault;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.events.EventLedger;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.OperationState;
import org.computerwa.chain.tx.TokenChain;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.chain.tx.TransactionRequest;
import org.computerwa.core.crypto.Address;

/**
 * A seeded random schedule of write operations (mints, each to its own recipient, each with an
 * idempotency key) against anvil with faults injected between them: the node killed and
 * restarted from its state file, transactions dropped from its pool, reorganisations of depth 1
 * to 3, base-fee spikes, replies lost after the node accepted a transaction. Blocks come from a
 * miner thread (instant mining is off, so transactions wait in the pool as on a real chain).
 * Afterwards {@code resume()} drives everything to a terminal state and the run counts what went
 * wrong against the chain itself: balances, Transfer logs, nonces and the event stream's view.
 */
final class FaultRun {
  static final int CONFIRMATIONS = 4;
  private static final List<String> EVERY_FAULT = List.of("lostReply", "drop", "spike", "reorg", "restart");

  record Result(int ops, int lost, int duplicated, int nonterminal, int nonceGaps, int eventDiffs, Map<String, Integer> faults) {
    String line() {
      return "soak: ops=" + ops + " lost=" + lost + " duplicated=" + duplicated + " nonterminal=" + nonterminal
          + " nonceGaps=" + nonceGaps + " eventDiffs=" + eventDiffs;
    }

    boolean clean() {
      return lost == 0 && duplicated == 0 && nonterminal == 0 && nonceGaps == 0 && eventDiffs == 0;
    }
  }

  private FaultRun() {}

  static Result run(long seed, int ops, Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> faults = new TreeMap<>();
    try (TokenChain t = TokenChain.start();
        DroppingProxy proxy = new DroppingProxy(t.rpcUrl());
        Journal journal = Journal.sqlite(dir.resolve("fault-" + seed + ".db"))) {
      t.chain.automine(false);
      Miner miner = new Miner(t);
      miner.start();
      EventLedger ledger = new EventLedger();
      try (TransactionPipeline p = TransactionPipeline.builder()
              .rpcUrl(proxy.url()).chainId(t.chainId()).signer(t.key(1)).journal(journal)
              .confirmations(CONFIRMATIONS).pollInterval(Duration.ofMillis(20))
              .receiptTimeout(Duration.ofSeconds(90)).bumpAfter(Duration.ofMillis(800)).build();
          EventStream stream = EventStream.builder().rpcUrl(t.rpcUrl()).chainId(t.chainId()).journal(journal)
              .name("fault").contracts(List.of(t.token())).startBlock(0).maxBlockRange(16).listener(ledger).build()) {
        for (int i = 0; i < ops; i++) {
          int dice = random.nextInt(100);
          String fault = dice < 2 ? "restart" : dice < 10 ? "drop" : dice < 16 ? "reorg" : dice < 22 ? "spike" : dice < 32 ? "lostReply" : "none";
          if (i >= 1 && i <= EVERY_FAULT.size()) {
            fault = EVERY_FAULT.get(i - 1); // every kind at least once, whatever the seed and K
          }
          faults.merge(fault, 1, Integer::sum);
          if (fault.equals("lostReply")) {
            proxy.dropNextBroadcasts(1);
          }
          if (fault.equals("spike")) {
            miner.paused(() -> {
              BigInteger base = t.reader.block("latest").orElseThrow().baseFee();
              t.chain.nextBaseFee(base.multiply(BigInteger.valueOf(20)).add(BigInteger.valueOf(1_000_000_000L)));
            });
          }
          Operation op = submit(p, request(t, seed, i));
          if (fault.equals("drop")) {
            miner.paused(() -> {
              for (String h : op.attemptHashes()) {
                t.chain.dropTransaction(h);
              }
            });
          }
          if (fault.equals("reorg")) {
            int depth = 1 + random.nextInt(3);
            miner.paused(() -> {
              if (t.blockNumber() > depth + 2) {
                t.chain.reorg(depth);
              }
            });
          }
          if (fault.equals("restart")) {
            miner.paused(() -> {
              t.chain.restart();
              t.chain.automine(false);
            });
          }
          if (i % 8 == 7) {
            poll(stream);
          }
        }
        finish(p);
        miner.stop();
        t.mine(CONFIRMATIONS);
        poll(stream);
        return count(t, p, journal, ledger, seed, ops, faults);
      } finally {
        miner.stop();
      }
    }
  }

  static TransactionRequest request(TokenChain t, long seed, int i) {
    return t.mint(TokenChain.recipient(seed, i), amount(i)).idempotencyKey("op-" + seed + "-" + i).build();
  }

  static long amount(int i) {
    return 1 + i % 7;
  }

  /** What a caller does on a retryable failure: the same request, the same key. */
  static Operation submit(TransactionPipeline p, TransactionRequest r) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return p.submit(r);
      } catch (ChainException e) {
        if (!e.retryable() || attempt >= 40) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private static void poll(EventStream s) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        s.poll();
        return;
      } catch (ChainException e) {
        if (!e.retryable() || attempt >= 40) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private static void finish(TransactionPipeline p) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        p.resume();
        return;
      } catch (ChainException e) {
        if (!e.retryable() || attempt >= 10) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private static Result count(TokenChain t, TransactionPipeline p, Journal journal, EventLedger ledger, long seed, int ops,
      Map<String, Integer> faults) {
    int lost = 0;
    int duplicated = 0;
    Map<Address, Integer> transfersTo = new TreeMap<>();
    for (var log : t.transferLogs()) {
      String topic = log.path("topics").get(2).asText();
      transfersTo.merge(Address.fromHex("0x" + topic.substring(26)), 1, Integer::sum);
    }
    for (int i = 0; i < ops; i++) {
      Address to = TokenChain.recipient(seed, i);
      BigInteger balance = t.balanceOf(to);
      int transfers = transfersTo.getOrDefault(to, 0);
      boolean confirmed = p.find("op-" + seed + "-" + i).map(o -> o.state() == OperationState.CONFIRMED).orElse(false);
      if (!confirmed || balance.signum() == 0) {
        lost++;
      } else if (balance.compareTo(BigInteger.valueOf(amount(i))) > 0 || transfers > 1) {
        duplicated++;
      }
    }
    List<Operation> all = journal.operations();
    int nonterminal = (int) all.stream().filter(o -> !o.state().terminal()).count();
    Set<Long> used = new HashSet<>();
    for (Operation o : all) {
      if (o.state() == OperationState.CONFIRMED || o.failure().map(f -> f.name().equals("REVERTED")).orElse(false)) {
        o.nonce().ifPresent(used::add);
      }
    }
    long chainCount = t.reader.transactionCount(p.sender(), "latest");
    int gaps = 0;
    for (long n = 0; n < chainCount; n++) {
      if (!used.contains(n)) {
        gaps++;
      }
    }
    gaps += (int) used.stream().filter(n -> n >= chainCount).count();
    int eventDiffs = ledger.differences(t.transferLogs());
    return new Result(ops, lost, duplicated, nonterminal, gaps, eventDiffs, faults);
  }

  /** Mines a block every 25 ms until stopped; pauses around faults that must not race a block. */
  static final class Miner {
    private final TokenChain t;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Object lock = new Object();
    private final Thread thread;

    Miner(TokenChain t) {
      this.t = t;
      this.thread = new Thread(this::loop, "miner");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    private void loop() {
      while (running.get()) {
        synchronized (lock) {
          try {
            t.mine(1);
          } catch (RuntimeException e) {
            // the node is restarting; the next round mines again
          }
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void paused(Runnable fault) {
      synchronized (lock) {
        fault.run();
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(5_000);
    }
  }

  static List<String> describe(Result r) {
    List<String> lines = new ArrayList<>();
    lines.add("faults injected: " + r.faults());
    lines.add(r.line());
    return lines;
  }
}
