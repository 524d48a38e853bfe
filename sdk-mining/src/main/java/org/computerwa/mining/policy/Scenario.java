package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.List;
import org.computerwa.core.ValidationException;

/**
 * Market assumptions other than power prices over a backtest: hashprice and AI margin, constant or
 * as a step function of time.
 *
 * <pre>{@code
 * Scenario flat = Scenario.constant(50, 0);
 * Scenario halving = Scenario.steps(
 *     List.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-04-20T00:00:00Z")),
 *     new double[] {100, 55}, new double[] {0, 0});
 * }</pre>
 *
 * <p>A step holds from its instant until the next step; before the first step the first values
 * apply. A policy sees the value in force at the start of the interval it decides ("today's
 * hashprice"); the optimum uses the same values.
 *
 * @since 0.1.0
 */
public final class Scenario {
  private final long[] fromSeconds;
  private final double[] hashprice;
  private final double[] aiMargin;

  private Scenario(long[] fromSeconds, double[] hashprice, double[] aiMargin) {
    this.fromSeconds = fromSeconds;
    this.hashprice = hashprice;
    this.aiMargin = aiMargin;
  }

  /**
   * The same values throughout.
   *
   * @param hashpriceUsdPerPhDay USD per (PH/s) per day, finite, {@code >= 0}
   * @param aiMarginUsdPerMwh USD/MWh, finite
   * @return the scenario
   */
  public static Scenario constant(double hashpriceUsdPerPhDay, double aiMarginUsdPerMwh) {
    return steps(List.of(Instant.EPOCH), new double[] {hashpriceUsdPerPhDay}, new double[] {aiMarginUsdPerMwh});
  }

  /**
   * A step function.
   *
   * @param from the instant each step starts, strictly increasing, at least one
   * @param hashpriceUsdPerPhDay hashprice of each step, finite, {@code >= 0}
   * @param aiMarginUsdPerMwh AI margin of each step, finite
   * @return the scenario
   * @throws ValidationException naming the first offending step
   */
  public static Scenario steps(List<Instant> from, double[] hashpriceUsdPerPhDay, double[] aiMarginUsdPerMwh) {
    int n = from.size();
    if (n == 0) {
      throw new ValidationException("scenario", 0, "must hold at least one step");
    }
    if (hashpriceUsdPerPhDay.length != n || aiMarginUsdPerMwh.length != n) {
      throw new ValidationException("scenario", hashpriceUsdPerPhDay.length + "/" + aiMarginUsdPerMwh.length,
          "must have one hashprice and one AI margin per step (" + n + ")");
    }
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = from.get(i).getEpochSecond();
      if (i > 0 && s[i] <= s[i - 1]) {
        throw new ValidationException("scenario[" + i + "].from", from.get(i), "must be after the previous step");
      }
      double hp = hashpriceUsdPerPhDay[i];
      if (!(hp >= 0) || Double.isInfinite(hp)) {
        throw new ValidationException("scenario[" + i + "].hashpriceUsdPerPhDay", hp, "must be a finite number >= 0");
      }
      if (!Double.isFinite(aiMarginUsdPerMwh[i])) {
        throw new ValidationException("scenario[" + i + "].aiMarginUsdPerMwh", aiMarginUsdPerMwh[i], "must be finite");
      }
    }
    return new Scenario(s, hashpriceUsdPerPhDay.clone(), aiMarginUsdPerMwh.clone());
  }

  private int step(Instant at) {
    long t = at.getEpochSecond();
    int lo = 0;
    int hi = fromSeconds.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (fromSeconds[mid] <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Hashprice in force at an instant.
   *
   * @param at the instant
   * @return USD per (PH/s) per day
   */
  public double hashpriceUsdPerPhDay(Instant at) {
    return hashprice[step(at)];
  }

  /**
   * AI margin in force at an instant.
   *
   * @param at the instant
   * @return USD/MWh
   */
  public double aiMarginUsdPerMwh(Instant at) {
    return aiMargin[step(at)];
  }

  /**
   * Number of steps.
   *
   * @return at least 1
   */
  public int steps() {
    return fromSeconds.length;
  }
}
