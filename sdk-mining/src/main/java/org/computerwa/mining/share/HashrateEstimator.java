package org.computerwa.mining.share;

import java.time.Duration;
import java.util.List;
import org.computerwa.core.ValidationException;

/**
 * Estimates delivered hashrate from accepted shares, with a confidence interval.
 *
 * <pre>{@code
 * HashrateEstimator estimator = HashrateEstimator.withConfidence(0.95);
 * HashrateEstimate e = estimator.estimate(List.of(8192.0, 8192.0, 16384.0), Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Model: a share of difficulty d takes d × 2^32 hashes on average, and shares arrive as a
 * Poisson process. Count the shares accepted at the session's pool difficulty, not the difficulty
 * each hash happened to reach: the first is the Poisson count, the second is heavy-tailed. With
 * shares of difficulties d_i over a window T, the estimate is Σd_i × 2^32 / T. The interval is
 * Garwood's exact Poisson interval (chi-square quantiles, computed to double precision, not
 * approximated) for k events, scaled by d × 2^32 / T; it covers the true rate at least as often as
 * the confidence level claims. Shares of unequal difficulties are treated as k = (Σd_i)² / Σd_i²
 * shares of equal difficulty Σd_i / k (exact when all difficulties are equal). With no shares the
 * lower bound is 0 and the upper bound is the one for 0 events at the given difficulty.
 *
 * @since 0.1.0
 */
public final class HashrateEstimator {
  private static final double TWO_32 = 4_294_967_296.0;

  private final double confidence;

  private HashrateEstimator(double confidence) {
    this.confidence = confidence;
  }

  /**
   * An estimator with the given two-sided confidence level.
   *
   * @param confidence in (0, 1), for example 0.95
   * @return the estimator
   * @throws ValidationException if out of range
   */
  public static HashrateEstimator withConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new ValidationException("confidence", confidence, "must be in (0, 1)");
    }
    return new HashrateEstimator(confidence);
  }

  /**
   * Estimates from accepted shares of equal difficulty.
   *
   * @param shares the number of accepted shares, at least 0
   * @param difficulty their difficulty, greater than 0
   * @param window the time they were found in, positive
   * @return the estimate
   */
  public HashrateEstimate estimate(long shares, double difficulty, Duration window) {
    if (shares < 0) {
      throw new ValidationException("shares", shares, "must be >= 0");
    }
    checkDifficulty("difficulty", difficulty);
    double seconds = seconds(window);
    double k = shares;
    double scale = difficulty * TWO_32 / seconds;
    return new HashrateEstimate(k * scale, lowerPoisson(k) * scale, upperPoisson(k) * scale, confidence, k);
  }

  /**
   * Estimates from the difficulties of the accepted shares.
   *
   * @param difficulties one entry per accepted share, each greater than 0; not empty
   * @param window the time they were found in, positive
   * @return the estimate
   */
  public HashrateEstimate estimate(List<Double> difficulties, Duration window) {
    if (difficulties.isEmpty()) {
      throw new ValidationException("difficulties", "[]", "must hold at least one share (use the count form for none)");
    }
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < difficulties.size(); i++) {
      double d = difficulties.get(i);
      checkDifficulty("difficulties[" + i + "]", d);
      sum += d;
      sumSquares += d * d;
    }
    double seconds = seconds(window);
    double k = sum * sum / sumSquares;
    double scale = (sum / k) * TWO_32 / seconds;
    return new HashrateEstimate(sum * TWO_32 / seconds, lowerPoisson(k) * scale, upperPoisson(k) * scale,
        confidence, k);
  }

  private double lowerPoisson(double k) {
    return PoissonInterval.lower(k, confidence);
  }

  private double upperPoisson(double k) {
    return PoissonInterval.upper(k, confidence);
  }

  private static void checkDifficulty(String field, double d) {
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new ValidationException(field, d, "must be a positive finite number");
    }
  }

  private static double seconds(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new ValidationException("window", window, "must be positive");
    }
    return window.toNanos() / 1e9;
  }

  /** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
  static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -inverseNormal(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
