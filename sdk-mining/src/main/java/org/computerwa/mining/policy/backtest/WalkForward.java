package org.computerwa.mining.policy.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.LoadPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Walk-forward evaluation: the series is cut into consecutive test periods; before each, the
 * candidate with the highest profit on all the data <em>before</em> it is chosen and then scored on
 * the period it has not seen. The same periods are also scored with the candidate that is best on
 * each period itself (the in-sample figure a tuned backtest would quote), side by side.
 *
 * <pre>{@code
 * WalkForward.Result r = WalkForward.builder()
 *     .backtest(backtest)
 *     .candidate("rolling", LoadPolicies::rolling)
 *     .candidate("threshold-25", () -> LoadPolicies.threshold(25))
 *     .trainingDays(28).testDays(28)
 *     .build().run();
 * r.outOfSample().capturedFlexibilityValue();
 * }</pre>
 *
 * <p>Each candidate is made fresh for every run (stateful policies learn nothing across runs),
 * and every run starts from the site's initial setpoint. The first test period starts after
 * {@code trainingDays}; the training window then grows with each period (expanding window). A last
 * piece shorter than half a test period (or a day) joins the period before it.
 *
 * @since 0.2.0
 */
public final class WalkForward {
  private final Backtest backtest;
  private final Map<String, Supplier<LoadPolicy>> candidates;
  private final int trainingDays;
  private final int testDays;

  private WalkForward(Backtest backtest, Map<String, Supplier<LoadPolicy>> candidates, int trainingDays, int testDays) {
    this.backtest = backtest;
    this.candidates = candidates;
    this.trainingDays = trainingDays;
    this.testDays = testDays;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the evaluation.
   *
   * @return the folds and totals
   * @throws ValidationException if the series is too short for one training window and one test
   *     period
   */
  public Result run() {
    int perDay = 1440 / backtest.prices().intervalMinutes();
    int n = backtest.prices().size();
    int split = trainingDays * perDay;
    if (split + perDay > n) {
      throw new ValidationException("walkForward.trainingDays", trainingDays,
          "leaves less than a day to test in a series of " + n + " intervals");
    }
    List<Fold> folds = new ArrayList<>();
    while (split < n) {
      int end = Math.min(n, split + testDays * perDay);
      if (n - end < Math.max(perDay, testDays * perDay / 2)) {
        end = n; // a last piece shorter than half a test period joins the period before it
      }
      Backtest training = backtest.slice(0, split);
      Backtest test = backtest.slice(split, end);
      String chosen = best(training);
      BacktestResult trained = training.run(candidates.get(chosen).get());
      BacktestResult outOfSample = test.run(candidates.get(chosen).get());
      String hindsight = best(test);
      BacktestResult inSample = test.run(candidates.get(hindsight).get());
      String label = "fold " + (folds.size() + 1);
      folds.add(new Fold(label, PeriodScore.of(label + " training", trained), PeriodScore.of(label, outOfSample),
          PeriodScore.of(label + " hindsight", inSample)));
      split = end;
    }
    String wholeBest = best(backtest);
    return new Result(folds, PeriodScore.of("whole series, tuned on itself", backtest.run(candidates.get(wholeBest).get())),
        List.copyOf(candidates.keySet()), trainingDays, testDays);
  }

  private String best(Backtest bt) {
    String best = null;
    double bestProfit = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Supplier<LoadPolicy>> c : candidates.entrySet()) {
      double p = bt.profitUsd(c.getValue().get());
      if (p > bestProfit) {
        bestProfit = p;
        best = c.getKey();
      }
    }
    return Objects.requireNonNull(best);
  }

  /**
   * One test period: the candidate chosen from the past, scored on its training data and on the
   * test period, and the best candidate in hindsight on the test period.
   *
   * <pre>{@code
   * fold.outOfSample().capturedFlexibilityValue();
   * }</pre>
   *
   * @param label {@code fold k}
   * @param training the chosen candidate on the training window (in sample)
   * @param outOfSample the chosen candidate on the test period (out of sample)
   * @param hindsight the best candidate on the test period itself (in sample)
   */
  public record Fold(String label, PeriodScore training, PeriodScore outOfSample, PeriodScore hindsight) {

    /**
     * Checks the fields.
     *
     * @param label label
     * @param training training score
     * @param outOfSample test score
     * @param hindsight hindsight score
     * @throws ValidationException if the training window does not end before the test period
     *     begins (look-ahead), or the out-of-sample and hindsight scores cover different periods
     */
    public Fold {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(training, "training");
      Objects.requireNonNull(outOfSample, "outOfSample");
      Objects.requireNonNull(hindsight, "hindsight");
      if (training.to().isAfter(outOfSample.from())) {
        throw new ValidationException("fold.training.to", training.to(),
            "must not be after the test period's start " + outOfSample.from() + ": no look-ahead");
      }
      if (!hindsight.from().equals(outOfSample.from()) || !hindsight.to().equals(outOfSample.to())) {
        throw new ValidationException("fold.hindsight", hindsight.from() + "/" + hindsight.to(),
            "must cover the test period " + outOfSample.from() + "/" + outOfSample.to());
      }
    }
  }

  /**
   * The folds and the totals over all test periods.
   *
   * <pre>{@code
   * result.outOfSample();      // chosen from the past, summed over the test periods
   * result.hindsight();        // chosen on each test period itself
   * }</pre>
   *
   * @param folds the test periods in order
   * @param wholeSeriesInSample the candidate best on the whole series, scored on it
   * @param candidates the candidates' names
   * @param trainingDays the first training window
   * @param testDays each test period
   */
  public record Result(List<Fold> folds, PeriodScore wholeSeriesInSample, List<String> candidates, int trainingDays,
      int testDays) {

    /**
     * Copies the lists.
     *
     * @param folds folds
     * @param wholeSeriesInSample whole-series figure
     * @param candidates candidate names
     * @param trainingDays training days
     * @param testDays test days
     * @throws ValidationException if there is no fold or no candidate, or a window is not at
     *     least one day
     */
    public Result {
      folds = List.copyOf(folds);
      candidates = List.copyOf(candidates);
      Objects.requireNonNull(wholeSeriesInSample, "wholeSeriesInSample");
      if (folds.isEmpty()) {
        throw new ValidationException("walkForward.folds", 0, "must hold at least one fold");
      }
      if (candidates.isEmpty()) {
        throw new ValidationException("walkForward.candidates", 0, "must hold at least one candidate");
      }
      if (trainingDays < 1) {
        throw new ValidationException("walkForward.trainingDays", trainingDays, "must be >= 1");
      }
      if (testDays < 1) {
        throw new ValidationException("walkForward.testDays", testDays, "must be >= 1");
      }
    }

    /**
     * Out of sample, over all test periods.
     *
     * @return the total
     */
    public PeriodScore outOfSample() {
      return PeriodScore.total("out of sample", folds.stream().map(Fold::outOfSample).toList());
    }

    /**
     * In sample (best candidate per test period, chosen on that period), over the same periods.
     *
     * @return the total
     */
    public PeriodScore hindsight() {
      return PeriodScore.total("in sample (hindsight)", folds.stream().map(Fold::hindsight).toList());
    }
  }

  /**
   * Builds a {@link WalkForward}.
   *
   * <pre>{@code
   * WalkForward.builder().backtest(bt).candidate("rolling", LoadPolicies::rolling).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Backtest backtest;
    private final Map<String, Supplier<LoadPolicy>> candidates = new LinkedHashMap<>();
    private int trainingDays = 28;
    private int testDays = 28;

    private Builder() {}

    /**
     * The whole backtest to walk through, required.
     *
     * @param bt the backtest
     * @return this builder
     */
    public Builder backtest(Backtest bt) {
      this.backtest = Objects.requireNonNull(bt, "backtest");
      return this;
    }

    /**
     * Adds a candidate.
     *
     * @param name a distinct name
     * @param policy makes a fresh policy for each run
     * @return this builder
     */
    public Builder candidate(String name, Supplier<LoadPolicy> policy) {
      Objects.requireNonNull(policy, "policy");
      if (candidates.putIfAbsent(Objects.requireNonNull(name, "name"), policy) != null) {
        throw new ValidationException("walkForward.candidate", name, "must be a distinct name");
      }
      return this;
    }

    /**
     * Days of data before the first test period; defaults to 28.
     *
     * @param days {@code >= 1}
     * @return this builder
     */
    public Builder trainingDays(int days) {
      this.trainingDays = days;
      return this;
    }

    /**
     * Days in each test period; defaults to 28.
     *
     * @param days {@code >= 1}
     * @return this builder
     */
    public Builder testDays(int days) {
      this.testDays = days;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the evaluation
     * @throws ValidationException naming the offending field
     */
    public WalkForward build() {
      Backtest bt = backtest;
      if (bt == null) {
        throw new ValidationException("walkForward.backtest", null, "must be set");
      }
      if (candidates.isEmpty()) {
        throw new ValidationException("walkForward.candidates", 0, "must hold at least one candidate");
      }
      if (trainingDays < 1) {
        throw new ValidationException("walkForward.trainingDays", trainingDays, "must be >= 1");
      }
      if (testDays < 1) {
        throw new ValidationException("walkForward.testDays", testDays, "must be >= 1");
      }
      return new WalkForward(bt, new LinkedHashMap<>(candidates), trainingDays, testDays);
    }
  }
}
