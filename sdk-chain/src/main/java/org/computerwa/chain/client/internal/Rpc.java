package org.computerwa.chain.client.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.Receipt;
import org.computerwa.chain.internal.rpc.ChainReader;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.chain.internal.rpc.Web3jTransport;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Operation;
import org.computerwa.chain.tx.TransactionPipeline;
import org.computerwa.chain.tx.TransactionRequest;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * The client's connection: reads through web3j wrappers over the SDK's one JSON-RPC transport,
 * and writes through the {@link TransactionPipeline} (simulated first so that a revert costs
 * nothing and carries its reason, journaled, signed with the SDK's own {@link SigningKey},
 * confirmed, reverts decoded).
 */
public final class Rpc implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Rpc.class);

  private final JsonRpc transport;
  private final Web3j web3j;
  private final TransactionPipeline pipeline;
  private final SigningKey signer;
  private final String from;
  private final long chainId;
  private final TransactionManager readOnly;
  private @Nullable String stepPrefix;
  private final java.util.Map<String, Integer> stepCounts = new java.util.concurrent.ConcurrentHashMap<>();
  private final ContractGasProvider unusedGas =
      new StaticGasProvider(BigInteger.ONE, BigInteger.ONE);

  private Rpc(
      JsonRpc transport,
      Web3j web3j,
      TransactionPipeline pipeline,
      SigningKey signer,
      long chainId) {
    this.transport = transport;
    this.web3j = web3j;
    this.pipeline = pipeline;
    this.signer = signer;
    this.from = signer.address().toHex();
    this.chainId = chainId;
    this.readOnly = new ReadonlyTransactionManager(web3j, from);
  }

  /**
   * Connects; every write goes through a {@link TransactionPipeline} on the given journal.
   *
   * @param rpcUrl the node's HTTP JSON-RPC endpoint
   * @param signer the key that signs every transaction
   * @param journal the journal (not closed by this connection)
   * @param confirmations the confirmation depth
   * @param receiptTimeout how long to wait for finality
   * @param pollInterval how often to poll
   * @return the connection
   */
  public static Rpc connect(
      String rpcUrl,
      SigningKey signer,
      Journal journal,
      int confirmations,
      Duration receiptTimeout,
      Duration pollInterval) {
    JsonRpc transport = JsonRpc.connect(rpcUrl);
    Web3j web3j = Web3j.build(new Web3jTransport(transport), Math.max(1, pollInterval.toMillis()), DAEMON);
    try {
      long chainId = new ChainReader(transport).chainId();
      TransactionPipeline pipeline =
          TransactionPipeline.builder()
              .rpcUrl(rpcUrl)
              .chainId(chainId)
              .signer(signer)
              .journal(journal)
              .confirmations(confirmations)
              .receiptTimeout(receiptTimeout)
              .pollInterval(pollInterval)
              .build();
      return new Rpc(transport, web3j, pipeline, signer, chainId);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  /** web3j's scheduler is unused (no filters, no polling by web3j); one shared daemon thread. */
  private static final java.util.concurrent.ScheduledExecutorService DAEMON =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "computerwa-web3j");
            t.setDaemon(true);
            return t;
          });

  /** The pipeline every write goes through. */
  public TransactionPipeline pipeline() {
    return pipeline;
  }

  /**
   * Makes the following sends steps of one resumable operation: each gets the idempotency key
   * {@code name/action#n} (n counts repeats of the action), so running the same sequence again on
   * the same journal returns the steps already done and sends only the rest.
   *
   * @param name the operation's name, unique per sender and journal
   */
  public void stepsOf(String name) {
    this.stepPrefix = Objects.requireNonNull(name, "name");
    this.stepCounts.clear();
  }

  /** The web3j client, for loading wrappers. */
  public Web3j web3j() {
    return web3j;
  }

  /** A transaction manager that only reads (wrappers are bound to it; writes go through send). */
  public TransactionManager readOnly() {
    return readOnly;
  }

  /** A gas provider for wrappers that are only used to encode and to read. */
  public ContractGasProvider unusedGas() {
    return unusedGas;
  }

  /** The chain id. */
  public long chainId() {
    return chainId;
  }

  /** The signer's address, lower-case hex. */
  public String from() {
    return from;
  }

  /** The signer. */
  public SigningKey signer() {
    return signer;
  }

  /** The latest block's timestamp. */
  public Instant latestTimestamp() {
    try {
      EthBlock block = checked("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send());
      return Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact());
    } catch (IOException e) {
      throw transport("read the latest block", e);
    }
  }

  /**
   * Runs a read-only wrapper call, decoding a revert.
   *
   * @param action what is read, for messages
   * @param to the contract address
   * @param call the call
   * @param <T> the result type
   * @return the result
   */
  public <T> T view(String action, String to, RemoteFunctionCall<T> call) {
    try {
      return call.send();
    } catch (ChainException e) {
      throw e;
    } catch (IOException e) {
      throw transport(action, e);
    } catch (Exception e) {
      Optional<String> revert = revertData(to, call.encodeFunctionCall(), DefaultBlockParameterName.LATEST);
      if (revert.isPresent()) {
        throw reverted(action, revert.get(), null);
      }
      if ("0x".equals(new ChainReader(transport).code(to))) {
        throw ChainException.of(ChainException.Kind.NO_CONTRACT, action + ": no contract at " + to + " on chain " + chainId, null, e);
      }
      throw ChainException.of(ChainException.Kind.DECODE, action + ": cannot decode the answer: " + e.getMessage(), null, e);
    }
  }

  /** A mined transaction: the public receipt and web3j's, for decoding events. */
  public static final class Sent {
    private final Receipt receipt;
    private final TransactionReceipt raw;

    Sent(Receipt receipt, TransactionReceipt raw) {
      this.receipt = receipt;
      this.raw = raw;
    }

    /** The public receipt. */
    public Receipt receipt() {
      return receipt;
    }

    /** web3j's receipt, with logs. */
    public TransactionReceipt raw() {
      return raw;
    }
  }

  /**
   * Deploys a contract.
   *
   * @param action what is deployed, for messages and the receipt
   * @param binary the creation bytecode (0x-hex)
   * @param constructorArguments the constructor arguments
   * @return the mined transaction; its raw receipt holds the contract address
   */
  public Sent deploy(String action, String binary, List<Type> constructorArguments) {
    String data = binary + FunctionEncoder.encodeConstructor(constructorArguments);
    return send(action, null, data);
  }

  /**
   * Sends a transaction through the pipeline: simulated, journaled, signed, broadcast, confirmed.
   *
   * @param action what the transaction does, for messages and the receipt
   * @param to the contract, or null for a deployment
   * @param data the ABI-encoded call or the init code
   * @return the mined, successful transaction
   * @throws ChainException REVERTED (simulated or mined), REJECTED, TIMEOUT, NO_CONTRACT or TRANSPORT
   */
  public Sent send(String action, @Nullable String to, String data) {
    TransactionRequest.Builder request = TransactionRequest.builder().action(action).data(data);
    if (to != null) {
      request.to(Address.fromHex(to));
    }
    String prefix = stepPrefix;
    if (prefix != null) {
      int n = stepCounts.merge(action, 1, Integer::sum);
      String key = prefix + "/" + action + "#" + n;
      if (key.length() > 200 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        key = prefix + "/" + org.computerwa.core.crypto.Keccak256.hashUtf8(action).toHex() + "#" + n;
      }
      request.idempotencyKey(key);
    }
    Operation op = pipeline.send(request.build());
    String hash = op.transactionHash().orElseThrow();
    TransactionReceipt receipt;
    try {
      receipt =
          checked("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(hash).send())
              .getTransactionReceipt()
              .orElseThrow(() -> ChainException.of(ChainException.Kind.TIMEOUT, action + ": receipt of " + hash + " vanished (reorg)", hash, null));
    } catch (IOException e) {
      throw transport(action, e);
    }
    LOG.debug("{}: tx {} gas {}", action, hash, receipt.getGasUsed());
    return new Sent(
        Receipt.of(action, hash, receipt.getBlockNumber().longValueExact(), receipt.getGasUsed().longValueExact()),
        receipt);
  }

  private Optional<String> revertData(@Nullable String to, String data, DefaultBlockParameter block) {
    try {
      EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), block).send();
      if (!call.hasError()) {
        return Optional.empty();
      }
      String revert = call.getError().getData();
      return Optional.of(revert == null ? "0x" : revert.replace("\"", ""));
    } catch (IOException e) {
      LOG.debug("could not replay a reverted call", e);
      return Optional.empty();
    }
  }

  private static ChainException reverted(String action, String revertData, @Nullable String hash) {
    RevertDecoder.Decoded d = RevertDecoder.decode(revertData);
    return ChainException.reverted(
        action, d == null ? null : d.name(), d == null ? List.of() : d.arguments(), revertData, hash);
  }

  private static ChainException transport(String action, IOException e) {
    return ChainException.of(
        ChainException.Kind.TRANSPORT, action + ": node unreachable: " + e.getMessage(), null, e);
  }

  private static <R extends Response<?>> R checked(String method, R response) {
    if (response.hasError()) {
      throw ChainException.of(
          ChainException.Kind.TRANSPORT, method + " failed: " + response.getError().getMessage(), null, null);
    }
    return response;
  }

  @Override
  public void close() {
    pipeline.close();
    transport.close();
  }
}
