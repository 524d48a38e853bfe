package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.computerwa.mining.policy.LoadPolicies;
import org.junit.jupiter.api.Test;

class BacktestTest {

  @Test
  void theRollingPolicyCapturesAtLeast85PercentOnTheErcotFile() {
    Backtest bt = ErcotFixture.referenceBacktest(ErcotFixture.prices());
    for (String name : LoadPolicies.NAMES) {
      BacktestResult r = bt.run(LoadPolicies.byName(name));
      System.out.printf("%s profit=%.0f mine=%.0f opt=%.0f cfv=%.4f switches=%d%n", name, r.profitUsd(),
          r.alwaysMineProfitUsd(), r.optimumProfitUsd(), r.capturedFlexibilityValue(), r.switches());
    }
    BacktestResult r = bt.run(LoadPolicies.rolling());
    assertThat(r.capturedFlexibilityValue()).isGreaterThanOrEqualTo(0.85);
  }
}
