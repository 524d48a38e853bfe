package org.computerwa.chain.client;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.ComplianceRegistry;
import org.computerwa.chain.internal.contracts.ComputeAssetRegistry;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.SigningKey;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Deploys a complete set of ComputeRWA contracts and wires their roles.
 *
 * <pre>{@code
 * Outcome<Deployment> deployed = Deployer.builder()
 *     .rpcUrl(chain.rpcUrl())
 *     .signer(SigningKey.fromHex(chain.accounts().get(0).privateKeyHex()))
 *     .operatorFeeBps(1_000)            // 10 % of lease income to the asset owner
 *     .journal(Journal.inMemory())      // a dev chain; a service uses Journal.sqlite(path)
 *     .confirmations(1)
 *     .build()
 *     .deploy();                        // no paymentToken(...): deploys a TestStablecoin
 * Deployment deployment = deployed.value();
 * }</pre>
 *
 * <p>Deploys the compliance registry, asset registry (with the share token implementation
 * every asset clones), evidence anchor, pledge registry and lease manager (and,
 * unless a payment token is given, a {@code TestStablecoin} for local use), then binds the lease
 * manager in the asset and pledge registries, once and for good: no later role change can freeze
 * leases or redirect income. With {@link Builder#registrationFloat(long)} it last funds the asset
 * registry's float, which gives every new share token its first payout-token unit. The signer administers
 * every contract: it holds the registrar, compliance and fee-setting roles. If a step fails, the
 * contracts deployed before it stay on the chain and the {@link ChainException} names the step.
 *
 * @since 0.1.0
 */
public final class Deployer {
  private final String rpcUrl;
  private final SigningKey signer;
  private final int operatorFeeBps;
  private final @Nullable Address paymentToken;
  private final Journal journal;
  private final int confirmations;
  private final @Nullable String name;
  private final long registrationFloat;

  private Deployer(Builder b) {
    this.rpcUrl = ComputeRwaClient.require("rpcUrl", b.rpcUrl);
    this.signer = ComputeRwaClient.require("signer", b.signer);
    this.operatorFeeBps = b.operatorFeeBps;
    this.paymentToken = b.paymentToken;
    if (b.journal == null) {
      throw new ValidationException("journal", null, ComputeRwaClient.JOURNAL_RULE);
    }
    this.journal = b.journal;
    this.confirmations = b.confirmations;
    this.name = b.name;
    this.registrationFloat = b.registrationFloat;
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
   * Deploys the contracts, one transaction each, plus the two bindings of the lease manager and,
   * when asked for, the funding of the registration float.
   *
   * @return the deployment, with every receipt
   * @throws ChainException when a deployment fails or the node cannot be reached
   */
  public Outcome<Deployment> deploy() {
    try (Rpc rpc = ComputeRwaClient.connect(rpcUrl, signer, journal, confirmations, Duration.ofMinutes(2), Duration.ofMillis(100))) {
      if (name != null) {
        rpc.stepsOf("deployment " + name);
      }
      List<Receipt> receipts = new ArrayList<>();
      org.web3j.abi.datatypes.Address admin = new org.web3j.abi.datatypes.Address(rpc.from());
      String token =
          paymentToken != null
              ? paymentToken.toHex()
              : deploy(rpc, receipts, "deploy TestStablecoin", TestStablecoin.BINARY, List.of());
      org.web3j.abi.datatypes.Address tokenArg = new org.web3j.abi.datatypes.Address(token);
      String compliance =
          deploy(rpc, receipts, "deploy ComplianceRegistry", ComplianceRegistry.BINARY, List.of(admin));
      String registry =
          deploy(
              rpc,
              receipts,
              "deploy ComputeAssetRegistry",
              ComputeAssetRegistry.BINARY,
              List.of(admin, new org.web3j.abi.datatypes.Address(compliance), tokenArg));
      org.web3j.abi.datatypes.Address registryArg = new org.web3j.abi.datatypes.Address(registry);
      String anchor = deploy(rpc, receipts, "deploy EvidenceAnchor", EvidenceAnchor.BINARY, List.of(registryArg));
      String pledges =
          deploy(rpc, receipts, "deploy PledgeRegistry", PledgeRegistry.BINARY, List.of(registryArg, tokenArg, admin));
      String manager =
          deploy(
              rpc,
              receipts,
              "deploy LeaseManager",
              LeaseManager.BINARY,
              List.of(
                  registryArg,
                  new org.web3j.abi.datatypes.Address(anchor),
                  new org.web3j.abi.datatypes.Address(pledges),
                  tokenArg,
                  admin,
                  new Uint16(BigInteger.valueOf(operatorFeeBps))));
      ComputeAssetRegistry r = ComputeAssetRegistry.load(registry, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
      receipts.add(
          rpc.send("bind the lease manager in the asset registry", registry, r.bindLeaseManager(manager).encodeFunctionCall())
              .receipt());
      PledgeRegistry p = PledgeRegistry.load(pledges, rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
      receipts.add(
          rpc.send("bind the lease manager in the pledge registry", pledges, p.bindLeaseManager(manager).encodeFunctionCall())
              .receipt());
      if (registrationFloat != 0) {
        receipts.add(fundFloat(rpc, token, registry, paymentToken == null));
      }
      Deployment deployment =
          Deployment.builder()
              .assetRegistry(Address.fromHex(registry))
              .complianceRegistry(Address.fromHex(compliance))
              .evidenceAnchor(Address.fromHex(anchor))
              .pledgeRegistry(Address.fromHex(pledges))
              .leaseManager(Address.fromHex(manager))
              .paymentToken(Address.fromHex(token))
              .build();
      return Outcome.of(deployment, receipts);
    }
  }

  /** Mints the float into the registry (test stablecoin) or sends it from the signer (a real token). */
  private Receipt fundFloat(Rpc rpc, String token, String registry, boolean testToken) {
    List<Type> args =
        List.of(new org.web3j.abi.datatypes.Address(registry), new Uint256(BigInteger.valueOf(registrationFloat)));
    String data = FunctionEncoder.encode(new Function(testToken ? "mint" : "transfer", args, List.of()));
    return rpc.send("fund the registration float of the asset registry", token, data).receipt();
  }

  private static String deploy(Rpc rpc, List<Receipt> receipts, String action, String binary, List<Type> args) {
    Rpc.Sent sent = rpc.deploy(action, binary, args);
    receipts.add(sent.receipt());
    return Objects.requireNonNull(sent.raw().getContractAddress(), "contract address of " + action);
  }

  /**
   * Configures a {@link Deployer}.
   *
   * <pre>{@code
   * Deployer deployer = Deployer.builder()
   *     .rpcUrl("http://127.0.0.1:8545")
   *     .signer(adminKey)
   *     .paymentToken(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"))
   *     .operatorFeeBps(1_500)
   *     .journal(journal)                 // e.g. Journal.sqlite(Path.of("deploy.db"))
   *     .confirmations(12)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String rpcUrl;
    private @Nullable SigningKey signer;
    private int operatorFeeBps;
    private @Nullable Address paymentToken;
    private @Nullable Journal journal;
    private int confirmations;
    private @Nullable String name;
    private long registrationFloat;

    private Builder() {}

    /**
     * Payment-token base units to leave in the asset registry as its registration float: each
     * registration moves one of them into the new asset's share token, so that the asset's first
     * revenue deposit does not pay for a new balance slot inside the token (the gas report shows
     * the difference). Without a float (the default) registration works the same and
     * the first deposit pays for that slot. With the deployed {@code TestStablecoin} the units are
     * minted; with a {@link #paymentToken(Address) payment token} the signer sends them and must
     * hold them. The units stay in the registry except one per registration; nobody can withdraw
     * them.
     *
     * @param baseUnits 0 (none) to 10^12
     * @return this builder
     * @throws ValidationException when out of range
     */
    public Builder registrationFloat(long baseUnits) {
      if (baseUnits < 0 || baseUnits > 1_000_000_000_000L) {
        throw new ValidationException("registrationFloat", baseUnits, "must be between 0 and 10^12 base units");
      }
      this.registrationFloat = baseUnits;
      return this;
    }

    /**
     * Names this deployment in the journal, making it one resumable operation: running {@link
     * #build()}{@code .deploy()} again with the same journal and name (after a crash, say) returns
     * the contracts already deployed and sends only the missing steps. Needs {@link
     * #journal(Journal)}.
     *
     * @param name 1 to 100 printable ASCII characters, unique per signer and journal
     * @return this builder
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > 100 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new ValidationException("name", name, "must be 1 to 100 printable ASCII characters");
      }
      this.name = name;
      return this;
    }

    /**
     * The journal the deployment transactions are recorded in; required, with {@link
     * #confirmations(int)} ({@code Journal.inMemory()} for a dev chain only).
     *
     * @param journal an open journal; the deployer does not close it
     * @return this builder
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * How deep each deployment transaction must be buried (required).
     *
     * @param depth 1 to 1000
     * @return this builder
     */
    public Builder confirmations(int depth) {
      if (depth < 1 || depth > 1000) {
        throw new ValidationException("confirmations", depth, "must be between 1 and 1000");
      }
      this.confirmations = depth;
      return this;
    }

    /**
     * The node's HTTP(S) JSON-RPC endpoint.
     *
     * @param url such as {@code http://127.0.0.1:8545}
     * @return this builder
     * @throws ValidationException when not an http or https URL
     */
    public Builder rpcUrl(String url) {
      this.rpcUrl = ComputeRwaClient.checkUrl(url);
      return this;
    }

    /**
     * The key that deploys and administers the contracts.
     *
     * @param key the signing key
     * @return this builder
     */
    public Builder signer(SigningKey key) {
      this.signer = Objects.requireNonNull(key, "signer");
      return this;
    }

    /**
     * The operator fee in basis points of lease income; default 0.
     *
     * @param bps 0 to 10 000
     * @return this builder
     * @throws ValidationException when out of range
     */
    public Builder operatorFeeBps(int bps) {
      if (bps < 0 || bps > 10_000) {
        throw new ValidationException("operatorFeeBps", bps, "must be between 0 and 10000");
      }
      this.operatorFeeBps = bps;
      return this;
    }

    /**
     * An existing ERC-20 with EIP-2612 permit to pay leases in; without it a {@code
     * TestStablecoin} is deployed.
     *
     * @param token the token's address, not zero
     * @return this builder
     * @throws ValidationException for the zero address
     */
    public Builder paymentToken(Address token) {
      this.paymentToken = Assets.nonZero("paymentToken", token);
      return this;
    }

    /**
     * Builds the deployer.
     *
     * @return the deployer
     * @throws ValidationException naming a missing setting
     */
    public Deployer build() {
      return new Deployer(this);
    }
  }
}
