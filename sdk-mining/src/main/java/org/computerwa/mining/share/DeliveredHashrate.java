package org.computerwa.mining.share;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;

/**
 * The hashrate a miner delivered over one period, estimated from the shares accepted in one
 * Stratum session, and the usage statement of kind {@link UsageKind#HASHRATE} that states it.
 *
 * <pre>{@code
 * DeliveredHashrate delivered = DeliveredHashrate.of(session, acceptedShares,
 *     Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-28T01:00:00Z"),
 *     HashrateEstimator.withConfidence(0.95));
 * delivered.estimate();   // point estimate and interval, in H/s
 * UsageStatement s = delivered.statement(assetId, deviceKey.address(),
 *     DeliveredHashrate.Claim.LOWER_BOUND, 10_000);
 * SignedUsageStatement signed = s.sign(deviceKey, UsageStatement.domain(chainId, anchor));
 * }</pre>
 *
 * <p>Each accepted share counts as the session's pool difficulty (see {@link HashrateEstimator}).
 * The statement's value is whole hashes per second, rounded down, of the bound the caller claims:
 * the interval's lower bound (the delivered rate is at least this, at the estimator's confidence)
 * or the point estimate. There is no default claim.
 *
 * @since 0.1.0
 */
public final class DeliveredHashrate {
  /** Which figure of the estimate a statement states. */
  public enum Claim {
    /** The lower bound of the confidence interval: a claim the shares support at that confidence. */
    LOWER_BOUND,
    /** The point estimate: unbiased, but above the true rate about half the time. */
    POINT_ESTIMATE
  }

  private final Instant periodStart;
  private final Instant periodEnd;
  private final long acceptedShares;
  private final HashrateEstimate estimate;

  private DeliveredHashrate(Instant periodStart, Instant periodEnd, long acceptedShares, HashrateEstimate estimate) {
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.acceptedShares = acceptedShares;
    this.estimate = estimate;
  }

  /**
   * Estimates the hashrate delivered in a period.
   *
   * @param session the session whose pool difficulty every accepted share had
   * @param acceptedShares shares of the session verified in {@code [periodStart, periodEnd)}, at least 0
   * @param periodStart the start, whole seconds
   * @param periodEnd the end, whole seconds, after the start
   * @param estimator the estimator (its confidence level)
   * @return the delivered hashrate
   * @throws ValidationException if the count is negative or the period is empty or reversed
   */
  public static DeliveredHashrate of(StratumSession session, long acceptedShares, Instant periodStart,
      Instant periodEnd, HashrateEstimator estimator) {
    Objects.requireNonNull(session, "session");
    if (!periodEnd.isAfter(periodStart)) {
      throw new ValidationException("periodEnd", periodEnd, "must be after periodStart (" + periodStart + ")");
    }
    HashrateEstimate estimate =
        estimator.estimate(acceptedShares, session.poolDifficulty(), Duration.between(periodStart, periodEnd));
    return new DeliveredHashrate(periodStart, periodEnd, acceptedShares, estimate);
  }

  /**
   * The estimate, in hashes per second.
   *
   * @return the estimate with its interval
   */
  public HashrateEstimate estimate() {
    return estimate;
  }

  /**
   * The shares the estimate rests on.
   *
   * @return the accepted share count
   */
  public long acceptedShares() {
    return acceptedShares;
  }

  /**
   * The period's start.
   *
   * @return the start
   */
  public Instant periodStart() {
    return periodStart;
  }

  /**
   * The period's end.
   *
   * @return the end
   */
  public Instant periodEnd() {
    return periodEnd;
  }

  /**
   * The figure a statement with this claim carries: whole hashes per second, rounded down.
   *
   * @param claim which figure
   * @return the value
   */
  public BigInteger value(Claim claim) {
    double v = claim == Claim.LOWER_BOUND ? estimate.lower() : estimate.hashesPerSecond();
    return new BigDecimal(v).toBigInteger();
  }

  /**
   * The usage statement of kind {@link UsageKind#HASHRATE} for this period, ready to be signed by
   * the device key and batched like any other statement.
   *
   * @param assetId the asset (its token id)
   * @param device the address of the device key that will sign
   * @param claim which figure to state; there is no default
   * @param availabilityBps the share of the period the miner was up, in basis points (the caller
   *     knows it, for example from the gaps between its submissions)
   * @return the statement
   * @throws ValidationException if a field is out of range (as {@link UsageStatement.Builder} checks)
   */
  public UsageStatement statement(BigInteger assetId, Address device, Claim claim, int availabilityBps) {
    return UsageStatement.builder()
        .assetId(assetId)
        .device(device)
        .periodStart(periodStart)
        .periodEnd(periodEnd)
        .kind(UsageKind.HASHRATE)
        .value(value(Objects.requireNonNull(claim, "claim")))
        .availabilityBps(availabilityBps)
        .build();
  }

  @Override
  public String toString() {
    return "DeliveredHashrate{" + periodStart + ".." + periodEnd + ", shares=" + acceptedShares + ", " + estimate + "}";
  }
}
