package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
  private static final Map<String, Supplier<LoadPolicy>> CANDIDATES = Map.of(
      "always-mine", LoadPolicies::alwaysMine,
      "threshold-0", () -> LoadPolicies.threshold(0),
      "threshold-50", () -> LoadPolicies.threshold(50));

  private static WalkForward.Result run(Backtest bt) {
    WalkForward.Builder b = WalkForward.builder().backtest(bt).trainingDays(14).testDays(14);
    CANDIDATES.forEach(b::candidate);
    return b.build().run();
  }

  @Test
  void eachPeriodIsScoredWithTheCandidateThatWasBestBeforeIt() {
    PriceSeries p = ErcotFixture.prices().slice(5_000, 5_000 + 96 * 60); // 60 days, summer 2024
    Backtest bt = ErcotFixture.referenceBacktest(p);
    WalkForward.Result r = run(bt);
    int day = 96;
    assertThat(r.folds()).hasSize(3); // 14 training days, then test periods of 14, 14 and 18 (4 days join)
    int split = 14 * day;
    for (WalkForward.Fold f : r.folds()) {
      assertThat(f.outOfSample().from()).isEqualTo(p.start(split));
      // an independent choice: run every candidate on all data before the split
      Backtest training = bt.slice(0, split);
      String best = null;
      double bestProfit = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, Supplier<LoadPolicy>> c : CANDIDATES.entrySet()) {
        double profit = training.profitUsd(c.getValue().get());
        if (profit > bestProfit) {
          bestProfit = profit;
          best = c.getKey();
        }
      }
      assertThat(f.training().profitUsd()).isCloseTo(bestProfit, within(1e-6));
      int end = split + f.outOfSample().intervals();
      assertThat(f.outOfSample().profitUsd())
          .isCloseTo(bt.slice(split, end).profitUsd(CANDIDATES.get(best).get()), within(1e-6));
      // hindsight is the best candidate on the period itself: never below the out-of-sample choice
      assertThat(f.hindsight().profitUsd()).isGreaterThanOrEqualTo(f.outOfSample().profitUsd() - 1e-6);
      split = end;
    }
    assertThat(split).isEqualTo(p.size());
    PeriodScore oos = r.outOfSample();
    assertThat(oos.intervals()).isEqualTo(p.size() - 14 * day);
    assertThat(oos.profitUsd()).isCloseTo(r.folds().stream().mapToDouble(f -> f.outOfSample().profitUsd()).sum(), within(1e-6));
    assertThat(r.hindsight().capturedFlexibilityValue()).isGreaterThanOrEqualTo(oos.capturedFlexibilityValue() - 1e-9);
  }

  @Test
  void aSeriesTooShortForOneTestPeriodIsRefused() {
    Backtest bt = ErcotFixture.referenceBacktest(ErcotFixture.prices().slice(0, 96 * 10));
    assertThatThrownBy(() -> run(bt))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("walkForward.trainingDays"));
  }

  @Test
  void quartersPartitionTheSeriesAndSliversJoinTheirNeighbour() {
    PriceSeries p = Datasets.heldOut("ERCOT HB_NORTH 2023"); // 06:00Z 2023-01-01 .. 05:45Z 2024-01-01
    List<int[]> q = Seasons.quarters(p);
    assertThat(q).hasSize(4);
    assertThat(q.get(0)[0]).isZero();
    assertThat(q.get(3)[1]).isEqualTo(p.size());
    for (int i = 1; i < q.size(); i++) {
      assertThat(q.get(i)[0]).isEqualTo(q.get(i - 1)[1]);
    }
    assertThat(Seasons.label(p, (q.get(3)[0] + q.get(3)[1]) / 2)).isEqualTo("2023Q4");
  }

  @Test
  void aFoldWhoseTrainingReachesIntoItsTestPeriodIsRefused() {
    java.time.Instant d0 = java.time.Instant.parse("2023-07-01T00:00:00Z");
    java.time.Instant d1 = d0.plus(java.time.Duration.ofDays(30));
    java.time.Instant d2 = d1.plus(java.time.Duration.ofDays(7));
    PeriodScore training = new PeriodScore("train", d0, d1.plusSeconds(900), 100, "a", 1, 1, 1, 0);
    PeriodScore test = new PeriodScore("test", d1, d2, 100, "a", 1, 1, 1, 0);
    assertThatThrownBy(() -> new WalkForward.Fold("fold 1", training, test, test))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("fold.training.to");
          assertThat(e.rule()).endsWith("no look-ahead");
        });
    PeriodScore fair = new PeriodScore("train", d0, d1, 100, "a", 1, 1, 1, 0);
    PeriodScore otherPeriod = new PeriodScore("test", d1.plusSeconds(900), d2, 99, "a", 1, 1, 1, 0);
    assertThatThrownBy(() -> new WalkForward.Fold("fold 1", fair, test, otherPeriod))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fold.hindsight"));
    assertThatThrownBy(() -> new WalkForward.Result(List.of(), test, List.of("a"), 30, 7))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("walkForward.folds"));
  }
}
