/**
 * Stratum v1 pool shares: rebuilding and verifying submitted shares against their session's pool
 * difficulty and version-rolling mask ({@link org.computerwa.mining.share.ShareVerifier}, {@link
 * org.computerwa.mining.share.StratumSession}), estimating delivered hashrate with an exact
 * confidence interval ({@link org.computerwa.mining.share.HashrateEstimator}) and stating it as a
 * usage statement of kind hashrate ({@link org.computerwa.mining.share.DeliveredHashrate}).
 *
 * <pre>{@code
 * StratumSession session = StratumSession.builder().poolDifficulty(8192).versionRollingMask(0x1fffe000).build();
 * VerifiedShare s = ShareVerifier.create().verify(session, job, submission);
 * DeliveredHashrate d = DeliveredHashrate.of(session, accepted, start, end, HashrateEstimator.withConfidence(0.95));
 * UsageStatement statement = d.statement(assetId, device, DeliveredHashrate.Claim.LOWER_BOUND, 10_000);
 * }</pre>
 */
@NullMarked
package org.computerwa.mining.share;

import org.jspecify.annotations.NullMarked;
