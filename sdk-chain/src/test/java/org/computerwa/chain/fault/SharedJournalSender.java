package org.computerwa.chain.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.OperationState;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;

/**
 * A client process sending keyed mints from several threads through a PostgreSQL journal that
 * another process shares. Arguments: rpcUrl chainId keyHex jdbcUrl user tokenHex seed firstOp
 * ops threads. Exits 0 when every operation was confirmed and no call threw.
 */
public final class SharedJournalSender {
  private SharedJournalSender() {}

  public static void main(String[] args) throws Exception {
    String rpcUrl = args[0];
    long chainId = Long.parseLong(args[1]);
    SigningKey key = SigningKey.fromHex(args[2]);
    String jdbcUrl = args[3];
    String user = args[4];
    Address token = Address.fromHex(args[5]);
    long seed = Long.parseLong(args[6]);
    int first = Integer.parseInt(args[7]);
    int ops = Integer.parseInt(args[8]);
    int threads = Integer.parseInt(args[9]);
    int failures = 0;
    try (Journal journal = Journal.postgres(jdbcUrl, user, "");
        TransactionPipeline p = TransactionPipeline.builder().rpcUrl(rpcUrl).chainId(chainId).signer(key)
            .journal(journal).confirmations(1).pollInterval(Duration.ofMillis(20)).receiptTimeout(Duration.ofSeconds(120)).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<OperationState>> results = new ArrayList<>();
      for (int i = first; i < first + ops; i++) {
        int op = i;
        results.add(pool.submit(() -> p.send(CrashingSender.request(token, seed, op)).state()));
      }
      for (Future<OperationState> f : results) {
        try {
          if (f.get() != OperationState.CONFIRMED) {
            failures++;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          e.getCause().printStackTrace(System.out);
          failures++;
        }
      }
      pool.shutdown();
    }
    System.out.println("sent " + ops + " failures " + failures);
    System.exit(failures == 0 ? 0 : 1);
  }
}
