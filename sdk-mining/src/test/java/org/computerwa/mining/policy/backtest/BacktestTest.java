package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.Allocation;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;
import org.junit.jupiter.api.Test;

class BacktestTest {

  /**
   * A regression guard, not a performance claim: the rolling defaults were chosen on this file
   * (in sample). Out-of-sample figures come from {@link WalkForward}.
   */
  @Test
  void onTheWholeErcotFileTheRollingPolicyBeatsThePlainThreshold() {
    Backtest bt = ErcotFixture.referenceBacktest(ErcotFixture.prices());
    BacktestResult r = bt.run(LoadPolicies.rolling());
    BacktestResult plain = bt.run(LoadPolicies.threshold(0));
    System.out.printf("ERCOT in sample: rolling %.4f, threshold %.4f, profit %.0f, always-mine %.0f, optimum %.0f, switches %d%n",
        r.capturedFlexibilityValue(), plain.capturedFlexibilityValue(), r.profitUsd(), r.alwaysMineProfitUsd(),
        r.optimumProfitUsd(), r.switches());
    assertThat(r.capturedFlexibilityValue()).isGreaterThan(plain.capturedFlexibilityValue()).isGreaterThan(0.7);
    assertThat(plain.capturedFlexibilityValue()).isGreaterThan(0.5);
    assertThat(r.slaBreaches()).isZero();
  }

  /** Sub-periods (calendar months) and synthetic variants of the ERCOT file. */
  static Map<String, PriceSeries> variants() {
    PriceSeries all = ErcotFixture.prices();
    Map<String, PriceSeries> v = new LinkedHashMap<>();
    int start = 0;
    String month = all.start(0).toString().substring(0, 7);
    for (int t = 1; t <= all.size(); t++) {
      String m = t < all.size() ? all.start(t).toString().substring(0, 7) : "";
      if (!m.equals(month)) {
        if (t - start > 96 * 7) {
          v.put("month " + month, all.slice(start, t));
        }
        start = t;
        month = m;
      }
    }
    v.put("negative prices (all - 60 USD)", map(all, x -> x - 60));
    v.put("no spikes (capped at 150 USD)", map(all, x -> Math.min(x, 150)));
    v.put("calm x0.5 around 30 USD", map(all, x -> 30 + 0.5 * (x - 30)));
    v.put("volatile x1.5 around 30 USD", map(all, x -> 30 + 1.5 * (x - 30)));
    v.put("winter-like (Nov-Dec, +40 USD)", map(all.slice(findMonth(all, "2024-11"), all.size()), x -> x + 40));
    v.put("no day-ahead column", withoutDayAhead(all));
    return v;
  }

  private static int findMonth(PriceSeries p, String month) {
    for (int t = 0; t < p.size(); t++) {
      if (p.start(t).toString().startsWith(month)) {
        return t;
      }
    }
    throw new IllegalStateException(month);
  }

  static PriceSeries map(PriceSeries p, DoubleUnaryOperator f) {
    List<Instant> starts = new ArrayList<>();
    double[] rt = new double[p.size()];
    double[] da = new double[p.size()];
    for (int t = 0; t < p.size(); t++) {
      starts.add(p.start(t));
      rt[t] = f.applyAsDouble(p.realTimeUsdPerMwh(t));
      da[t] = f.applyAsDouble(p.dayAheadUsdPerMwh(t).orElseThrow());
    }
    return PriceSeries.of(starts, rt, da);
  }

  static PriceSeries withoutDayAhead(PriceSeries p) {
    List<Instant> starts = new ArrayList<>();
    double[] rt = new double[p.size()];
    for (int t = 0; t < p.size(); t++) {
      starts.add(p.start(t));
      rt[t] = p.realTimeUsdPerMwh(t);
    }
    return PriceSeries.of(starts, rt, null);
  }

  @Test
  void theRollingPolicyDoesNoHarmOnSubPeriodsAndVariants() {
    System.out.println("variant | always-mine | optimum | threshold CFV | rolling CFV | rolling switches");
    for (Map.Entry<String, PriceSeries> e : variants().entrySet()) {
      Backtest bt = ErcotFixture.referenceBacktest(e.getValue());
      BacktestResult rolling = bt.run(LoadPolicies.rolling());
      BacktestResult threshold = bt.run(LoadPolicies.threshold(0));
      System.out.printf("%s | %.0f | %.0f | %.3f | %.3f | %d%n", e.getKey(), rolling.alwaysMineProfitUsd(),
          rolling.optimumProfitUsd(), threshold.capturedFlexibilityValue(), rolling.capturedFlexibilityValue(),
          rolling.switches());
      assertThat(rolling.profitUsd()).as(e.getKey()).isLessThanOrEqualTo(rolling.optimumProfitUsd() + 1e-6);
      assertThat(rolling.slaBreaches()).isZero();
      // Where there is little flexibility value to capture, a policy that only knows the past may
      // trail always-mine slightly; it must never lose more than 1 % of always-mine's profit.
      assertThat(rolling.profitUsd()).as(e.getKey())
          .isGreaterThanOrEqualTo(rolling.alwaysMineProfitUsd() - 0.01 * Math.abs(rolling.alwaysMineProfitUsd()));
    }
  }

  @Test
  void noPolicyEverBeatsTheOptimum() {
    long seed = 777L;
    System.out.println("noPolicyEverBeatsTheOptimum seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    PriceSeries all = ErcotFixture.prices();
    List<PriceSeries> series = List.of(all.slice(0, 2000), all.slice(7000, 8500), all.slice(15000, 16500),
        map(all.slice(3000, 4000), x -> x - 80), withoutDayAhead(all.slice(9000, 10000)));
    SiteProfile leased = SiteProfile.builder().capacityMw(60).miningMaxMw(50).miningMinMw(10).miningRampMwPerMinute(2)
        .gpuSpotMw(15).minDwellMinutes(45).switchCostUsd(300)
        .addLease(GpuLease.of(all.start(0), all.start(all.size() - 1), 5)).build();
    for (PriceSeries p : series) {
      for (SiteProfile site : List.of(ErcotFixture.referenceSite(), leased)) {
        Backtest bt = ErcotFixture.timed().prices(p).site(site).hashpriceUsdPerPhDay(50).aiMarginUsdPerMwh(120).build();
        double optimum = bt.optimumProfitUsd();
        List<LoadPolicy> policies = new ArrayList<>();
        for (String name : LoadPolicies.names()) {
          policies.add(LoadPolicies.byName(name));
        }
        for (int i = 0; i < 5; i++) {
          SplittableRandom r = rnd.split();
          policies.add(ctx -> Allocation.of(r.nextInt(70), r.nextInt(20), 0, 0));
        }
        for (LoadPolicy policy : policies) {
          assertThat(bt.profitUsd(policy)).as(policy.name()).isLessThanOrEqualTo(optimum + 1e-6);
        }
      }
    }
  }

  @Test
  void aCsvWithAByteOrderMarkAndOffsetTimestampsIsRead() {
    String csv = "\uFEFFtimestamp_utc,rt_spp_usd_per_mwh,filled\r\n2024-01-01T00:00:00+00:00,10,0\r\n2024-01-01T00:15:00Z,11,0\r\n";
    PriceSeries p = PriceSeriesCsv.read(new StringReader(csv));
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.intervalMinutes()).isEqualTo(15);
    assertThat(p.hasDayAhead()).isFalse();
  }

  @Test
  void aCsvWithAGapIsRejectedNamingTheLine() {
    String csv = "timestamp_utc,rt_spp_usd_per_mwh\n2024-01-01T00:00:00Z,10\n2024-01-01T00:15:00Z,11\n2024-01-01T00:45:00Z,12\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PriceSeriesCsv.read(new StringReader(csv)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prices[2].timestamp"));
  }

  @Test
  void aCsvWithABadPriceIsRejectedNamingTheLineAndColumn() {
    String csv = "timestamp_utc,rt_spp_usd_per_mwh\n2024-01-01T00:00:00Z,ten\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PriceSeriesCsv.read(new StringReader(csv)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("prices[line 2].rt_spp_usd_per_mwh"));
  }
}
