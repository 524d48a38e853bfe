package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketReplayTest {

  /** Three Chicago operating days from 2024-08-20 00:00 CDT, 15-minute intervals; DA price = index. */
  private static PriceSeries threeDays() {
    Instant t0 = ZonedDateTime.of(LocalDate.of(2024, 8, 20), LocalTime.MIDNIGHT, MarketRules.ERCOT_ZONE).toInstant();
    List<Instant> starts = new ArrayList<>();
    double[] rt = new double[288];
    double[] da = new double[288];
    for (int i = 0; i < 288; i++) {
      starts.add(t0.plusSeconds(900L * i));
      rt[i] = 1000 + i;
      da[i] = i;
    }
    return PriceSeries.of(starts, rt, da);
  }

  private static MarketReplay replay(PriceSeries p, int leadMinutes, int delayMinutes) {
    return MarketReplay.builder().prices(p).rules(MarketRules.ercot(Duration.ofMinutes(delayMinutes)))
        .decisionLead(Duration.ofMinutes(leadMinutes)).scenario(Scenario.constant(50, 0)).build();
  }

  /** Chicago local time of each decided interval, lead, and the expected DA count (independent arithmetic). */
  @ParameterizedTest(name = "interval {0} CDT, lead {1} min: {2} day-ahead prices")
  @CsvSource({
    "13:15, 0, 43",   // before 13:30: only today (until 24:00 = index 96), 96 - 53
    "13:30, 0, 138",  // at 13:30 tomorrow is published: until index 192, 192 - 54
    "13:30, 5, 42",   // decided at 13:25: not yet, 96 - 54
    "13:45, 0, 137",
    "00:00, 0, 96",
  })
  void dayAheadPricesAppearAtTheMarketsPublicationTime(String local, int lead, int expected) {
    PriceSeries p = threeDays();
    LocalTime at = LocalTime.parse(local);
    int index = at.getHour() * 4 + at.getMinute() / 15;
    MarketView v = replay(p, lead, 0).view(index);
    assertThat(v.dayAheadCount()).isEqualTo(expected);
    PolicyContext ctx = new PolicyContext(v, SiteProfile.builder().capacityMw(1).build(), 1, 1, 1, 0, 1);
    assertThat(ctx.dayAheadUsdPerMwh(0)).isEqualTo(index);
    assertThat(ctx.dayAheadUsdPerMwh(expected - 1)).isEqualTo(index + expected - 1);
    assertThatThrownBy(() -> ctx.dayAheadUsdPerMwh(expected)).isInstanceOf(ValidationException.class);
  }

  @Test
  void aSettledPriceAppearsOnlyAfterItsIntervalEndedAndThePublicationDelayPassed() {
    PriceSeries p = threeDays();
    // decided at start(10) - 5 min; interval 9 ends at start(10) and is out 5 min later: not visible;
    // interval 8 ended at start(9) = start(10) - 15 min, out at -10 min: visible.
    MarketView v = replay(p, 5, 5).view(10);
    assertThat(v.settledCount()).isEqualTo(9);
    PolicyContext ctx = new PolicyContext(v, SiteProfile.builder().capacityMw(1).build(), 1, 1, 1, 0, 1);
    assertThat(ctx.settledUsdPerMwh(1)).isEqualTo(1008);
    assertThat(ctx.settledIntervalStart(1)).isEqualTo(p.start(8));
    assertThat(ctx.decisionTime()).isEqualTo(p.start(10).minusSeconds(300));
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(10)).isInstanceOf(ValidationException.class);
    // with no lead and no delay the previous interval is known, never the decided one
    MarketView now = replay(p, 0, 0).view(10);
    assertThat(now.settledCount()).isEqualTo(10);
    assertThat(new PolicyContext(now, SiteProfile.builder().capacityMw(1).build(), 1, 1, 1, 0, 1).settledUsdPerMwh(1))
        .isEqualTo(1009);
  }

  @Test
  void theFirstIntervalHasNoSettledPrice() {
    assertThat(replay(threeDays(), 0, 0).view(0).settledCount()).isZero();
  }

  @Test
  void aMarketWithoutDayAheadShowsNone() {
    MarketView v = MarketReplay.builder().prices(threeDays()).rules(MarketRules.realTimeOnly(Duration.ZERO))
        .decisionLead(Duration.ZERO).scenario(Scenario.constant(50, 0)).build().view(5);
    assertThat(v.dayAheadCount()).isZero();
  }

  @Test
  void everyTimingFieldIsRequired() {
    PriceSeries p = threeDays();
    assertThatThrownBy(() -> MarketReplay.builder().prices(p).decisionLead(Duration.ZERO).scenario(Scenario.constant(1, 0)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replay.rules"));
    assertThatThrownBy(() -> MarketReplay.builder().prices(p).rules(MarketRules.realTimeOnly(Duration.ZERO))
            .scenario(Scenario.constant(1, 0)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replay.decisionLead"));
    assertThatThrownBy(() -> MarketReplay.builder().prices(p).rules(MarketRules.realTimeOnly(Duration.ZERO))
            .decisionLead(Duration.ofMinutes(-1)).scenario(Scenario.constant(1, 0)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replay.decisionLead"));
    assertThatThrownBy(() -> replay(p, 0, 0).view(288))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replay.index"));
  }

  @Test
  void theErcotDayAheadPublicationFollowsDaylightSavingTime() {
    MarketRules ercot = MarketRules.ercot(Duration.ZERO);
    assertThat(ercot.dayAheadPublication(LocalDate.of(2024, 7, 1))).isEqualTo(Instant.parse("2024-06-30T18:30:00Z"));
    assertThat(ercot.dayAheadPublication(LocalDate.of(2024, 12, 1))).isEqualTo(Instant.parse("2024-11-30T19:30:00Z"));
  }
}
