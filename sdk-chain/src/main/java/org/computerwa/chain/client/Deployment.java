package org.computerwa.chain.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Where the ComputeRWA contracts of one deployment live: the addresses a client needs.
 *
 * <pre>{@code
 * Deployment d = Deployment.builder()
 *     .assetRegistry(Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
 *     .complianceRegistry(Address.fromHex("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"))
 *     .evidenceAnchor(Address.fromHex("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"))
 *     .pledgeRegistry(Address.fromHex("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"))
 *     .leaseManager(Address.fromHex("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9"))
 *     .paymentToken(Address.fromHex("0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"))
 *     .build();
 * }</pre>
 *
 * <p>{@link Deployer} deploys a fresh set and returns its deployment. Per-asset contracts (the
 * share token of each asset, which is also its revenue distributor) are found through the asset registry and
 * are not listed here. Rules: every address is present and not the zero address.
 *
 * @param assetRegistry the ERC-721 asset registry (one token per physical asset, spec hash, ERC-4907 user)
 * @param complianceRegistry the registry of verified share holders
 * @param evidenceAnchor the evidence anchor (attester-signed Merkle roots of usage statements)
 * @param pledgeRegistry the pledge registry consulted in the income waterfall
 * @param leaseManager the lease manager (escrow, accrual, settlement, SLA credits)
 * @param paymentToken the ERC-20 (with EIP-2612 permit) leases are paid in
 * @since 0.1.0
 */
public record Deployment(
    Address assetRegistry,
    Address complianceRegistry,
    Address evidenceAnchor,
    Address pledgeRegistry,
    Address leaseManager,
    Address paymentToken) {
  /**
   * Checks a deployment; {@link #builder()} is the documented entry point.
   *
   * @param assetRegistry the asset registry
   * @param complianceRegistry the compliance registry
   * @param evidenceAnchor the evidence anchor
   * @param pledgeRegistry the pledge registry
   * @param leaseManager the lease manager
   * @param paymentToken the payment token
   * @throws ValidationException naming the first address that is missing or zero
   */
  public Deployment {
    required("assetRegistry", assetRegistry);
    required("complianceRegistry", complianceRegistry);
    required("evidenceAnchor", evidenceAnchor);
    required("pledgeRegistry", pledgeRegistry);
    required("leaseManager", leaseManager);
    required("paymentToken", paymentToken);
  }

  private static Address required(String field, @Nullable Address address) {
    if (address == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (address.equals(Address.ZERO)) {
      throw new ValidationException(field, address, "must not be the zero address");
    }
    return address;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }







  /**
   * The addresses by contract name, in a fixed order, for printing or saving.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, Address> asMap() {
    Map<String, Address> map = new LinkedHashMap<>();
    map.put("assetRegistry", assetRegistry);
    map.put("complianceRegistry", complianceRegistry);
    map.put("evidenceAnchor", evidenceAnchor);
    map.put("pledgeRegistry", pledgeRegistry);
    map.put("leaseManager", leaseManager);
    map.put("paymentToken", paymentToken);
    return java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return "Deployment" + asMap();
  }

  /**
   * Builds a {@link Deployment}; {@link #build()} checks that every address is set.
   *
   * <pre>{@code
   * Deployment d = Deployment.builder().assetRegistry(registry)...paymentToken(usdc).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Address assetRegistry;
    private @Nullable Address complianceRegistry;
    private @Nullable Address evidenceAnchor;
    private @Nullable Address pledgeRegistry;
    private @Nullable Address leaseManager;
    private @Nullable Address paymentToken;

    private Builder() {}

    /**
     * Sets the asset registry.
     *
     * @param address its address
     * @return this builder
     */
    public Builder assetRegistry(Address address) {
      this.assetRegistry = address;
      return this;
    }

    /**
     * Sets the compliance registry.
     *
     * @param address its address
     * @return this builder
     */
    public Builder complianceRegistry(Address address) {
      this.complianceRegistry = address;
      return this;
    }

    /**
     * Sets the evidence anchor.
     *
     * @param address its address
     * @return this builder
     */
    public Builder evidenceAnchor(Address address) {
      this.evidenceAnchor = address;
      return this;
    }

    /**
     * Sets the pledge registry.
     *
     * @param address its address
     * @return this builder
     */
    public Builder pledgeRegistry(Address address) {
      this.pledgeRegistry = address;
      return this;
    }

    /**
     * Sets the lease manager.
     *
     * @param address its address
     * @return this builder
     */
    public Builder leaseManager(Address address) {
      this.leaseManager = address;
      return this;
    }

    /**
     * Sets the payment token.
     *
     * @param address its address
     * @return this builder
     */
    public Builder paymentToken(Address address) {
      this.paymentToken = address;
      return this;
    }

    /**
     * Builds the deployment.
     *
     * @return the deployment
     * @throws ValidationException naming the first missing or zero address
     */
    public Deployment build() {
      return new Deployment(assetRegistry, complianceRegistry, evidenceAnchor, pledgeRegistry, leaseManager,
          paymentToken);
    }
  }
}
