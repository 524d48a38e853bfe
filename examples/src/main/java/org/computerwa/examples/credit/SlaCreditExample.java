package org.computerwa.examples.credit;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: a device reports 90 % availability for the first hour of a lease, the site anchors the
 * statement, and the lessee proves it against the anchored root to get the SLA credit.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-sla-credit
 * }</pre>
 *
 * <p>{@link #run} takes what the parties' programs have: the node's RPC URL, the chain id it
 * expects, the deployed contracts, the device, attester and lessee keys, the asset and the running
 * lease whose first hour has passed. The subcommand runs it on a local chain it starts and
 * prepares itself. Needs {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-sla-credit",
    mixinStandardHelpOptions = true,
    description = "Example program: proves an SLA credit from an anchored device statement (local chain).")
public final class SlaCreditExample implements Callable<Integer> {
  /** The availability the device measured in the lease's first hour. */
  static final int MEASURED_AVAILABILITY_BPS = 9_000;

  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public SlaCreditExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SlaCreditExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.SLA_CREDIT, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Signs, anchors and proves the first hour's availability statement.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param deviceKey the device's key
   * @param attesterKey the lease's attester
   * @param lesseeKey the lessee
   * @param asset the leased asset
   * @param leaseId a running lease whose first hour has passed and is not yet paid out
   * @param out where the results go
   * @return the credit refunded to the lessee
   */
  public static TokenAmount run(String rpcUrl, long chainId, Deployment contracts, SigningKey deviceKey,
      SigningKey attesterKey, SigningKey lesseeKey, AssetId asset, LeaseId leaseId, PrintWriter out) {
    try (ComputeRwaClient site = connect(rpcUrl, chainId, contracts, attesterKey);
        ComputeRwaClient lessee = connect(rpcUrl, chainId, contracts, lesseeKey)) {
      // tag::statement[]
      // The device: one AVAILABILITY statement for the lease's first hour, signed with its own key.
      Lease lease = lessee.leases().lease(leaseId);
      Instant hourStart = lease.start().orElseThrow();
      Instant hourEnd = hourStart.plus(Duration.ofHours(1));
      Eip712Domain usage = site.evidence().usageDomain();      // bound to this chain and anchor
      SignedUsageStatement signed = UsageStatement.builder()
          .assetId(asset.value())
          .device(deviceKey.address())
          .periodStart(hourStart)
          .periodEnd(hourEnd)
          .kind(UsageKind.AVAILABILITY)
          .value(BigInteger.valueOf(3_600L * MEASURED_AVAILABILITY_BPS / 10_000))   // seconds up
          .availabilityBps(MEASURED_AVAILABILITY_BPS)
          .build()
          .sign(deviceKey, usage);

      // The site: anchor it, continuing the attester's coverage up to the end of the hour.
      Instant from = site.evidence().anchoredUntil(asset, attesterKey.address()).orElse(hourStart);
      StatementBatch batch = StatementBatch.of(asset.value(), from, hourEnd, List.of(signed), usage);
      site.evidence().anchor(batch, attesterKey);
      out.println("anchored the hour " + hourStart + " .. " + hourEnd + " at " + MEASURED_AVAILABILITY_BPS
          + " bps, root " + batch.root());
      // end::statement[]

      // tag::credit[]
      // The lessee: prove the device-signed statement against the anchored root; the lease
      // manager checks the device's signature and the proof, then refunds
      // (downtime - grace) / the asset's units seconds of rent, and never the same statement twice.
      TokenAmount credit = lessee.evidence().applySlaCredit(leaseId, batch, signed).value();
      out.println("SLA credit " + credit.toDecimalString() + " " + credit.token().symbol()
          + "; the lessee may withdraw " + lessee.leases().withdrawable(lessee.address()).toDecimalString());
      // end::credit[]
      out.flush();
      return credit;
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
