package org.computerwa.chain.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.contracts.ComplianceRegistry;
import org.computerwa.chain.internal.contracts.ComputeAssetRegistry;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.crypto.Bytes32;

/**
 * Registering compute assets on-chain and issuing their shares to verified holders.
 *
 * <pre>{@code
 * Assets assets = platform.assets();
 * assets.verifyHolders(List.of(alice, bob));
 * // one transaction: asset token, share token (its own revenue distributor) and the initial shares
 * AssetId id = assets.register(computeAsset, Map.of(alice, aliceShares, bob, bobShares)).value();
 * assets.specHash(id).equals(computeAsset.specHash());      // true
 * }</pre>
 *
 * <p>The signer needs the registry's REGISTRAR_ROLE to register, the compliance registry's
 * COMPLIANCE_ROLE to verify holders, and is the share issuer of the assets it registers (the
 * deployer of a {@link Deployer} deployment holds all three). Shares are ERC-20 base units with 18
 * decimals; only verified holders can hold them.
 *
 * @since 0.1.0
 */
public final class Assets {
  /** Most holders verified in one transaction. */
  public static final int MAX_HOLDERS_PER_TRANSACTION = 200;

  private final ComputeRwaClient client;
  private final Rpc rpc;

  Assets(ComputeRwaClient client) {
    this.client = client;
    this.rpc = client.rpc();
  }

  /**
   * Registers an asset with no shares issued yet; the same as {@code register(asset, Map.of())}.
   *
   * @param asset the asset; its spec hash must not be registered yet
   * @return the new asset id, with the receipt of the one transaction
   * @throws ChainException REVERTED with {@code DuplicateSpecHash} when the spec is registered
   *     already, {@code AccessControlUnauthorizedAccount} without REGISTRAR_ROLE
   */
  public Outcome<AssetId> register(ComputeAsset asset) {
    return register(asset, Map.of());
  }

  /**
   * Registers an asset in one transaction that either fully happens or not at all: mints its
   * registry token to {@code asset.owner()} with its spec hash, kind and capacity, creates its
   * share token, which is also its revenue distributor (a minimal proxy clone paying out in the
   * deployment's payment token), and issues the initial shares to verified holders in the map's iteration
   * order (pass a {@code LinkedHashMap} for a fixed order).
   *
   * @param asset the asset; its spec hash must not be registered yet
   * @param initialShares share base units (18 decimals) by holder, each positive; may be empty
   * @return the new asset id, with the receipt of the one transaction
   * @throws ValidationException (field {@code initialShares}) for a zero address or an amount
   *     that is not positive
   * @throws ChainException REVERTED with {@code DuplicateSpecHash} when the spec is registered
   *     already, {@code AccessControlUnauthorizedAccount} without REGISTRAR_ROLE, {@code
   *     NotVerified} when a holder is not verified
   */
  public Outcome<AssetId> register(ComputeAsset asset, Map<Address, BigInteger> initialShares) {
    List<String> holders = new ArrayList<>();
    List<BigInteger> amounts = new ArrayList<>();
    initialShares.forEach(
        (holder, amount) -> {
          holders.add(nonZero("initialShares", holder).toHex());
          if (amount == null || amount.signum() <= 0) {
            throw new ValidationException("initialShares." + holder, amount, "must be positive");
          }
          amounts.add(amount);
        });
    Rpc.Sent registered =
        rpc.send(
            "register asset " + asset.id(),
            registryAddress(),
            registry()
                .register(
                    asset.owner().toHex(),
                    asset.specHash().toBytes(),
                    shortString(asset.kind().name()),
                    BigInteger.valueOf(asset.capacityUnits()),
                    holders,
                    amounts)
                .encodeFunctionCall());
    AssetId id =
        AssetId.of(ComputeAssetRegistry.getAssetRegisteredEvents(registered.raw()).get(0).assetId);
    return Outcome.of(id, List.of(registered.receipt()));
  }

  /**
   * The spec hash the registry holds for an asset.
   *
   * @param id the asset
   * @return keccak-256 of the canonical spec JSON, as registered
   * @throws ChainException REVERTED with {@code ERC721NonexistentToken} for an unknown asset
   */
  public Bytes32 specHash(AssetId id) {
    return Bytes32.of(
        rpc.view("read spec hash of asset " + id, registryAddress(), registry().specHashOf(id.value())));
  }

  /**
   * The current owner (operator) of an asset's registry token.
   *
   * @param id the asset
   * @return the owner
   */
  public Address ownerOf(AssetId id) {
    return Address.fromHex(rpc.view("read owner of asset " + id, registryAddress(), registry().ownerOf(id.value())));
  }

  /**
   * Marks holders verified in the compliance registry, in one transaction.
   *
   * @param holders 1 to {@value #MAX_HOLDERS_PER_TRANSACTION} non-zero addresses
   * @return the receipt
   * @throws ValidationException (field {@code holders}) for an empty, too long or zero entry
   */
  public Receipt verifyHolders(List<Address> holders) {
    if (holders.isEmpty() || holders.size() > MAX_HOLDERS_PER_TRANSACTION) {
      throw new ValidationException(
          "holders", holders.size() + " holders", "must name 1 to " + MAX_HOLDERS_PER_TRANSACTION + " holders");
    }
    List<String> hex = new ArrayList<>();
    for (int i = 0; i < holders.size(); i++) {
      hex.add(nonZero("holders[" + i + "]", holders.get(i)).toHex());
    }
    String compliance = client.deployment().complianceRegistry().toHex();
    ComplianceRegistry registry =
        ComplianceRegistry.load(compliance, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
    return rpc.send(
            "verify " + holders.size() + " holder(s)",
            compliance,
            registry.setVerifiedBatch(hex, true).encodeFunctionCall())
        .receipt();
  }

  /**
   * Issues the whole share supply of an asset registered without holders, in one transaction that
   * either fully happens or not at all. The supply is fixed once issued: no later issue can dilute
   * the holders' part of future income, so this succeeds only while the asset has no shares.
   *
   * @param id the asset (registered through this SDK, so that it has a share token)
   * @param sharesByHolder share base units (18 decimals) by holder, each positive
   * @return the asset's total share supply afterwards, with the receipt
   * @throws ValidationException (field {@code sharesByHolder}) for an empty map, more than {@value
   *     #MAX_HOLDERS_PER_TRANSACTION} holders, a zero address or an amount that is not positive
   * @throws ChainException REVERTED with {@code NotVerified} when a holder is not verified, {@code
   *     SupplyFixed} when the asset has shares already
   */
  public Outcome<BigInteger> issueShares(AssetId id, Map<Address, BigInteger> sharesByHolder) {
    if (sharesByHolder.isEmpty()) {
      throw new ValidationException("sharesByHolder", "{}", "must name at least one holder");
    }
    if (sharesByHolder.size() > MAX_HOLDERS_PER_TRANSACTION) {
      throw new ValidationException(
          "sharesByHolder", sharesByHolder.size() + " holders",
          "must name at most " + MAX_HOLDERS_PER_TRANSACTION + " holders (one transaction)");
    }
    sharesByHolder.forEach(
        (holder, amount) -> {
          nonZero("sharesByHolder", holder);
          if (amount == null || amount.signum() <= 0) {
            throw new ValidationException("sharesByHolder." + holder, amount, "must be positive");
          }
        });
    String share = shareTokenAddress(id);
    AssetShareToken token = shareToken(share);
    List<String> holders = new ArrayList<>();
    List<BigInteger> amounts = new ArrayList<>();
    sharesByHolder.forEach(
        (holder, amount) -> {
          holders.add(holder.toHex());
          amounts.add(amount);
        });
    Receipt receipt =
        rpc.send(
                "issue the shares of asset " + id + " to " + holders.size() + " holder(s)",
                share,
                token.issue(holders, amounts).encodeFunctionCall())
            .receipt();
    return Outcome.of(totalShares(id), List.of(receipt));
  }

  /**
   * Transfers shares of an asset from this client's signer to another verified holder; what the
   * sender's shares earned up to this second stays the sender's.
   *
   * @param id the asset
   * @param to the receiver, verified
   * @param shares share base units, positive
   * @return the receipt
   * @throws ValidationException (field {@code shares}) if not positive
   * @throws ChainException REVERTED with {@code NotVerified} for an unverified side, {@code
   *     ERC20InsufficientBalance} beyond the signer's shares
   */
  public Receipt transferShares(AssetId id, Address to, BigInteger shares) {
    nonZero("to", to);
    if (shares == null || shares.signum() <= 0) {
      throw new ValidationException("shares", shares, "must be positive");
    }
    String share = shareTokenAddress(id);
    return rpc.send(
            "transfer " + shares + " shares of asset " + id + " to " + to,
            share,
            shareToken(share).transfer(to.toHex(), shares).encodeFunctionCall())
        .receipt();
  }

  /**
   * Shares of an asset held by an account.
   *
   * @param id the asset
   * @param holder the account
   * @return share base units (18 decimals)
   */
  public BigInteger sharesOf(AssetId id, Address holder) {
    String share = shareTokenAddress(id);
    return rpc.view("read shares of " + holder, share, shareToken(share).balanceOf(holder.toHex()));
  }

  /**
   * All shares of an asset.
   *
   * @param id the asset
   * @return the total supply in share base units
   */
  public BigInteger totalShares(AssetId id) {
    String share = shareTokenAddress(id);
    return rpc.view("read share supply of asset " + id, share, shareToken(share).totalSupply());
  }

  /**
   * The revenue distributor of an asset (the holders' income is paid into it and claimed from it).
   * Since the share token distributes its own revenue, this is the same address as the asset's
   * share token; the accessor stays so that callers need not know the layout.
   *
   * @param id the asset
   * @return the distributor's address
   * @throws ValidationException (field {@code assetId}) for an asset without one
   */
  public Address distributorOf(AssetId id) {
    return Address.fromHex(distributorAddress(id));
  }

  String shareTokenAddress(AssetId id) {
    return attached(
        "share token", id, rpc.view("read share token of asset " + id, registryAddress(), registry().shareTokenOf(id.value())));
  }

  String distributorAddress(AssetId id) {
    return attached(
        "revenue distributor",
        id,
        rpc.view("read distributor of asset " + id, registryAddress(), registry().distributorOf(id.value())));
  }

  private static String attached(String what, AssetId id, String address) {
    if (Address.fromHex(address).equals(Address.ZERO)) {
      throw new ValidationException("assetId", id, "must have a " + what + " attached (register it with Assets.register)");
    }
    return address;
  }

  private String registryAddress() {
    return client.deployment().assetRegistry().toHex();
  }

  private ComputeAssetRegistry registry() {
    return ComputeAssetRegistry.load(registryAddress(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }

  private AssetShareToken shareToken(String address) {
    return AssetShareToken.load(address, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
  }

  static Address nonZero(String field, Address address) {
    if (address == null || address.equals(Address.ZERO)) {
      throw new ValidationException(field, address, "must be a non-zero address");
    }
    return address;
  }

  private static byte[] shortString(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[32];
    System.arraycopy(ascii, 0, out, 0, ascii.length);
    return out;
  }
}
