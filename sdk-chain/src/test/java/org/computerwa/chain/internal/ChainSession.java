package org.computerwa.chain.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.computerwa.chain.devchain.DevAccount;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.chain.internal.rpc.Web3jTransport;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.crypto.SigningKey;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * A connection to a (dev) chain for contract-level work (the module's tests):
 * web3j wrappers read through the SDK's JSON-RPC transport and every transaction goes through a
 * {@link TransactionPipeline} per sending account (journal in memory, one confirmation), tuned for
 * an instantly mining node: receipts are polled every 5 ms.
 */
public final class ChainSession implements AutoCloseable {
  /** Gas price the wrappers are given (the pipeline prices transactions itself). */
  public static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

  /** Gas limit per transaction (deployments included); below anvil's 30M block limit. */
  public static final BigInteger GAS_LIMIT = BigInteger.valueOf(25_000_000L);

  private final String rpcUrl;
  private final JsonRpc rpc;
  private final Web3jTransport service;
  private final Web3j web3j;
  private final ScheduledExecutorService executor;
  private final long chainId;
  private final ContractGasProvider gas = new StaticGasProvider(GAS_PRICE, GAS_LIMIT);
  private final Journal journal = Journal.inMemory();
  private final Map<String, TransactionPipeline> pipelines = new ConcurrentHashMap<>();
  private final Map<String, PipelineTransactionManager> managers = new ConcurrentHashMap<>();
  private final TransactionReceiptProcessor receipts;

  private ChainSession(String rpcUrl, long chainId) {
    this.rpcUrl = rpcUrl;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "web3j-poll"));
    this.rpc = JsonRpc.connect(rpcUrl);
    this.service = new Web3jTransport(rpc);
    this.web3j = Web3j.build(service, 50, executor);
    this.chainId = chainId;
    this.receipts = new PollingTransactionReceiptProcessor(web3j, 5, 2_000);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Connects to a running dev chain.
   *
   * @param chain the dev chain
   * @return a session; close it to release the HTTP client
   */
  public static ChainSession connect(DevChain chain) {
    return new ChainSession(chain.rpcUrl(), chain.chainId());
  }

  /** The underlying web3j client (over the SDK's transport). */
  public Web3j web3j() {
    return web3j;
  }

  /** The JSON-RPC transport, for methods web3j has no wrapper for (evm_mine, ...). */
  public Web3jService service() {
    return service;
  }

  /** The chain id transactions are signed for. */
  public long chainId() {
    return chainId;
  }

  /** Fixed gas price and limit for every transaction. */
  public ContractGasProvider gas() {
    return gas;
  }

  /** Credentials of a dev account. */
  public static Credentials credentials(DevAccount account) {
    return Credentials.create(account.privateKeyHex());
  }

  /** The transaction manager that signs as {@code account}. */
  public TransactionManager as(DevAccount account) {
    return as(credentials(account));
  }

  /** The transaction manager that signs with {@code credentials}, through the pipeline. */
  public TransactionManager as(Credentials credentials) {
    return manager(credentials);
  }

  private PipelineTransactionManager manager(Credentials credentials) {
    return managers.computeIfAbsent(
        credentials.getAddress(), a -> new PipelineTransactionManager(web3j, pipeline(credentials), receipts));
  }

  private TransactionPipeline pipeline(Credentials credentials) {
    return pipelines.computeIfAbsent(
        credentials.getAddress(),
        a -> TransactionPipeline.builder()
            .rpcUrl(rpcUrl)
            .chainId(chainId)
            .signer(SigningKey.fromSecret(credentials.getEcKeyPair().getPrivateKey()))
            .journal(journal)
            .confirmations(1)
            .pollInterval(Duration.ofMillis(5))
            .receiptTimeout(Duration.ofSeconds(60))
            .build());
  }

  /**
   * Sends a transaction and waits for its receipt, whatever its status.
   *
   * @param from the signer
   * @param to the contract, or null to create one from {@code data}
   * @param data the ABI-encoded call, or the init code
   * @return the receipt (check {@link TransactionReceipt#isStatusOK()})
   */
  public TransactionReceipt send(Credentials from, @Nullable String to, String data) {
    String hash = manager(from).send(to == null ? "deploy a contract" : "call " + to, to, data, BigInteger.ZERO, GAS_LIMIT);
    try {
      return receipts.waitForTransactionReceipt(hash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TransactionException e) {
      throw new ComputeRwaException("no receipt: " + e.getMessage(), e);
    }
  }

  /**
   * Simulates a call and returns its revert data, if it reverts.
   *
   * @param from the caller
   * @param to the contract, or null for a creation
   * @param data the ABI-encoded call, or the init code
   * @return the revert data as 0x-hex ("0x" for a bare revert), or empty when the call succeeds
   */
  public Optional<String> revertData(String from, @Nullable String to, String data) {
    try {
      EthCall call =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(from, to, data),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (!call.hasError()) {
        return Optional.empty();
      }
      String revert = call.getError().getData();
      return Optional.of(revert == null ? "0x" : revert.replace("\"", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The 4-byte selector of an error or function signature, as 0x-hex.
   *
   * @param signature e.g. {@code "NotVerified(address)"}
   * @return e.g. {@code "0x1a2b3c4d"}
   */
  public static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  @Override
  public void close() {
    pipelines.values().forEach(TransactionPipeline::close);
    journal.close();
    rpc.close();
    executor.shutdownNow();
  }
}
