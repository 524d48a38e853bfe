package org.computerwa.mining.share;

/**
 * Garwood's exact confidence interval for the mean of a Poisson count, through quantiles of the
 * gamma distribution (a chi-square quantile with 2k degrees of freedom, halved, is the gamma(k, 1)
 * quantile): lower {@code G⁻¹(α/2; k)} (0 for no events), upper {@code G⁻¹(1 − α/2; k + 1)}.
 * Counts need not be integers (an effective count of unequal-difficulty shares).
 */
final class PoissonInterval {
  private static final double EPSILON = 1e-15;
  private static final int MAX_ITERATIONS = 1_000_000;
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  };

  private PoissonInterval() {}

  static double lower(double k, double confidence) {
    return k <= 0 ? 0 : gammaQuantile(k, (1 - confidence) / 2);
  }

  static double upper(double k, double confidence) {
    return gammaQuantile(k + 1, 1 - (1 - confidence) / 2);
  }

  /** The p-quantile of the gamma(a, 1) distribution: Newton's method inside a shrinking bracket. */
  static double gammaQuantile(double a, double p) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    // Wilson–Hilferty start, which Newton refines.
    double z = HashrateEstimator.inverseNormal(p);
    double c = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
    double x = Math.max(a * c * c * c, 1e-3 * a);
    double logGammaA = logGamma(a);
    for (int i = 0; i < 200; i++) {
      double f = regularizedLowerGamma(a, x, logGammaA) - p;
      if (f == 0) {
        return x;
      }
      if (f < 0) {
        lo = x;
      } else {
        hi = x;
      }
      double density = Math.exp((a - 1) * Math.log(x) - x - logGammaA);
      double next = density > 0 ? x - f / density : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = Double.isInfinite(hi) ? Math.max(2 * x, lo + 1) : (lo + hi) / 2;
      }
      if (Math.abs(next - x) <= 1e-14 * Math.max(1, x)) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** P(a, x), the regularized lower incomplete gamma function. */
  static double regularizedLowerGamma(double a, double x, double logGammaA) {
    if (x <= 0) {
      return 0;
    }
    double prefix = Math.exp(-x + a * Math.log(x) - logGammaA);
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < MAX_ITERATIONS; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPSILON) {
          break;
        }
      }
      return Math.min(1, sum * prefix);
    }
    // Continued fraction for Q(a, x) by the modified Lentz method.
    double tiny = 1e-300;
    double b = x + 1 - a;
    double cc = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      cc = b + an / cc;
      if (Math.abs(cc) < tiny) {
        cc = tiny;
      }
      d = 1 / d;
      double delta = d * cc;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.max(0, 1 - prefix * h);
  }

  /** ln Γ(a) for a > 0 (Lanczos, g = 7). */
  static double logGamma(double a) {
    if (a < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
    }
    double x = a - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (x + i);
    }
    double t = x + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
