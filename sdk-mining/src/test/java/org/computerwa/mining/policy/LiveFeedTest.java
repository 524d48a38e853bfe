package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.junit.jupiter.api.Test;

/**
 * Drives a controller the way a live site does: a feed publishes settled prices some minutes
 * after each interval and each operating day's day-ahead curve at 13:30 Central the day before;
 * at each decision time the caller builds a view from what the feed has published so far — no
 * price is invented or taken from the future.
 */
class LiveFeedTest {
  private static final Duration DELAY = Duration.ofMinutes(5);
  private static final Duration LEAD = Duration.ofMinutes(5);
  private static final MarketRules ERCOT = MarketRules.ercot(DELAY);

  /** A feed of publications recorded from real ERCOT prices; it answers only "what is out by now". */
  private static final class Feed {
    private final List<SettledPrice> settled = new ArrayList<>();
    private final List<DayAheadCurve> curves = new ArrayList<>();

    Feed(PriceSeries history) {
      int minutes = history.intervalMinutes();
      for (int i = 0; i < history.size(); i++) {
        settled.add(new SettledPrice(history.start(i), history.end(i).plus(DELAY), history.realTimeUsdPerMwh(i)));
      }
      LocalDate first = history.start(0).atZone(ERCOT.zone()).toLocalDate();
      LocalDate last = history.start(history.size() - 1).atZone(ERCOT.zone()).toLocalDate();
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        Instant from = day.atStartOfDay(ERCOT.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ERCOT.zone()).toInstant();
        List<Double> prices = new ArrayList<>();
        Instant firstStart = null;
        for (int i = 0; i < history.size(); i++) {
          if (!history.start(i).isBefore(from) && history.start(i).isBefore(to)) {
            firstStart = firstStart == null ? history.start(i) : firstStart;
            prices.add(history.dayAheadUsdPerMwh(i).orElseThrow());
          }
        }
        curves.add(DayAheadCurve.of(ERCOT.dayAheadPublication(day), Objects.requireNonNull(firstStart), minutes,
            prices.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }

    /** The last {@code keep} settled prices published by {@code now}. */
    List<SettledPrice> settledBy(Instant now, int keep) {
      List<SettledPrice> out = new ArrayList<>();
      for (SettledPrice p : settled) {
        if (!p.publishedAt().isAfter(now)) {
          out.add(p);
        }
      }
      return out.subList(Math.max(0, out.size() - keep), out.size());
    }

    List<DayAheadCurve> curvesBy(Instant now) {
      List<DayAheadCurve> out = new ArrayList<>();
      for (DayAheadCurve c : curves) {
        if (!c.publishedAt().isAfter(now)) {
          out.add(c);
        }
      }
      return out;
    }
  }

  private static PriceSeries ercotSlice() {
    String file = "/org/computerwa/mining/policy/ercot_hb_south_rt15_2024-06-01_2024-12-17.csv";
    try (Reader in = new InputStreamReader(Objects.requireNonNull(LiveFeedTest.class.getResourceAsStream(file)),
        StandardCharsets.UTF_8)) {
      return PriceSeriesCsv.read(in).slice(7_000, 9_000); // mid-August 2024, with the scarcity event
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SiteProfile site() {
    return SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();
  }

  @Test
  void aControllerFedLiveDecidesExactlyAsTheReplayOfTheSameHistory() {
    PriceSeries history = ercotSlice();
    Feed feed = new Feed(history);
    MarketReplay replay = MarketReplay.builder().prices(history).rules(ERCOT).decisionLead(LEAD)
        .scenario(Scenario.constant(50, 0)).build();
    for (String name : List.of("rolling", "threshold", "greedy")) {
      List<Allocation> live = new ArrayList<>();
      List<Allocation> replayed = new ArrayList<>();
      int switches = 0;
      try (LoadController fromFeed = LoadController.builder().site(site()).policy(LoadPolicies.byName(name)).decisionLead(LEAD)
              .actuator(d -> live.add(d.applied())).build();
          LoadController fromFile = LoadController.builder().site(site()).policy(LoadPolicies.byName(name)).decisionLead(LEAD)
              .actuator(d -> replayed.add(d.applied())).build()) {
        for (int t = 0; t < history.size(); t++) {
          Instant now = history.start(t).minus(LEAD);
          MarketView.Builder withCurves = MarketView.builder().intervalStart(history.start(t)).intervalMinutes(15).asOf(now)
              .settled(feed.settledBy(now, 96)).hashpriceUsdPerPhDay(50);
          feed.curvesBy(now).forEach(withCurves::addDayAhead);
          MarketView view = withCurves.build();
          MarketView fromReplay = replay.view(t);
          assertThat(view.dayAheadCount()).as("day-ahead visible at %s", now).isEqualTo(fromReplay.dayAheadCount());
          Decision d = fromFeed.decide(view);
          fromFile.decide(fromReplay);
          switches += d.switched() ? 1 : 0;
        }
      }
      assertThat(live).as(name).isEqualTo(replayed);
      assertThat(switches).as("%s switches on the slice", name).isPositive();
    }
  }
}
