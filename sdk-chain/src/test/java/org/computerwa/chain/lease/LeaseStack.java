package org.computerwa.chain.lease;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.Reverts;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.contracts.ComplianceRegistry;
import org.computerwa.chain.internal.contracts.ComputeAssetRegistry;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.crypto.Keccak256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * The lease stack freshly deployed on the shared anvil chain: stablecoin, the real compliance
 * registry, asset registry, evidence anchor, pledge registry and lease manager (bound once in the
 * registry and the pledge registry). Account 0 deploys, administers and issues shares.
 */
public final class LeaseStack {
  public static final BigInteger FEE_BPS = BigInteger.valueOf(1_000);
  public static final String NONE = "0x0000000000000000000000000000000000000000";
  private static final AtomicLong SPECS = new AtomicLong();

  public final ChainSession session = SharedChain.session();
  public final Web3j web3j = session.web3j();
  public final ContractGasProvider gas = session.gas();
  public final String token;
  public final String registry;
  public final String compliance;
  public final String anchor;
  public final String pledges;
  public final String leaseManager;

  public LeaseStack() throws Exception {
    this(null);
  }

  /**
   * A stack paid in {@code paymentToken} (a fresh TestStablecoin when null): the registry's
   * distributors, the pledge registry's debts and the lease manager all use it.
   */
  public LeaseStack(String paymentToken) throws Exception {
    String admin = address(0);
    token = paymentToken != null ? paymentToken : TestStablecoin.deploy(web3j, tx(0), gas).send().getContractAddress();
    compliance = ComplianceRegistry.deploy(web3j, tx(0), gas, admin).send().getContractAddress();
    registry = ComputeAssetRegistry.deploy(web3j, tx(0), gas, admin, compliance, token).send().getContractAddress();
    anchor = EvidenceAnchor.deploy(web3j, tx(0), gas, registry).send().getContractAddress();
    pledges = PledgeRegistry.deploy(web3j, tx(0), gas, registry, token, admin).send().getContractAddress();
    leaseManager = LeaseManager.deploy(web3j, tx(0), gas, registry, anchor, pledges, token, admin, FEE_BPS)
        .send().getContractAddress();
    registry(0).bindLeaseManager(leaseManager).send();
    pledges(0).bindLeaseManager(leaseManager).send();
  }

  public static byte[] role(String name) {
    return Keccak256.hashUtf8(name).toBytes();
  }

  public static Credentials account(int i) {
    return SharedChain.account(i);
  }

  public TransactionManager tx(int account) {
    return session.as(account(account));
  }

  public String address(int account) {
    return account(account).getAddress();
  }

  public LeaseManager lm(int account) {
    return LeaseManager.load(leaseManager, web3j, tx(account), gas);
  }

  public LeaseManager lm(String at, int account) {
    return LeaseManager.load(at, web3j, tx(account), gas);
  }

  public EvidenceAnchor anchor(int account) {
    return EvidenceAnchor.load(anchor, web3j, tx(account), gas);
  }

  public PledgeRegistry pledges(int account) {
    return PledgeRegistry.load(pledges, web3j, tx(account), gas);
  }

  public TestStablecoin token(int account) {
    return TestStablecoin.load(token, web3j, tx(account), gas);
  }

  public ComputeAssetRegistry registry(int account) {
    return ComputeAssetRegistry.load(registry, web3j, tx(account), gas);
  }

  /**
   * Registers an asset of {@code capacity} units owned by {@code owner}, with its share token and
   * distributor but no shares yet, and returns its id.
   */
  public BigInteger registerAsset(int owner, long capacity) throws Exception {
    byte[] spec = Keccak256.hashUtf8("lease-test-asset-" + SPECS.incrementAndGet() + "-" + System.nanoTime()).toBytes();
    byte[] kind = new byte[32];
    System.arraycopy("GPU_SERVER".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, kind, 0, 10);
    TransactionReceipt r = registry(0)
        .register(address(owner), spec, kind, BigInteger.valueOf(capacity), List.of(), List.of()).send();
    return ComputeAssetRegistry.getAssetRegisteredEvents(r).get(0).assetId;
  }

  /**
   * Issues {@code shares} of the asset to {@code holder} (verifying it first; none if zero) and
   * returns the asset's distributor address.
   */
  public String issueShares(BigInteger asset, int holder, BigInteger shares) throws Exception {
    String share = registry(0).shareTokenOf(asset).send();
    if (shares.signum() > 0) {
      ComplianceRegistry.load(compliance, web3j, tx(0), gas).setVerified(address(holder), true).send();
      AssetShareToken.load(share, web3j, tx(0), gas).issue(List.of(address(holder)), List.of(shares)).send();
    }
    return registry(0).distributorOf(asset).send();
  }

  public AssetShareToken shares(BigInteger asset, int account) throws Exception {
    return AssetShareToken.load(registry(0).shareTokenOf(asset).send(), web3j, tx(account), gas);
  }

  public AssetShareToken distributor(BigInteger asset, int account) throws Exception {
    return AssetShareToken.load(registry(0).distributorOf(asset).send(), web3j, tx(account), gas);
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

  /** Terms with no minimum term and no attester. */
  public static LeaseManager.OfferTerms terms(BigInteger asset, long units, long rate, long duration, long acceptBy,
      long grace, long lag, String lessee) {
    return terms(asset, units, rate, duration, acceptBy, grace, lag, lessee, 0, NONE);
  }

  public static LeaseManager.OfferTerms terms(BigInteger asset, long units, long rate, long duration, long acceptBy,
      long grace, long lag, String lessee, long minTerm, String attester) {
    return new LeaseManager.OfferTerms(asset, BigInteger.valueOf(units), BigInteger.valueOf(rate),
        BigInteger.valueOf(duration), BigInteger.valueOf(acceptBy), BigInteger.valueOf(grace),
        BigInteger.valueOf(lag), lessee, BigInteger.valueOf(minTerm), attester);
  }

  /** Offers with a minimum term and a named attester; returns the lease id. */
  public BigInteger offer(int owner, BigInteger asset, long units, long rate, long duration, long acceptWindow,
      long grace, long lag, String lessee, long minTerm, String attester) throws Exception {
    LeaseManager.OfferTerms terms =
        terms(asset, units, rate, duration, now() + acceptWindow, grace, lag, lessee, minTerm, attester);
    TransactionReceipt r = lm(owner).offer(terms).send();
    return LeaseManager.getLeaseOfferedEvents(r).get(0).leaseId;
  }

  public LeaseManager.Lease lease(BigInteger id) throws Exception {
    return lm(0).leaseOf(id).send();
  }

  public BigInteger balance(String holder) throws Exception {
    return SharedChain.erc20Balance(token, holder);
  }

  /** Timestamp of the latest block. */
  public long now() {
    return SharedChain.now();
  }

  /** Moves chain time forward and mines a block. */
  public void warp(long seconds) {
    SharedChain.advanceTime(seconds);
  }

  /**
   * Asserts that {@code from} calling {@code call} on the contract at {@code to} reverts with the
   * custom error {@code errorSignature}, simulated and mined.
   *
   * @return the full revert data, for checking arguments
   */
  public String assertReverts(RemoteFunctionCall<?> call, String to, int from, String errorSignature) {
    // Reverts reads nothing from the wrapper but its address.
    return Reverts.assertReverts(account(from), LeaseManager.load(to, web3j, tx(from), gas), call, errorSignature);
  }
}
