package org.computerwa.examples.lease;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Runway;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: the asset owner offers four GPUs of a registered node for ten hours under an SLA, and
 * the lessee accepts with an EIP-2612 permit (no approval transaction), escrowing the whole rent.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-lease
 * }</pre>
 *
 * <p>{@link #run} takes what a program of your own has: the node's RPC URL, the chain id it
 * expects, the deployed contracts, the keys and the registered asset; the lessee must hold the
 * rent in the payment token. The subcommand runs it on a local chain it starts, deploys and
 * prepares itself (a registered node, a funded lessee). Needs {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-lease",
    mixinStandardHelpOptions = true,
    description = "Example program: offers a lease and accepts it with a permit (local chain).")
public final class LeaseExample implements Callable<Integer> {
  /** 0.001 of a 6-decimal stablecoin per second: 3.6 per hour. */
  static final long RATE_PER_SECOND = 1_000;

  /** How long the lease runs. */
  static final Duration TERM = Duration.ofHours(10);

  /** How long income waits before it is paid out: the window for evidence and SLA credits. */
  static final Duration SETTLEMENT_LAG = Duration.ofHours(6);

  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public LeaseExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LeaseExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.LEASE, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Offers four GPUs of the asset and accepts the offer with a permit.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param operatorKey the asset's owner
   * @param lesseeKey the lessee, holding the rent in the payment token
   * @param asset the registered asset
   * @param attester the key whose anchored roots will prove the lease's evidence
   * @param out where the results go
   * @return the running lease
   */
  public static LeaseId run(String rpcUrl, long chainId, Deployment contracts, SigningKey operatorKey,
      SigningKey lesseeKey, AssetId asset, Address attester, PrintWriter out) {
    try (ComputeRwaClient operator = connect(rpcUrl, chainId, contracts, operatorKey);
        ComputeRwaClient lessee = connect(rpcUrl, chainId, contracts, lesseeKey)) {
      // tag::offer[]
      Token usd = operator.payments().token();
      Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
      LeaseTerms terms = LeaseTerms.builder()
          .assetId("gpu-node-001")
          .lessor(operator.address())
          .lessee(lessee.address())                 // only this address may accept
          .capacityUnits(4)                         // of the node's 8
          .start(acceptBy)                          // the offer stands until then
          .end(acceptBy.plus(TERM))                 // the lease runs TERM from acceptance
          .rate(Rate.of(BigInteger.valueOf(RATE_PER_SECOND), usd))
          .token(usd)
          .sla(SlaTerms.builder()                   // what the lease manager enforces on-chain:
              .minAvailabilityBps(10_000)           // every second of downtime beyond grace
              .gracePeriod(Duration.ofSeconds(60))  // is refunded, without a cap
              .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build())
              .build())
          .build();                                 // ValidationException names a bad field

      // The owner names the attester whose anchored roots will prove this lease's evidence.
      operator.evidence().authorizeAttester(asset, attester);
      LeaseId id = operator.leases()
          .offer(asset, terms, SETTLEMENT_LAG, TERM, attester)   // lag, lessee's minimum term, attester
          .value();
      out.println("offered lease " + id + ": " + terms.capacityUnits() + " units for " + terms.term()
          + ", total rent " + terms.totalRent().toDecimalString() + " " + usd.symbol());
      // end::offer[]

      // tag::accept[]
      // The lessee signs an EIP-2612 permit for the rent; one transaction escrows it and starts the lease.
      Lease lease = lessee.leases().acceptWithPermit(id).value();
      Instant start = lease.start().orElseThrow();
      out.println("accepted: " + lease.status() + " from " + start + " to " + lease.end().orElseThrow()
          + ", escrow " + lease.escrow().toDecimalString() + " " + usd.symbol());

      // sdk-core's ledger answers the same money questions off-chain, exactly.
      LeaseLedger ledger = LeaseLedger.open(lease.asAccepted(terms)).deposit(terms.totalRent());
      Instant now = lessee.chainTime();
      Runway runway = lessee.leases().runway(id);
      out.println("runway " + runway.remaining() + " on-chain, " + ledger.runwayAt(now) + " in the ledger");
      // end::accept[]
      out.flush();
      return id;
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
