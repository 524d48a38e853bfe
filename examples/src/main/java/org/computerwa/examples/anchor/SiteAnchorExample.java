package org.computerwa.examples.anchor;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.RejectedSignatureException;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.StatementCollector;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: a site collects the signed statements its devices send, refuses a replayed one,
 * batches the period into a Merkle tree and anchors the root on-chain with the attester's
 * signature.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-site-anchor
 * }</pre>
 *
 * <p>{@link #run} takes what a site's program has: the node's RPC URL, the chain id it expects,
 * the deployed contracts, the attester key, the asset and the statements as they arrived. The
 * subcommand runs it on a local chain it starts and prepares itself (a registered node whose owner
 * authorised the attester), with the statements the device agent example signs from GPU samples.
 * Needs {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-site-anchor",
    mixinStandardHelpOptions = true,
    description = "Example program: a site batches device statements and anchors the root (local chain).")
public final class SiteAnchorExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public SiteAnchorExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SiteAnchorExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.SITE_ANCHOR, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Collects, batches and anchors the statements of one period.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param attesterKey an attester the asset's owner authorised
   * @param asset the asset the statements are about
   * @param received the signed statements as the devices sent them
   * @param periodEnd the end of the period to anchor, not after the chain's time
   * @param out where the results go
   * @return the anchored batch (an SLA credit or an auditor proves statements against it)
   */
  public static StatementBatch run(String rpcUrl, long chainId, Deployment contracts, SigningKey attesterKey,
      AssetId asset, List<SignedUsageStatement> received, Instant periodEnd, PrintWriter out) {
    try (ComputeRwaClient site = connect(rpcUrl, chainId, contracts, attesterKey)) {
      // tag::collect[]
      // The inbox checks each signature in this deployment's domain and takes each statement once.
      StatementCollector inbox = StatementCollector.forDomain(site.evidence().usageDomain());
      for (SignedUsageStatement s : received) {
        inbox.accept(s.statement(), s.signature().toBytes());   // as it came over the wire
      }
      try {
        SignedUsageStatement again = received.get(0);
        inbox.accept(again.statement(), again.signature().toBytes());
        out.println("replayed statement: accepted");
      } catch (RejectedSignatureException e) {
        out.println("replayed statement: refused, " + e.rejection());
      }
      // end::collect[]

      // tag::anchor[]
      // An attester's roots cover one contiguous stretch of time: continue where the last one ended.
      Instant from = site.evidence().anchoredUntil(asset, attesterKey.address())
          .orElse(received.get(0).statement().periodStart());
      StatementBatch batch = inbox.batch(asset.value(), from, periodEnd);
      Bytes32 root = site.evidence().anchor(batch, attesterKey).value();   // signs the root, sends it
      out.println("anchored " + batch.statements().size() + " statements, " + from + " .. " + periodEnd
          + ", root " + root);
      out.println("attester's coverage now ends " + site.evidence().anchoredUntil(asset, attesterKey.address())
          .map(Instant::toString).orElse("nowhere"));

      // Anyone holding a statement can prove it is under the anchored root.
      for (SignedUsageStatement s : batch.statements()) {
        batch.proof(s.statement()).verify(root);   // VerificationException if it is not
      }
      out.println("every statement proves against the root");
      // end::anchor[]
      out.flush();
      return batch;
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
