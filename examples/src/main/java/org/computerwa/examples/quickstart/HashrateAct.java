package org.computerwa.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.json.ComputeRwaJson;
import org.computerwa.examples.mining.SharesFile;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.share.DeliveredHashrate;
import org.computerwa.mining.share.HashrateEstimate;
import org.computerwa.mining.share.HashrateEstimator;
import org.computerwa.mining.share.ShareVerificationException;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumSession;
import org.computerwa.mining.share.VerifiedShare;

/**
 * Step 5: the ASIC fleet's controller proves hashrate from real pool shares: each share is rebuilt
 * and checked by sdk-mining's {@link ShareVerifier} at the session's pool difficulty, the accepted
 * count becomes a {@link DeliveredHashrate}, and its signed {@code HASHRATE} statement is batched
 * and anchored for the fleet like any other evidence.
 */
final class HashrateAct implements Act {
  /** The difficulty the pool set for the session (mining.set_difficulty); both shares exceed it. */
  static final double POOL_DIFFICULTY = 4;
  static final double CONFIDENCE = 0.95;
  /** A harder session, above the first share's difficulty and below the second's. */
  static final double HARDER_POOL_DIFFICULTY = 16;

  @Override
  public String title() {
    return "Hashrate evidence from real pool shares for the ASIC fleet, anchored";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    r.receipt(c.operator.evidence().authorizeAttester(s.fleetAsset(), c.attester.address()));
    byte[] file = QuickstartData.bytes(QuickstartData.POOL_SHARES);
    List<SharesFile.Share> shares = SharesFile.parse(file);
    // The file records what each share's source published: its block hash and difficulty.
    JsonNode published = ComputeRwaJson.builder().build().read(file, JsonNode.class);
    // tag::session[]
    StratumSession session = StratumSession.builder().poolDifficulty(POOL_DIFFICULTY).build();
    ShareVerifier verifier = ShareVerifier.create();
    // end::session[]
    long accepted = 0;
    for (int i = 0; i < shares.size(); i++) {
      JsonNode expected = published.get(i).get("expected");
      String id = published.get(i).get("id").asText();
      try {
        // tag::verify[]
        VerifiedShare v = verifier.verify(session, shares.get(i).job(), shares.get(i).submission());
        // end::verify[]
        accepted++;
        String difficulty = v.difficulty().setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        r.say("share " + id + ": hash " + v.hash() + ", difficulty " + difficulty);
        r.check("share " + id + " hash", v.hash(), BlockHash.fromDisplayHex(expected.get("block_hash_hex").asText()));
        r.check("share " + id + " difficulty", difficulty,
            new BigDecimal(expected.get("share_difficulty").asText()).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
      } catch (ShareVerificationException e) {
        r.say("share " + id + " refused: " + e.getMessage());
      }
    }
    r.check("shares accepted at pool difficulty " + POOL_DIFFICULTY, accepted, (long) shares.size());

    // A session the pool set harder refuses the easier share: a share counts only at its session's difficulty.
    StratumSession harder = StratumSession.builder().poolDifficulty(HARDER_POOL_DIFFICULTY).build();
    String refusal;
    try {
      verifier.verify(harder, shares.get(0).job(), shares.get(0).submission());
      refusal = "accepted";
    } catch (ShareVerificationException e) {
      refusal = e.reason();
      r.say("expected refusal: share " + published.get(0).get("id").asText() + " at pool difficulty "
          + HARDER_POOL_DIFFICULTY + ": " + refusal);
    }
    r.check("share below the pool difficulty refused", refusal, ShareVerificationException.LOW_DIFFICULTY_SHARE);

    // The shares are taken as the session's submissions in the fleet's first ten minutes of the lease hour.
    Instant from = s.accepted().start();
    Instant to = from.plus(Story.STATEMENT_PERIOD);
    // tag::delivered[]
    DeliveredHashrate delivered =
        DeliveredHashrate.of(session, accepted, from, to, HashrateEstimator.withConfidence(CONFIDENCE));
    HashrateEstimate e = delivered.estimate();
    // end::delivered[]
    // Independently: each accepted share stands for difficulty x 2^32 hashes on average.
    BigInteger point = BigDecimal.valueOf(accepted).multiply(BigDecimal.valueOf(POOL_DIFFICULTY))
        .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(32)))
        .divide(BigDecimal.valueOf(Duration.between(from, to).getSeconds()), 0, RoundingMode.FLOOR).toBigInteger();
    r.say("delivered " + delivered.value(DeliveredHashrate.Claim.POINT_ESTIMATE) + " H/s ("
        + Math.round(100 * CONFIDENCE) + " % interval " + delivered.value(DeliveredHashrate.Claim.LOWER_BOUND) + " .. "
        + new BigDecimal(e.upper()).toBigInteger() + ", whole H/s rounded down) from " + accepted + " shares");
    r.figure("acceptedShares", accepted);
    r.figure("hashesPerSecond", delivered.value(DeliveredHashrate.Claim.POINT_ESTIMATE));
    r.figure("lowerBound", delivered.value(DeliveredHashrate.Claim.LOWER_BOUND));
    r.check("point estimate, H/s", delivered.value(DeliveredHashrate.Claim.POINT_ESTIMATE), point);
    r.checkThat("interval brackets the estimate", e.lower() < e.hashesPerSecond() && e.hashesPerSecond() < e.upper(),
        "lower < point < upper");

    // The statement claims the lower bound: what the shares support at that confidence. The
    // availability is the controller's own claim that every miner stayed online in the period.
    // tag::statement[]
    UsageStatement statement = delivered.statement(s.fleetAsset().value(), c.fleetController.address(),
        DeliveredHashrate.Claim.LOWER_BOUND, 10_000);
    SignedUsageStatement signed = statement.sign(c.fleetController, c.platform.evidence().usageDomain());
    s.inbox().deliver(List.of(signed));
    s.inbox().anchor(s.fleetAsset(), from, to);
    // end::statement[]
    r.check("HASHRATE statement value", statement.value(), delivered.value(DeliveredHashrate.Claim.LOWER_BOUND));
  }
}
