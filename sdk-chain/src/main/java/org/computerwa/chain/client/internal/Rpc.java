package org.computerwa.chain.client.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.Receipt;
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
 * One JSON-RPC connection and one signer: simulates every transaction before sending it (so a
 * revert costs nothing and carries its reason), estimates gas, signs EIP-1559 transactions with
 * the SDK's own {@link SigningKey}, waits for the receipt, checks its status, and decodes reverts.
 * Sends are serialised so that nonces never collide.
 */
public final class Rpc implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Rpc.class);

  private final Web3j web3j;
  private final SigningKey signer;
  private final String from;
  private final long chainId;
  private final Duration receiptTimeout;
  private final Duration pollInterval;
  private final TransactionManager readOnly;
  private final ContractGasProvider unusedGas =
      new StaticGasProvider(BigInteger.ONE, BigInteger.ONE);

  private Rpc(Web3j web3j, SigningKey signer, long chainId, Duration receiptTimeout, Duration pollInterval) {
    this.web3j = web3j;
    this.signer = signer;
    this.from = signer.address().toHex();
    this.chainId = chainId;
    this.receiptTimeout = receiptTimeout;
    this.pollInterval = pollInterval;
    this.readOnly = new ReadonlyTransactionManager(web3j, from);
  }

  /**
   * Connects and reads the chain id.
   *
   * @param rpcUrl the node's HTTP JSON-RPC endpoint
   * @param signer the key that signs every transaction
   * @param receiptTimeout how long to wait for a receipt
   * @param pollInterval how often to ask for it
   * @return the connection
   * @throws ChainException (TRANSPORT) when the node does not answer
   */
  public static Rpc connect(
      String rpcUrl, SigningKey signer, Duration receiptTimeout, Duration pollInterval) {
    // An own executor: web3j's shared default would be shut down by the first client closed.
    Web3j web3j =
        Web3j.build(
            new HttpService(rpcUrl),
            Math.max(1, pollInterval.toMillis()),
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "computerwa-rpc");
                  t.setDaemon(true);
                  return t;
                }));
    try {
      long chainId = checked("eth_chainId", web3j.ethChainId().send()).getChainId().longValueExact();
      return new Rpc(web3j, signer, chainId, receiptTimeout, pollInterval);
    } catch (IOException | RuntimeException e) {
      web3j.shutdown();
      if (e instanceof ChainException) {
        throw (ChainException) e;
      }
      throw ChainException.of(
          ChainException.Kind.TRANSPORT, "cannot reach the node at " + rpcUrl + ": " + e.getMessage(), null, e);
    }
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
    } catch (IOException e) {
      throw transport(action, e);
    } catch (Exception e) {
      Optional<String> revert = revertData(to, call.encodeFunctionCall(), DefaultBlockParameterName.LATEST);
      if (revert.isPresent()) {
        throw reverted(action, revert.get(), null);
      }
      throw ChainException.of(ChainException.Kind.TRANSPORT, action + " failed: " + e.getMessage(), null, e);
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
   * Simulates, signs, sends and waits for a transaction.
   *
   * @param action what the transaction does, for messages and the receipt
   * @param to the contract, or null for a deployment
   * @param data the ABI-encoded call or the init code
   * @return the mined, successful transaction
   * @throws ChainException REVERTED (simulated or mined), REJECTED, TIMEOUT or TRANSPORT
   */
  public synchronized Sent send(String action, @Nullable String to, String data) {
    BigInteger gasLimit = estimateGas(action, to, data);
    String hash;
    try {
      BigInteger nonce =
          checked("eth_getTransactionCount", web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send())
              .getTransactionCount();
      BigInteger baseFee =
          checked("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send())
              .getBlock()
              .getBaseFeePerGas();
      BigInteger tip = checked("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
      BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
      RawTransaction tx =
          RawTransaction.createTransaction(
              chainId, nonce, gasLimit, to == null ? "" : to, BigInteger.ZERO, data, tip, maxFee);
      byte[] payload = TransactionEncoder.encode(tx);
      Signature sig = signer.sign(Keccak256.hash(payload));
      Sign.SignatureData sd =
          new Sign.SignatureData(
              (byte) sig.v(),
              Bytes32.fromUint(sig.r()).toBytes(),
              Bytes32.fromUint(sig.s()).toBytes());
      String signed = Numeric.toHexString(TransactionEncoder.encode(tx, sd));
      EthSendTransaction sent = web3j.ethSendRawTransaction(signed).send();
      if (sent.hasError()) {
        throw ChainException.of(
            ChainException.Kind.REJECTED,
            action + " was refused by the node: " + sent.getError().getMessage(),
            null,
            null);
      }
      hash = sent.getTransactionHash();
    } catch (IOException e) {
      throw transport(action, e);
    }
    TransactionReceipt receipt = awaitReceipt(action, hash);
    if (!receipt.isStatusOK()) {
      // Replayed on the state after its block: what it saw, including earlier transactions of
      // the same block, and the block's own timestamp (a reverted transaction changed nothing).
      String revert =
          revertData(to, data, DefaultBlockParameter.valueOf(receipt.getBlockNumber())).orElse("0x");
      throw reverted(action, revert, hash);
    }
    LOG.debug("{}: tx {} gas {}", action, hash, receipt.getGasUsed());
    return new Sent(
        Receipt.of(action, hash, receipt.getBlockNumber().longValueExact(), receipt.getGasUsed().longValueExact()),
        receipt);
  }

  private BigInteger estimateGas(String action, @Nullable String to, String data) {
    try {
      EthEstimateGas estimate =
          web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data)).send();
      if (estimate.hasError()) {
        String revert = estimate.getError().getData();
        if (revert == null) {
          throw ChainException.of(
              ChainException.Kind.REJECTED,
              action + " cannot be estimated: " + estimate.getError().getMessage(),
              null,
              null);
        }
        throw reverted(action, revert.replace("\"", ""), null);
      }
      BigInteger gas = estimate.getAmountUsed();
      return gas.add(gas.divide(BigInteger.valueOf(5))).add(BigInteger.valueOf(10_000));
    } catch (IOException e) {
      throw transport(action, e);
    }
  }

  private TransactionReceipt awaitReceipt(String action, String hash) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    try {
      while (true) {
        EthGetTransactionReceipt r = checked("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(hash).send());
        if (r.getTransactionReceipt().isPresent()) {
          return r.getTransactionReceipt().get();
        }
        if (System.nanoTime() > deadline) {
          throw ChainException.of(
              ChainException.Kind.TIMEOUT,
              action + ": no receipt for " + hash + " within " + receiptTimeout
                  + "; it may still be mined, check the hash before sending again",
              hash,
              null);
        }
        Thread.sleep(pollInterval.toMillis());
      }
    } catch (IOException e) {
      throw ChainException.of(
          ChainException.Kind.TRANSPORT, action + ": lost the node while waiting for " + hash, hash, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChainException.of(
          ChainException.Kind.TIMEOUT, action + ": interrupted while waiting for " + hash, hash, e);
    }
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
    web3j.shutdown();
  }
}
