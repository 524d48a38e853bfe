package org.computerwa.chain.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.OperationListener;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.chain.tx.TransactionRequest;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A client process that sends keyed mints and dies (Runtime.halt, no cleanup: as a kill -9) at
 * one journal transition of one operation. Arguments: rpcUrl chainId keyHex journalFile tokenHex
 * seed ops crashOp crashPoint (INTENT, SIGNED, SENT, BROADCAST, CONFIRMED).
 */
public final class CrashingSender {
  static final int CRASH_EXIT = 77;

  private CrashingSender() {}

  public static void main(String[] args) {
    String rpcUrl = args[0];
    long chainId = Long.parseLong(args[1]);
    SigningKey key = SigningKey.fromHex(args[2]);
    Path journalFile = Path.of(args[3]);
    Address token = Address.fromHex(args[4]);
    long seed = Long.parseLong(args[5]);
    int ops = Integer.parseInt(args[6]);
    int crashOp = Integer.parseInt(args[7]);
    String crashPoint = args[8];
    String crashKey = key(seed, crashOp);
    OperationListener killer = new OperationListener() {
      @Override
      public void onTransition(Operation op) {
        if (op.idempotencyKey().orElse("").equals(crashKey) && op.state().name().equals(crashPoint)) {
          Runtime.getRuntime().halt(CRASH_EXIT);
        }
      }

      @Override
      public void onSent(Operation op, String hash) {
        if (op.idempotencyKey().orElse("").equals(crashKey) && crashPoint.equals("SENT")) {
          Runtime.getRuntime().halt(CRASH_EXIT);
        }
      }
    };
    try (Journal journal = Journal.sqlite(journalFile);
        TransactionPipeline p = TransactionPipeline.builder().rpcUrl(rpcUrl).chainId(chainId).signer(key)
            .journal(journal).confirmations(1).pollInterval(Duration.ofMillis(20)).listener(killer).build()) {
      for (int i = 0; i < ops; i++) {
        p.send(request(token, seed, i));
      }
    }
    System.exit(0);
  }

  static String key(long seed, int i) {
    return "crash-" + seed + "-" + i;
  }

  static TransactionRequest request(Address token, long seed, int i) {
    Address to = org.computerwa.chain.tx.TokenChain.recipient(seed, i);
    String data = FunctionEncoder.encode(new Function(
        "mint", List.of(new org.web3j.abi.datatypes.Address(to.toHex()), new Uint256(i + 1)), List.of()));
    return TransactionRequest.builder().action("mint " + (i + 1) + " to " + to).to(token).data(data).idempotencyKey(key(seed, i)).build();
  }
}
