package org.computerwa.mining.policy.backtest;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;

/** The shared ERCOT fixture and the reference site of the captured-flexibility target. */
final class ErcotFixture {
  static final String FILE = "/org/computerwa/mining/policy/ercot_hb_south_rt15_2024-06-01_2024-12-17.csv";
  private static PriceSeries cached;

  private ErcotFixture() {}

  static synchronized PriceSeries prices() {
    if (cached == null) {
      try (Reader in = new InputStreamReader(
          Objects.requireNonNull(ErcotFixture.class.getResourceAsStream(FILE), FILE), StandardCharsets.UTF_8)) {
        cached = PriceSeriesCsv.read(in);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cached;
  }

  static SiteProfile referenceSite() {
    return SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();
  }

  /** ERCOT's publication rules with settled prices out 5 minutes after their interval. */
  static final MarketRules MARKET = MarketRules.ercot(Duration.ofMinutes(5));
  /** Commands go out 5 minutes before their interval. */
  static final Duration LEAD = Duration.ofMinutes(5);

  /** A backtest builder with the reference market timing. */
  static Backtest.Builder timed() {
    return Backtest.builder().market(MARKET).decisionLead(LEAD);
  }

  static Backtest referenceBacktest(PriceSeries prices) {
    return timed().prices(prices).site(referenceSite()).hashpriceUsdPerPhDay(50).build();
  }
}
