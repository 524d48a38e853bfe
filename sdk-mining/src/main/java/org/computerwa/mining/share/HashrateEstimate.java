package org.computerwa.mining.share;

/**
 * A hashrate estimated from accepted shares, with a confidence interval.
 *
 * <pre>{@code
 * HashrateEstimate e = estimator.estimate(shares, Duration.ofMinutes(10));
 * e.hashesPerSecond();   // point estimate
 * e.lower(); e.upper();  // interval at e.confidence()
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HashrateEstimate {
  private final double hashesPerSecond;
  private final double lower;
  private final double upper;
  private final double confidence;
  private final double effectiveShares;

  HashrateEstimate(double hashesPerSecond, double lower, double upper, double confidence, double effectiveShares) {
    this.hashesPerSecond = hashesPerSecond;
    this.lower = lower;
    this.upper = upper;
    this.confidence = confidence;
    this.effectiveShares = effectiveShares;
  }

  /**
   * The point estimate: total share difficulty × 2^32 / window.
   *
   * @return hashes per second
   */
  public double hashesPerSecond() {
    return hashesPerSecond;
  }

  /**
   * The lower bound of the interval.
   *
   * @return hashes per second
   */
  public double lower() {
    return lower;
  }

  /**
   * The upper bound of the interval.
   *
   * @return hashes per second
   */
  public double upper() {
    return upper;
  }

  /**
   * The interval's confidence level.
   *
   * @return for example 0.95
   */
  public double confidence() {
    return confidence;
  }

  /**
   * The number of equal-difficulty shares carrying the same information (equals the share count
   * when all shares have one difficulty).
   *
   * @return the effective share count
   */
  public double effectiveShares() {
    return effectiveShares;
  }

  @Override
  public String toString() {
    return String.format("%.4g H/s [%.4g, %.4g] at %.0f%%", hashesPerSecond, lower, upper, confidence * 100);
  }
}
