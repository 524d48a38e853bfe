package org.computerwa.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.chain.internal.rpc.ChainReader;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.SigningKey;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A fresh anvil with the test stablecoin deployed through the pipeline: the write operations of
 * the pipeline's tests are mints (each one visible as a balance and a Transfer log).
 */
public final class TokenChain implements AutoCloseable {
  static final String TRANSFER_TOPIC = Keccak256.hashUtf8("Transfer(address,address,uint256)").toHex();

  public final DevChain chain;
  final Address token;
  final JsonRpc rpc;
  public final ChainReader reader;

  private TokenChain(DevChain chain, Address token) {
    this.chain = chain;
    this.token = token;
    this.rpc = JsonRpc.connect(chain.rpcUrl());
    this.reader = new ChainReader(rpc);
  }

  public static TokenChain start() {
    return start(DevChain.builder().accounts(4).toolchainDirectory(moduleDir()));
  }

  static TokenChain start(DevChain.Builder builder) {
    DevChain chain = builder.build();
    try (Journal journal = Journal.inMemory();
        TransactionPipeline deployer = pipeline(chain, key(chain, 0), journal, 1).build()) {
      Operation op = deployer.send(
          TransactionRequest.builder().action("deploy TestStablecoin").data(TestStablecoin.BINARY).build());
      String hash = op.transactionHash().orElseThrow();
      JsonRpc rpc = JsonRpc.connect(chain.rpcUrl());
      try {
        String address = new ChainReader(rpc).receipt(hash).orElseThrow().contractAddress();
        return new TokenChain(chain, Address.fromHex(address));
      } finally {
        rpc.close();
      }
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  static Path moduleDir() {
    return Path.of(System.getProperty("computerwa.chain.moduleDir", "."));
  }

  static SigningKey key(DevChain chain, int account) {
    return SigningKey.fromHex(chain.accounts().get(account).privateKeyHex());
  }

  static TransactionPipeline.Builder pipeline(DevChain chain, SigningKey key, Journal journal, int confirmations) {
    return TransactionPipeline.builder()
        .rpcUrl(chain.rpcUrl())
        .chainId(chain.chainId())
        .signer(key)
        .journal(journal)
        .confirmations(confirmations)
        .pollInterval(Duration.ofMillis(20))
        .receiptTimeout(Duration.ofSeconds(60))
        .bumpAfter(Duration.ofSeconds(2));
  }

  public TransactionPipeline.Builder pipeline(SigningKey key, Journal journal, int confirmations) {
    return pipeline(chain, key, journal, confirmations);
  }

  public SigningKey key(int account) {
    return key(chain, account);
  }

  /** A mint of {@code amount} base units to {@code to}. */
  public TransactionRequest.Builder mint(Address to, long amount) {
    String data = FunctionEncoder.encode(new Function(
        "mint", List.of(new org.web3j.abi.datatypes.Address(to.toHex()), new Uint256(amount)), List.of()));
    return TransactionRequest.builder().action("mint " + amount + " to " + to).to(token).data(data);
  }

  public BigInteger balanceOf(Address holder) {
    String data = FunctionEncoder.encode(new Function(
        "balanceOf", List.of(new org.web3j.abi.datatypes.Address(holder.toHex())), List.of()));
    return new BigInteger(reader.call(holder.toHex(), token.toHex(), data, "latest").substring(2), 16);
  }

  /** Every Transfer log of the token, as eth_getLogs reports it (the ground truth). */
  public JsonNode transferLogs() {
    return rpc.call("eth_getLogs", java.util.Map.of(
        "fromBlock", "0x0", "toBlock", "latest", "address", token.toHex(), "topics", List.of(TRANSFER_TOPIC)));
  }

  public static Address recipient(long seed, int i) {
    byte[] b = Keccak256.hashUtf8("recipient-" + seed + "-" + i).toBytes();
    return Address.of(java.util.Arrays.copyOfRange(b, 12, 32));
  }

  public String rpcUrl() {
    return chain.rpcUrl();
  }

  public long chainId() {
    return chain.chainId();
  }

  public Address token() {
    return token;
  }

  public long blockNumber() {
    return chain.blockNumber();
  }

  public void mine(int blocks) {
    chain.mine(blocks);
  }

  public void reorg(int depth) {
    chain.reorg(depth);
  }

  /** A pipeline of a funded account, confirmation depth 1. */
  public TransactionPipeline pipeline(int account, Journal journal) {
    return pipeline(key(account), journal, 1).build();
  }

  /** A mint request. */
  public TransactionRequest mintRequest(Address to, long amount) {
    return mint(to, amount).build();
  }

  @Override
  public void close() {
    rpc.close();
    chain.close();
  }
}
