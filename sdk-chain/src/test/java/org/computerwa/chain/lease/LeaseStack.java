package org.computerwa.chain.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.devchain.DevAccount;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.chain.internal.testcontracts.LeaseTestRegistry;
import org.computerwa.core.crypto.Keccak256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A real anvil chain with the lease stack deployed: stablecoin, asset registry, evidence anchor,
 * pledge registry and lease manager; account 0 deploys and administers.
 */
public final class LeaseStack implements AutoCloseable {
  public static final BigInteger FEE_BPS = BigInteger.valueOf(1_000);
  static final ContractGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(6_000_000));

  public final DevChain chain;
  public final Web3j web3j;
  public final HttpService http;
  public final List<Credentials> accounts = new ArrayList<>();
  public final String token;
  public final String registry;
  public final String anchor;
  public final String pledges;
  public final String leaseManager;

  public LeaseStack(int accountCount) throws Exception {
    chain = DevChain.builder().accounts(accountCount).build();
    http = new HttpService(chain.rpcUrl());
    web3j = Web3j.build(http);
    for (DevAccount a : chain.accounts()) {
      accounts.add(Credentials.create(a.privateKeyHex()));
    }
    Credentials admin = accounts.get(0);
    token = TestStablecoin.deploy(web3j, tx(0), GAS).send().getContractAddress();
    registry = LeaseTestRegistry.deploy(web3j, tx(0), GAS).send().getContractAddress();
    anchor = EvidenceAnchor.deploy(web3j, tx(0), GAS, registry).send().getContractAddress();
    pledges = PledgeRegistry.deploy(web3j, tx(0), GAS, registry, token, admin.getAddress())
        .send().getContractAddress();
    leaseManager = deployLeaseManager(token);
    registry(0).setLeaseManager(leaseManager).send();
    pledges(0).grantRole(role("LEASE_MANAGER_ROLE"), leaseManager).send();
  }

  /** Deploys another lease manager over the same registry and anchor, paid in {@code paymentToken}. */
  public String deployLeaseManager(String paymentToken) throws Exception {
    return LeaseManager.deploy(web3j, tx(0), GAS, registry, anchor, pledges, paymentToken,
        accounts.get(0).getAddress(), FEE_BPS).send().getContractAddress();
  }

  public static byte[] role(String name) {
    return Keccak256.hashUtf8(name).toBytes();
  }

  public TransactionManager tx(int account) {
    return new RawTransactionManager(web3j, accounts.get(account), chain.chainId(),
        new PollingTransactionReceiptProcessor(web3j, 20, 250));
  }

  public String address(int account) {
    return accounts.get(account).getAddress();
  }

  public LeaseManager lm(int account) {
    return LeaseManager.load(leaseManager, web3j, tx(account), GAS);
  }

  public LeaseManager lm(String at, int account) {
    return LeaseManager.load(at, web3j, tx(account), GAS);
  }

  public EvidenceAnchor anchor(int account) {
    return EvidenceAnchor.load(anchor, web3j, tx(account), GAS);
  }

  public PledgeRegistry pledges(int account) {
    return PledgeRegistry.load(pledges, web3j, tx(account), GAS);
  }

  public TestStablecoin token(int account) {
    return TestStablecoin.load(token, web3j, tx(account), GAS);
  }

  public LeaseTestRegistry registry(int account) {
    return LeaseTestRegistry.load(registry, web3j, tx(account), GAS);
  }

  /** Registers an asset owned by {@code owner} and returns its id. */
  public BigInteger registerAsset(int owner, long capacity) throws Exception {
    LeaseTestRegistry r = registry(0);
    TransactionReceipt receipt = r.register(address(owner), BigInteger.valueOf(capacity)).send();
    return r.getTransferEvents(receipt).get(0).tokenId;
  }

  /** Mints stablecoins to an account and approves the lease manager for all of them. */
  public void fund(int account, BigInteger amount) throws Exception {
    token(account).mint(address(account), amount).send();
    token(account).approve(leaseManager, amount).send();
  }

  /** Offers units of an asset from its owner; returns the lease id. */
  public BigInteger offer(int owner, BigInteger asset, long units, long rate, long duration, long acceptWindow,
      long grace, long lag, String lessee) throws Exception {
    LeaseManager.OfferTerms terms = terms(asset, units, rate, duration, now() + acceptWindow, grace, lag, lessee);
    TransactionReceipt r = lm(owner).offer(terms).send();
    return LeaseManager.getLeaseOfferedEvents(r).get(0).leaseId;
  }

  public static LeaseManager.OfferTerms terms(BigInteger asset, long units, long rate, long duration, long acceptBy,
      long grace, long lag, String lessee) {
    return new LeaseManager.OfferTerms(asset, BigInteger.valueOf(units), BigInteger.valueOf(rate),
        BigInteger.valueOf(duration), BigInteger.valueOf(acceptBy), BigInteger.valueOf(grace),
        BigInteger.valueOf(lag), lessee);
  }

  public LeaseManager.Lease lease(BigInteger id) throws Exception {
    return lm(0).leaseOf(id).send();
  }

  public BigInteger balance(String holder) throws Exception {
    return token(0).balanceOf(holder).send();
  }

  /** Timestamp of the latest block. */
  public long now() throws IOException {
    return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getTimestamp().longValueExact();
  }

  /** Moves chain time forward and mines a block. */
  public void warp(long seconds) throws IOException {
    new Request<>("evm_increaseTime", List.of(seconds), http, Response.class).send();
    new Request<>("evm_mine", List.of(), http, Response.class).send();
  }

  /** Makes the next block's timestamp exactly {@code timestamp}. */
  public void nextBlockAt(long timestamp) throws IOException {
    new Request<>("evm_setNextBlockTimestamp", List.of(timestamp), http, Response.class).send();
  }

  /** The 4-byte selector of a Solidity error signature, as hex without 0x. */
  public static String selector(String errorSignature) {
    return Keccak256.hashUtf8(errorSignature).toHex().substring(2, 10);
  }

  /**
   * Simulates the call from {@code from} and asserts that it reverts with the given custom error
   * (signature such as {@code "Unauthorized(address)"}).
   */
  public void assertReverts(RemoteFunctionCall<?> call, String to, int from, String errorSignature)
      throws IOException {
    EthCall result = web3j.ethCall(
        Transaction.createEthCallTransaction(address(from), to, call.encodeFunctionCall()),
        DefaultBlockParameterName.LATEST).send();
    assertThat(result.isReverted()).as("%s reverts (call %s)", errorSignature, call.encodeFunctionCall()).isTrue();
    String data = result.getError() != null && result.getError().getData() != null
        ? result.getError().getData().toString() : String.valueOf(result.getRevertReason());
    assertThat(data).as("revert data of %s", errorSignature).contains(selector(errorSignature));
  }

  @Override
  public void close() {
    web3j.shutdown();
    chain.close();
  }
}
