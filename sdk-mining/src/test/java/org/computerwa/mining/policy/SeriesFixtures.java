package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic price series for tests. */
final class SeriesFixtures {
  private SeriesFixtures() {}

  static PriceSeries of(int minutes, double[] rt, double[] da) {
    List<Instant> starts = new ArrayList<>();
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < rt.length; i++) {
      starts.add(t0.plusSeconds(60L * minutes * i));
    }
    return PriceSeries.of(starts, rt, da);
  }

  /** A replay of {@code p} at 50 USD/PH/day with no decision lead and no publication delay. */
  static MarketReplay replay(PriceSeries p) {
    return MarketReplay.builder().prices(p).rules(MarketRules.ercot(java.time.Duration.ZERO))
        .decisionLead(java.time.Duration.ZERO).scenario(Scenario.constant(50, 0)).build();
  }

  /** A spiky random walk around {@code mean} with day-ahead prices that are noisy versions of it. */
  static PriceSeries spiky(long seed, int n, int minutes, double mean) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] rt = new double[n];
    double[] da = new double[n];
    double level = mean;
    for (int i = 0; i < n; i++) {
      level += 0.2 * (mean - level) + rnd.nextGaussian() * 8;
      double spike = rnd.nextDouble() < 0.01 ? rnd.nextDouble() * 2000 : 0;
      rt[i] = level + spike;
      da[i] = level + rnd.nextGaussian() * 10 + (spike > 0 && rnd.nextBoolean() ? spike / 3 : 0);
    }
    return of(minutes, rt, da);
  }
}
