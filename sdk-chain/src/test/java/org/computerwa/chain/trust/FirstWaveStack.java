package org.computerwa.chain.trust;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.crypto.Keccak256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The first-wave lease stack freshly deployed on the shared anvil chain, wired as it was released
 * before the trust-model change: stablecoin, compliance registry, asset registry, evidence anchor,
 * pledge registry and lease manager, the lease manager holding {@code LEASE_MANAGER_ROLE} in the
 * asset registry and in the pledge registry. Account 0 deploys, administers and issues shares.
 */
final class FirstWaveStack {
  static final BigInteger FEE_BPS = BigInteger.valueOf(1_000);
  static final String NONE = "0x0000000000000000000000000000000000000000";
  static final byte[] LEASE_MANAGER_ROLE = Keccak256.hashUtf8("LEASE_MANAGER_ROLE").toBytes();
  private static final AtomicLong SPECS = new AtomicLong();

  final FirstWaveContract token;
  final FirstWaveContract compliance;
  final FirstWaveContract registry;
  final FirstWaveContract anchor;
  final FirstWaveContract pledges;
  final FirstWaveContract leaseManager;

  FirstWaveStack() {
    Credentials admin = account(0);
    String a = admin.getAddress();
    token = FirstWaveContract.deploy("TestStablecoin", admin);
    compliance = FirstWaveContract.deploy("ComplianceRegistry", admin, a);
    registry = FirstWaveContract.deploy("ComputeAssetRegistry", admin, a);
    anchor = FirstWaveContract.deploy("EvidenceAnchor", admin, registry.address);
    pledges = FirstWaveContract.deploy("PledgeRegistry", admin, registry.address, token.address, a);
    leaseManager = FirstWaveContract.deploy(
        "LeaseManager", admin, registry.address, anchor.address, pledges.address, token.address, a, FEE_BPS);
    registry.send(admin, "grantRole", LEASE_MANAGER_ROLE, leaseManager.address);
    pledges.send(admin, "grantRole", LEASE_MANAGER_ROLE, leaseManager.address);
  }

  static Credentials account(int i) {
    return SharedChain.account(i);
  }

  static String address(int i) {
    return account(i).getAddress();
  }

  /** Registers an asset of {@code capacity} units owned by {@code owner}; returns its id. */
  BigInteger registerAsset(int owner, long capacity) {
    byte[] spec = Keccak256.hashUtf8("first-wave-asset-" + SPECS.incrementAndGet() + "-" + System.nanoTime()).toBytes();
    byte[] kind = new byte[32];
    System.arraycopy("GPU_SERVER".getBytes(StandardCharsets.US_ASCII), 0, kind, 0, 10);
    TransactionReceipt r = registry.send(account(0), "register", address(owner), spec, kind, capacity);
    String assetRegistered = registry.topic("AssetRegistered");
    return r.getLogs().stream()
        .filter(l -> l.getTopics().get(0).equals(assetRegistered))
        .map(l -> Numeric.toBigInt(l.getTopics().get(1)))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Deploys the asset's share token and a distributor paying {@code payoutToken}, attaches both
   * in the registry as the first-wave issuer did, and mints {@code shares} to the verified {@code
   * holder}.
   *
   * @return the share token and the distributor
   */
  List<FirstWaveContract> issueShares(BigInteger asset, String payoutToken, int holder, BigInteger shares) {
    Credentials admin = account(0);
    FirstWaveContract share = FirstWaveContract.deploy("AssetShareToken", admin, "Asset " + asset, "SHR",
        registry.address, asset, compliance.address, admin.getAddress());
    FirstWaveContract distributor = FirstWaveContract.deploy("RevenueDistributor", admin, payoutToken, share.address);
    share.send(admin, "setDistributor", distributor.address);
    registry.send(admin, "attachShares", asset, share.address, distributor.address);
    verify(holder);
    share.send(admin, "mint", address(holder), shares);
    return List.of(share, distributor);
  }

  /** Marks {@code account} a verified holder. */
  void verify(int account) {
    compliance.send(account(0), "setVerified", address(account), true);
  }

  /** Mints stablecoins to an account and approves the lease manager for all of them. */
  void fund(int account, BigInteger amount) {
    token.send(account(account), "mint", address(account), amount);
    token.send(account(account), "approve", leaseManager.address, amount);
  }

  /** First-wave OfferTerms(assetId, units, rate, duration, acceptBy, grace, lag, lessee). */
  static List<Object> terms(BigInteger asset, long units, long rate, long duration, long acceptBy, long grace,
      long lag, String lessee) {
    return List.of(asset, units, rate, duration, acceptBy, grace, lag, lessee);
  }

  /** Offers units of an asset from its owner, acceptable for an hour; returns the lease id. */
  BigInteger offer(int owner, BigInteger asset, long units, long rate, long duration, long grace, long lag,
      String lessee) {
    TransactionReceipt r = leaseManager.send(account(owner), "offer",
        terms(asset, units, rate, duration, SharedChain.now() + 3_600, grace, lag, lessee));
    String offered = leaseManager.topic("LeaseOffered");
    return r.getLogs().stream()
        .filter(l -> l.getTopics().get(0).equals(offered))
        .map(l -> Numeric.toBigInt(l.getTopics().get(1)))
        .findFirst()
        .orElseThrow();
  }

  /** A first-wave lease as {@code leaseOf} returns it. */
  Lease lease(BigInteger id) {
    return new Lease(leaseManager.call("leaseOf", id));
  }

  /** Balance an account can withdraw from the lease manager. */
  BigInteger withdrawable(int account) {
    return leaseManager.uint("withdrawable", address(account));
  }

  /** Stablecoin balance of {@code holder}. */
  BigInteger balance(String holder) {
    return token.uint("balanceOf", holder);
  }

  /** The fields of the first-wave {@code Lease} struct the tests read, by their ABI position. */
  static final class Lease {
    final BigInteger status;
    final BigInteger start;
    final BigInteger end;
    final BigInteger paidUntil;
    final BigInteger creditedUntil;
    final BigInteger escrow;

    Lease(List<BigInteger> words) {
      // assetId, ratePerSecond, duration, units, settlementLag, status, lessee, acceptBy,
      // graceSeconds, start, end, paidUntil, creditedUntil, escrow, lessor, creditDebt
      status = words.get(5);
      start = words.get(9);
      end = words.get(10);
      paidUntil = words.get(11);
      creditedUntil = words.get(12);
      escrow = words.get(13);
    }
  }
}
