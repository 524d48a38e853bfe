package org.computerwa.examples.assets;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: describe a GPU node, register it on-chain with its share token, issue 700 : 300 shares
 * to two verified holders, and see a transfer to an unverified address refused.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-register-asset
 * }</pre>
 *
 * <p>{@link #run} takes what a program of your own has: the node's RPC URL, the chain id it
 * expects, the deployed contracts and the keys. The subcommand runs it on a local chain it starts
 * and deploys itself. Needs {@code org.computerwa:sdk-chain}; picocli only makes it a subcommand.
 */
@Command(
    name = "example-register-asset",
    mixinStandardHelpOptions = true,
    description = "Example program: registers a GPU node and issues shares to verified holders (local chain).")
public final class RegisterAssetExample implements Callable<Integer> {
  /** Shares have 18 decimals: 700 and 300 whole shares. */
  static final BigInteger ALICE_SHARES = BigInteger.valueOf(700).multiply(BigInteger.TEN.pow(18));

  /** Bob's 300 whole shares. */
  static final BigInteger BOB_SHARES = BigInteger.valueOf(300).multiply(BigInteger.TEN.pow(18));

  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public RegisterAssetExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RegisterAssetExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.REGISTER_ASSET, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Registers the node and issues its shares.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param platformKey the registrar and compliance officer
   * @param operator the node's owner
   * @param aliceKey the first holder (her key shows the refused transfer)
   * @param bob the second holder
   * @param stranger an address nobody verified
   * @param out where the results go
   * @return the asset's on-chain id
   */
  public static AssetId run(String rpcUrl, long chainId, Deployment contracts, SigningKey platformKey,
      Address operator, SigningKey aliceKey, Address bob, Address stranger, PrintWriter out) {
    // tag::describe[]
    ComputeAsset node = ComputeAsset.builder()
        .id("gpu-node-001")                         // your own id; the chain keys on the spec hash
        .kind(AssetKind.GPU_NODE)                   // GPU_NODE | ASIC_FLEET | EDGE_NODE
        .owner(operator)
        .site(Site.builder()
            .id("tx-abilene-1")
            .gridRegion("ERCOT")
            .powerCapacityMw(new BigDecimal("12.5"))
            .timeZone(ZoneId.of("America/Chicago"))
            .build())
        .gpu(GpuSpec.builder()
            .model("H100 SXM").count(8).memoryGib(80)
            .boardPowerWatts(700).denseBf16Tflops(new BigDecimal("989.4"))
            .build())
        .capacityUnits(8)                           // leases rent these units
        .status(AssetStatus.ACTIVE)
        .build();                                   // ValidationException names a bad field
    out.println("spec hash " + node.specHash() + " of " + node.canonicalSpecJson());
    // end::describe[]

    try (ComputeRwaClient platform = connect(rpcUrl, chainId, contracts, platformKey);
        ComputeRwaClient alice = connect(rpcUrl, chainId, contracts, aliceKey)) {
      // tag::register[]
      // Only verified holders may hold shares: the share token checks every transfer.
      platform.assets().verifyHolders(List.of(alice.address(), bob));

      // One transaction: the asset token, its share token and distributor, and the whole supply.
      Map<Address, BigInteger> shares = new LinkedHashMap<>();
      shares.put(alice.address(), ALICE_SHARES);
      shares.put(bob, BOB_SHARES);
      AssetId asset = platform.assets().register(node, shares).value();

      out.println("asset " + asset + " owned by " + platform.assets().ownerOf(asset)
          + ", spec hash on-chain " + platform.assets().specHash(asset));
      out.println("shares: alice " + platform.assets().sharesOf(asset, alice.address())
          + ", bob " + platform.assets().sharesOf(asset, bob)
          + ", supply " + platform.assets().totalShares(asset));
      // end::register[]

      // tag::refused[]
      try {
        alice.assets().transferShares(asset, stranger, BigInteger.TEN.pow(18));
        out.println("transfer to an unverified address: accepted");
      } catch (ChainException e) {                 // simulated first: nothing was sent
        out.println("transfer to an unverified address: refused with "
            + e.errorName().orElse(e.kind().name()) + " " + e.errorArguments());
      }
      // end::refused[]
      out.flush();
      return asset;
    }
  }

  /**
   * Connects with one key and checks that the node serves the chain you expect.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect
   * @param contracts the deployed contracts
   * @param key the signer
   * @return the client; close it
   */
  static ComputeRwaClient connect(String rpcUrl, long chainId, Deployment contracts, SigningKey key) {
    ComputeRwaClient client = ComputeRwaClient.builder()
        .rpcUrl(rpcUrl)
        .signer(key)
        .contracts(contracts)
        .journal(Journal.inMemory())     // a dev chain; a service journals to Journal.sqlite(path)
        .confirmations(1)                // a dev chain; 12 or more on a public chain
        .pollInterval(Duration.ofMillis(10))
        .build();
    if (client.chainId() != chainId) {
      long served = client.chainId();
      client.close();
      throw new ValidationException("chainId", chainId, "must be the chain the node serves, " + served);
    }
    return client;
  }
}
