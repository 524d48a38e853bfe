package org.computerwa.examples.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.mining.policy.AuditLog;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SettledPrice;
import org.junit.jupiter.api.Test;

class LivePolicyExampleTest {
  private static final Instant DAY_START = Instant.parse("2024-08-20T05:00:00Z");   // midnight CDT
  private static final Instant NOON = Instant.parse("2024-08-20T17:00:00Z");

  @Test
  void theDayRunsNinetySixDecisionsWithOneAuditedSwitchAtNoonAndTheLeaseServedInFull() {
    StringWriter out = new StringWriter();
    AuditLog.InMemory audit = LivePolicyExample.run(LivePolicyExample.prices(), new PrintWriter(out));
    List<Decision> decisions = audit.decisions();
    assertThat(decisions).hasSize(96);
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      Instant interval = DAY_START.plus(Duration.ofMinutes(15L * i));
      assertThat(d.intervalStart()).isEqualTo(interval);
      // The switch comes at the first decision time at or after noon (12:10, for 12:15); a swap
      // takes effect from the next decision, so the 12:00 interval was still decided by always-mine.
      assertThat(d.policyName()).as("policy at %s", interval)
          .isEqualTo(interval.isBefore(NOON.plus(Duration.ofMinutes(15))) ? "always-mine" : "rolling");
      boolean leased = !interval.isBefore(LivePolicyExample.LEASE.start()) && interval.isBefore(LivePolicyExample.LEASE.end());
      assertThat(d.applied().aiLeasedMw()).as("leased MW at %s", interval).isEqualTo(leased ? 20.0 : 0.0);
      assertThat(d.applied().miningMw() + d.applied().aiLeasedMw()).isLessThanOrEqualTo(50.0 + 1e-9);
    }
    assertThat(audit.switches()).hasSize(1);
    assertThat(audit.switches().get(0).from()).isEqualTo("always-mine");
    assertThat(audit.switches().get(0).to()).isEqualTo("rolling");
    String last = out.toString().lines().reduce((a, b) -> b).orElseThrow();
    double mined = decisions.stream().mapToDouble(d -> d.applied().miningMw() / 4).sum();
    assertThat(last).isEqualTo(String.format(java.util.Locale.ROOT,
        "96 decisions, 1 policy switch (evening scarcity expected; weigh prices from noon), %.1f MWh mined", mined));
  }

  @Test
  void theFeedReleasesASettledPriceOnlyFiveMinutesAfterItsIntervalEnds() {
    PriceSeries history = LivePolicyExample.prices();
    MarketRules ercot = MarketRules.ercot(Duration.ofMinutes(5));
    Instant asOf = Instant.parse("2024-08-20T17:55:00Z");
    List<SettledPrice> settled = LivePolicyExample.settledAsOf(history, ercot, asOf);
    // 17:30-17:45 was published at 17:50; 17:45-18:00 ends after the decision time.
    SettledPrice newest = settled.get(settled.size() - 1);
    assertThat(newest.intervalStart()).isEqualTo(Instant.parse("2024-08-20T17:30:00Z"));
    assertThat(newest.publishedAt()).isEqualTo(Instant.parse("2024-08-20T17:50:00Z"));
    // The last 24 hours: from the 18:00 interval of the day before (starts at or after 17:55).
    assertThat(settled.get(0).intervalStart()).isEqualTo(Instant.parse("2024-08-19T18:00:00Z"));
    assertThat(settled).hasSize(95).allMatch(p -> !p.publishedAt().isAfter(asOf));
    // The price is the file's own (row of 17:30 UTC).
    int row = (int) Duration.between(history.start(0), newest.intervalStart()).toMinutes() / 15;
    assertThat(newest.usdPerMwh()).isEqualTo(history.realTimeUsdPerMwh(row));
  }

  @Test
  void theSubcommandPrintsTheSameDay() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("example-live-policy");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    StringWriter direct = new StringWriter();
    LivePolicyExample.run(LivePolicyExample.prices(), new PrintWriter(direct));
    assertThat(out.toString()).isEqualTo(direct.toString()).contains("96 decisions, 1 policy switch");
  }
}
