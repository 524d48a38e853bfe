package org.computerwa.examples.revenue;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Settlement;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: a keeper settles an ended lease through the waterfall, and each share holder claims
 * exactly what the distributor says it is owed.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-claim-revenue
 * }</pre>
 *
 * <p>{@link #run} takes what the parties' programs have: the node's RPC URL, the chain id it
 * expects, the deployed contracts, a keeper's key (anyone may settle), the holders' keys, the
 * asset and its lease, ended and past its settlement lag. The subcommand runs it on a local chain
 * it starts and prepares itself. Needs {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-claim-revenue",
    mixinStandardHelpOptions = true,
    description = "Example program: settles a lease and lets the share holders claim (local chain).")
public final class ClaimRevenueExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public ClaimRevenueExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ClaimRevenueExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.CLAIM_REVENUE, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Settles the lease and lets every holder claim.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param keeperKey anyone's key: settling pays nobody but the parties
   * @param holderKeys the share holders' keys
   * @param asset the asset
   * @param lease its lease, ended and past the settlement lag
   * @param out where the results go
   * @return what each holder claimed
   */
  public static Map<Address, TokenAmount> run(String rpcUrl, long chainId, Deployment contracts,
      SigningKey keeperKey, List<SigningKey> holderKeys, AssetId asset, LeaseId lease, PrintWriter out) {
    try (ComputeRwaClient keeper = connect(rpcUrl, chainId, contracts, keeperKey)) {
      // tag::settle[]
      // Anyone may settle: the rent flows through the waterfall, the holders' part into the
      // asset's distributor, the rest to withdrawable balances.
      Settlement s = keeper.leases().settle(lease).value();
      out.println("settled: gross " + s.gross().toDecimalString() + ", net of SLA credits "
          + s.net().toDecimalString() + "; operator fee " + s.operatorFee().toDecimalString()
          + ", lender " + s.toLender().toDecimalString() + ", holders " + s.toHolders().toDecimalString());
      // end::settle[]

      // tag::claim[]
      Map<Address, TokenAmount> claimed = new LinkedHashMap<>();
      for (SigningKey holderKey : holderKeys) {
        try (ComputeRwaClient holder = connect(rpcUrl, chainId, contracts, holderKey)) {
          TokenAmount due = holder.revenue().claimable(asset, holder.address());   // a free read
          TokenAmount paid = holder.revenue().claim(asset).value();               // pays exactly that
          claimed.put(holder.address(), paid);
          out.println("holder " + holder.address() + " owns " + holder.assets().sharesOf(asset, holder.address())
              + " share units: claimable " + due.toDecimalString() + ", claimed " + paid.toDecimalString());
        }
      }
      // end::claim[]
      out.flush();
      return claimed;
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
