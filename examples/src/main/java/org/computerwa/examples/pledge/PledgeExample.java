package org.computerwa.examples.pledge;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Pledge;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: the owner of a leased GPU node pledges its lease income to a lender; the pledge holds
 * only once the lender accepts exactly the proposed terms, and the lease runs on untouched.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-pledge
 * }</pre>
 *
 * <p>{@link #run} takes what the parties' programs have: the node's RPC URL, the chain id it
 * expects, the deployed contracts, the owner's and the lender's keys, the asset and its running
 * lease. The subcommand runs it on a local chain it starts and prepares itself. Needs
 * {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-pledge",
    mixinStandardHelpOptions = true,
    description = "Example program: pledges a leased asset's income with the lender's consent (local chain).")
public final class PledgeExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public PledgeExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new PledgeExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.PLEDGE, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Proposes a pledge, lets the lender refuse other terms and accept the proposed ones.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param operatorKey the asset's owner
   * @param lenderKey the lender
   * @param asset the asset
   * @param lease the asset's running lease
   * @param out where the results go
   * @return the accepted pledge
   */
  public static Pledge run(String rpcUrl, long chainId, Deployment contracts, SigningKey operatorKey,
      SigningKey lenderKey, AssetId asset, LeaseId lease, PrintWriter out) {
    try (ComputeRwaClient operator = connect(rpcUrl, chainId, contracts, operatorKey);
        ComputeRwaClient lender = connect(rpcUrl, chainId, contracts, lenderKey)) {
      // tag::propose[]
      // The owner proposes: the owner's side of the lease income (the operator fee) secures the debt.
      TokenAmount debt = TokenAmount.parse("2.5", operator.payments().token());
      Instant dueBy = operator.chainTime().plus(Duration.ofDays(30));
      operator.pledges().propose(asset, lender.address(), debt, dueBy);
      // end::propose[]

      // tag::consent[]
      // The lender reads the proposal and accepts by naming its terms: nothing holds without that.
      Pledge proposed = lender.pledges().pledgeOf(asset).orElseThrow();
      out.println("proposed: " + proposed.debt().toDecimalString() + " due by " + proposed.dueBy()
          + " to " + proposed.lender() + ", accepted " + proposed.accepted());
      try {
        lender.pledges().accept(asset, debt.plus(debt), dueBy);       // not what was proposed
        out.println("acceptance of other terms: accepted");
      } catch (ChainException e) {
        out.println("acceptance of other terms: refused with " + e.errorName().orElse(e.kind().name()));
      }
      lender.pledges().accept(asset, proposed.debt(), proposed.dueBy());
      Pledge pledge = lender.pledges().pledgeOf(asset).orElseThrow();
      out.println("pledged: accepted " + pledge.accepted() + ", defaulted " + pledge.defaulted()
          + "; lease " + lease + " is " + lender.leases().lease(lease).status());
      // end::consent[]
      out.flush();
      return pledge;
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
