/**
 * Stratum v1 pool shares: rebuilding and verifying submitted shares ({@link
 * org.computerwa.mining.share.ShareVerifier}) and estimating delivered hashrate with a
 * confidence interval ({@link org.computerwa.mining.share.HashrateEstimator}).
 *
 * <pre>{@code
 * VerifiedShare s = ShareVerifier.create().verify(job, submission, poolDifficulty);
 * HashrateEstimate e = HashrateEstimator.withConfidence(0.95).estimate(count, poolDifficulty, window);
 * }</pre>
 */
@NullMarked
package org.computerwa.mining.share;

import org.jspecify.annotations.NullMarked;
