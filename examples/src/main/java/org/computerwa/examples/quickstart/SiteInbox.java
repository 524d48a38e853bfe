package org.computerwa.examples.quickstart;

import java.time.Instant;
import java.util.List;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Outcome;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.StatementCollector;

/**
 * The site's side of the evidence: it accepts each device's signed statements through sdk-core's
 * {@link StatementCollector} (signature, signer, replay and period order checked), batches a
 * period into a Merkle root and has the attester anchor it on-chain.
 */
final class SiteInbox {
  private final Story story;
  private final StatementCollector collector;

  SiteInbox(Story story) {
    this.story = story;
    this.collector = StatementCollector.forDomain(story.cast().platform.evidence().usageDomain());
  }

  /** Hands statements the device signed to the site, as their bytes would arrive over the wire. */
  void deliver(List<SignedUsageStatement> signed) {
    for (SignedUsageStatement s : signed) {
      // tag::deliver[]
      collector.accept(s.statement(), s.signature().toBytes());   // RejectedSignatureException if not
      // end::deliver[]
    }
  }

  /** Batches what the site holds for an asset and period and anchors the root, signed by the attester. */
  StatementBatch anchor(AssetId asset, Instant from, Instant to) {
    Report r = story.report;
    ComputeRwaClient platform = story.cast().platform;
    SigningKey attester = story.cast().attester;
    // tag::anchor[]
    StatementBatch batch = collector.batch(asset.value(), from, to);   // the period's Merkle tree
    Outcome<Bytes32> anchored = platform.evidence().anchor(batch, attester);   // the attester signs its root
    // end::anchor[]
    r.receipts(anchored);
    r.say("anchored " + batch.statements().size() + " statement(s) of asset " + asset + " for " + from + " .. " + to
        + ", root " + batch.root());
    r.check("asset " + asset + " anchored root", anchored.value(), batch.root());
    r.check("asset " + asset + " evidence anchored until",
        story.cast().platform.evidence().anchoredUntil(asset, story.cast().attester.address()).orElseThrow(), to);
    return batch;
  }
}
