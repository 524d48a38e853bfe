package org.computerwa.mining.policy.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * A policy's score over one period against always-mine and the perfect-foresight optimum of the
 * same period.
 *
 * <pre>{@code
 * PeriodScore q = Seasons.score(backtest, LoadPolicies::adaptive).get(0);
 * q.capturedFlexibilityValue();
 * q.gainOverAlwaysMineUsd();   // negative: the policy lost against always-mine
 * }</pre>
 *
 * @param label the period's name, such as {@code 2023Q3} or {@code fold 4}
 * @param from start of the first interval
 * @param to end of the last interval
 * @param intervals number of intervals
 * @param policy name of the scored policy
 * @param profitUsd the policy's profit, switching costs included
 * @param alwaysMineProfitUsd always-mine's profit
 * @param optimumProfitUsd the optimum's profit
 * @param switches the policy's switches
 * @since 0.2.0
 */
public record PeriodScore(String label, Instant from, Instant to, int intervals, String policy, double profitUsd,
    double alwaysMineProfitUsd, double optimumProfitUsd, int switches) {

  /**
   * Checks the fields.
   *
   * @param label the period's name
   * @param from start
   * @param to end
   * @param intervals number of intervals
   * @param policy policy name
   * @param profitUsd profit
   * @param alwaysMineProfitUsd always-mine's profit
   * @param optimumProfitUsd the optimum's profit
   * @param switches switches
   * @throws ValidationException if the period is empty or reversed, a count negative or a profit
   *     not finite, naming the field
   */
  public PeriodScore {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(policy, "policy");
    if (intervals < 1) {
      throw new ValidationException("periodScore.intervals", intervals, "must be >= 1");
    }
    if (!from.isBefore(to)) {
      throw new ValidationException("periodScore.to", to, "must be after from " + from);
    }
    finite("profitUsd", profitUsd);
    finite("alwaysMineProfitUsd", alwaysMineProfitUsd);
    finite("optimumProfitUsd", optimumProfitUsd);
    if (switches < 0) {
      throw new ValidationException("periodScore.switches", switches, "must be >= 0");
    }
  }

  private static void finite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new ValidationException("periodScore." + field, v, "must be a finite number");
    }
  }

  static PeriodScore of(String label, BacktestResult r) {
    return new PeriodScore(label, r.prices().start(0), r.prices().end(r.intervals() - 1), r.intervals(), r.policy(),
        r.profitUsd(), r.alwaysMineProfitUsd(), r.optimumProfitUsd(), r.switches());
  }

  /**
   * {@code (policy − always-mine) / (optimum − always-mine)}.
   *
   * @return the share, or NaN when the optimum earns no more than always-mine
   */
  public double capturedFlexibilityValue() {
    double span = optimumProfitUsd - alwaysMineProfitUsd;
    return span > 1e-6 ? (profitUsd - alwaysMineProfitUsd) / span : Double.NaN;
  }

  /**
   * What the policy earned beyond always-mine.
   *
   * @return USD, negative for a loss against always-mine
   */
  public double gainOverAlwaysMineUsd() {
    return profitUsd - alwaysMineProfitUsd;
  }

  /**
   * The flexibility value available: what the optimum earned beyond always-mine.
   *
   * @return USD, {@code >= 0}
   */
  public double flexibilityValueUsd() {
    return optimumProfitUsd - alwaysMineProfitUsd;
  }

  /**
   * Sums periods (profits add; the captured share is then the sum of gains over the sum of spans).
   *
   * @param label the name of the total
   * @param parts at least one period
   * @return the total
   */
  public static PeriodScore total(String label, List<PeriodScore> parts) {
    if (parts.isEmpty()) {
      throw new org.computerwa.core.ValidationException("parts", 0, "must hold at least one period");
    }
    double p = 0;
    double am = 0;
    double opt = 0;
    int n = 0;
    int sw = 0;
    java.util.Set<String> policies = new java.util.LinkedHashSet<>();
    for (PeriodScore s : parts) {
      p += s.profitUsd;
      am += s.alwaysMineProfitUsd;
      opt += s.optimumProfitUsd;
      n += s.intervals;
      sw += s.switches;
      policies.add(s.policy);
    }
    return new PeriodScore(label, parts.get(0).from, parts.get(parts.size() - 1).to, n, String.join("|", policies), p,
        am, opt, sw);
  }
}
