package org.computerwa.chain.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.contracts.ComplianceRegistry;
import org.computerwa.chain.internal.contracts.ComputeAssetRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.core.ComputeRwaException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;

/**
 * Deploys the ownership stack of one asset: compliance registry and asset registry, with one asset
 * registered (its share token and revenue distributor created by the registry), paying out in a
 * given ERC-20 (by default a fresh {@code TestStablecoin}). All contracts are administered by
 * {@code admin}, who is also the shares' issuer.
 */
public final class ShareStack {
  /** DEFAULT_ADMIN_ROLE of OpenZeppelin AccessControl. */
  public static final byte[] DEFAULT_ADMIN_ROLE = new byte[32];

  /** ComplianceRegistry.COMPLIANCE_ROLE. */
  public static final byte[] COMPLIANCE_ROLE = role("COMPLIANCE_ROLE");

  /** ComputeAssetRegistry.REGISTRAR_ROLE. */
  public static final byte[] REGISTRAR_ROLE = role("REGISTRAR_ROLE");

  private final ChainSession session;
  private final Credentials admin;
  private final String payoutToken;
  private final ComplianceRegistry compliance;
  private final ComputeAssetRegistry registry;
  private final BigInteger assetId;
  private final AssetShareToken shares;
  private final AssetShareToken distributor;

  private ShareStack(
      ChainSession session,
      Credentials admin,
      String payoutToken,
      ComplianceRegistry compliance,
      ComputeAssetRegistry registry,
      BigInteger assetId,
      AssetShareToken shares,
      AssetShareToken distributor) {
    this.session = session;
    this.admin = admin;
    this.payoutToken = payoutToken;
    this.compliance = compliance;
    this.registry = registry;
    this.assetId = assetId;
    this.shares = shares;
    this.distributor = distributor;
  }

  /** keccak-256 of a role name, as Solidity's {@code keccak256("NAME")}. */
  public static byte[] role(String name) {
    return Hash.sha3(name.getBytes(StandardCharsets.US_ASCII));
  }

  /** A left-aligned ASCII short string as bytes32 (the registry's asset kind). */
  public static byte[] shortString(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    if (ascii.length > 32) {
      throw new IllegalArgumentException("longer than 32 bytes: " + text);
    }
    byte[] out = new byte[32];
    System.arraycopy(ascii, 0, out, 0, ascii.length);
    return out;
  }

  /** Deploys a fresh TestStablecoin as {@code admin}. */
  public static TestStablecoin deployStablecoin(ChainSession session, Credentials admin) {
    return call(TestStablecoin.deploy(session.web3j(), session.as(admin), session.gas()));
  }

  /** Deploys the stack paying out in a fresh TestStablecoin. */
  public static ShareStack deploy(ChainSession session, Credentials admin) {
    return deploy(session, admin, deployStablecoin(session, admin).getContractAddress());
  }

  /**
   * Deploys the stack paying out in {@code payoutToken}: the asset is registered (with its share
   * token and distributor clones) in one transaction, with no shares issued yet.
   */
  public static ShareStack deploy(ChainSession session, Credentials admin, String payoutToken) {
    return deploy(session, admin, payoutToken, BigInteger.ZERO);
  }

  /**
   * As {@link #deploy(ChainSession, Credentials, String)}, with {@code registrationFloat} base
   * units minted into the asset registry before the asset is registered (the payout token must be
   * a {@code TestStablecoin}), so that the share token starts with the one unit the float gives it.
   */
  public static ShareStack deploy(
      ChainSession session, Credentials admin, String payoutToken, BigInteger registrationFloat) {
    TransactionManager tm = session.as(admin);
    String adminAddress = admin.getAddress();
    ComplianceRegistry compliance =
        call(ComplianceRegistry.deploy(session.web3j(), tm, session.gas(), adminAddress));
    ComputeAssetRegistry registry =
        call(
            ComputeAssetRegistry.deploy(
                session.web3j(), tm, session.gas(), adminAddress, compliance.getContractAddress(), payoutToken));
    if (registrationFloat.signum() != 0) {
      call(TestStablecoin.load(payoutToken, session.web3j(), tm, session.gas())
          .mint(registry.getContractAddress(), registrationFloat));
    }
    byte[] spec = Hash.sha3(("asset-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
    TransactionReceipt registered =
        call(
            registry.register(
                adminAddress, spec, shortString("GPU_NODE"), BigInteger.valueOf(8), List.of(), List.of()));
    BigInteger assetId =
        ComputeAssetRegistry.getAssetRegisteredEvents(registered).get(0).assetId;
    AssetShareToken shares =
        AssetShareToken.load(call(registry.shareTokenOf(assetId)), session.web3j(), tm, session.gas());
    AssetShareToken distributor =
        AssetShareToken.load(call(registry.distributorOf(assetId)), session.web3j(), tm, session.gas());
    return new ShareStack(
        session, admin, payoutToken, compliance, registry, assetId, shares, distributor);
  }

  /** Verifies holders in batches of at most 200 (one transaction per batch). */
  public void verify(List<String> holders) {
    for (int from = 0; from < holders.size(); from += 200) {
      List<String> batch = holders.subList(from, Math.min(holders.size(), from + 200));
      call(compliance.setVerifiedBatch(batch, true));
    }
  }

  /** The chain session. */
  public ChainSession session() {
    return session;
  }

  /** The administrator of every contract of the stack. */
  public Credentials admin() {
    return admin;
  }

  /** Address of the payout ERC-20. */
  public String payoutToken() {
    return payoutToken;
  }

  /** The compliance registry, bound to the admin. */
  public ComplianceRegistry compliance() {
    return compliance;
  }

  /** The asset registry, bound to the admin. */
  public ComputeAssetRegistry registry() {
    return registry;
  }

  /** The registered asset. */
  public BigInteger assetId() {
    return assetId;
  }

  /** The share token, bound to the admin. */
  public AssetShareToken shares() {
    return shares;
  }

  /** The distributor, bound to the admin. */
  public AssetShareToken distributor() {
    return distributor;
  }

  /** The share token bound to another signer. */
  public AssetShareToken sharesAs(Credentials signer) {
    return AssetShareToken.load(
        shares.getContractAddress(), session.web3j(), session.as(signer), session.gas());
  }

  /** The distributor bound to another signer. */
  public AssetShareToken distributorAs(Credentials signer) {
    return AssetShareToken.load(
        distributor.getContractAddress(), session.web3j(), session.as(signer), session.gas());
  }

  /** Runs a remote call, turning checked failures into {@link ComputeRwaException}. */
  public static <T> T call(RemoteCall<T> call) {
    try {
      return call.send();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ComputeRwaException("chain call failed: " + e.getMessage(), e);
    }
  }
}
