package org.computerwa.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketReplay;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.Scenario;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's chain-free contract, over one real ERCOT day: leases, dispatch and period reporting. */
class SiteLoopTest {
  private static final Duration LEAD = Duration.ofMinutes(5);

  @TempDir Path dir;

  /** Records what the loop hands over, with the decision time of each flush. */
  private static final class RecordingSink implements StatementSink {
    final List<UsageStatement> accepted = new ArrayList<>();
    final List<Instant> flushes = new ArrayList<>();

    @Override
    public void accept(UsageStatement statement) {
      accepted.add(statement);
    }

    @Override
    public void flush(Instant until) {
      flushes.add(until);
    }
  }

  private PriceSeries oneDay() throws Exception {
    Path file = dir.resolve("prices.csv");
    try (InputStream in = getClass().getResourceAsStream("/org/computerwa/examples/policy/ercot_hb_south_2024-08-19_21.csv")) {
      Files.copy(in, file);
    }
    return PriceSeriesCsv.read(file).slice(0, 96);
  }

  @Test
  void aLeaseThatAppearsMidDayIsServedInFullAndEveryEndedHourIsReportedOnce() throws Exception {
    PriceSeries day = oneDay();
    Instant start = day.start(0);
    GpuLease lease = GpuLease.of(start.plus(Duration.ofHours(6)), start.plus(Duration.ofHours(12)), 5);
    List<GpuLease> onChain = new ArrayList<>();
    SimulatedFleet fleet = SimulatedFleet.builder().gpuDevices(2).intervalMinutes(15)
        .outage(1, start.plus(Duration.ofHours(7)), Duration.ofHours(1), 5_000).build();
    List<Address> devices = List.of(SigningKey.fromSecret(BigInteger.valueOf(11)).address(),
        SigningKey.fromSecret(BigInteger.valueOf(12)).address());
    Address meter = SigningKey.fromSecret(BigInteger.valueOf(13)).address();
    RecordingSink sink = new RecordingSink();
    SiteProfile site = SiteProfile.builder().capacityMw(50).miningMaxMw(50).efficiencyJPerTh(20).gpuSpotMw(2.5)
        .minDwellMinutes(60).switchCostUsd(500).resolutionMw(0.25).build();
    try (SiteLoop loop = SiteLoop.builder().site(site).policy(LoadPolicies.rolling()).decisionLead(LEAD)
        .feed(ReplayPriceFeed.of(MarketReplay.builder().prices(day).rules(MarketRules.ercot(Duration.ofMinutes(5)))
            .decisionLead(LEAD).scenario(Scenario.constant(50, 150)).build()))
        .leases(() -> List.copyOf(onChain)).actuator(fleet)
        .statements(FleetStatements.of(fleet, BigInteger.ONE, meter, devices, Duration.ZERO))
        .sink(sink).period(Duration.ofHours(1)).periodsPerBatch(6).build()) {
      int t = 0;
      while (loop.hasNext()) {
        if (t == 8) {
          onChain.add(lease); // accepted at 02:00, runs 06:00 .. 12:00
        }
        Decision d = loop.step();
        boolean leased = lease.overlaps(day.start(t), day.end(t));
        assertThat(d.applied().aiLeasedMw()).as("interval " + t).isEqualTo(leased ? 5.0 : 0.0);
        // Statements handed over so far all describe hours that ended before this decision.
        Instant decidedAt = day.start(t).minus(LEAD);
        assertThat(sink.accepted).allSatisfy(s -> assertThat(s.periodEnd()).isBeforeOrEqualTo(decidedAt));
        t++;
      }
      assertThat(loop.leaseChanges()).isEqualTo(1);
      assertThat(sink.flushes).hasSize(3); // hours 0-5, 6-11, 12-17 by the last decision
      loop.finish();
      assertThat(loop.periodsReported()).isEqualTo(24);
    }
    assertThat(sink.flushes).containsExactly(start.plus(Duration.ofHours(6)), start.plus(Duration.ofHours(12)),
        start.plus(Duration.ofHours(18)), start.plus(Duration.ofHours(24)));
    assertThat(sink.accepted).hasSize(24 * 3);
    UsageStatement outage = sink.accepted.stream()
        .filter(s -> s.device().equals(devices.get(1)) && s.periodStart().equals(start.plus(Duration.ofHours(7))))
        .findFirst().orElseThrow();
    assertThat(outage.availabilityBps()).isEqualTo(5_000);
    assertThat(outage.value()).isEqualTo(BigInteger.valueOf(1_800));
    UsageStatement energyAtNine = sink.accepted.stream()
        .filter(s -> s.kind() == UsageKind.ENERGY && s.periodStart().equals(start.plus(Duration.ofHours(9))))
        .findFirst().orElseThrow();
    double gpuMwh = fleet.ran().subList(36, 40).stream().mapToDouble(r -> (r.aiSpotMw() + r.aiLeasedMw()) * r.hours()).sum();
    assertThat(energyAtNine.value()).isEqualTo(BigInteger.valueOf(Math.round(gpuMwh * 1_000_000)));
    assertThat(gpuMwh).isGreaterThanOrEqualTo(5.0);
  }

  @Test
  void aLeaseChangeKeepsTheDwellClockOfTheCurrentSetpoint() throws Exception {
    PriceSeries day = oneDay();
    Instant start = day.start(0);
    Instant curtailAt = day.start(4);
    // curtails at interval 4, asks for full mining everywhere else
    org.computerwa.mining.policy.LoadPolicy curtailOnce = org.computerwa.mining.policy.LoadPolicy.named("curtail-once",
        ctx -> ctx.allocate(ctx.intervalStart().equals(curtailAt) ? 0 : 1e9, 0));
    List<GpuLease> onChain = new ArrayList<>();
    SimulatedFleet fleet = SimulatedFleet.builder().gpuDevices(1).intervalMinutes(15).build();
    SiteProfile site = SiteProfile.builder().capacityMw(50).miningMaxMw(40).efficiencyJPerTh(20).gpuSpotMw(2)
        .minDwellMinutes(60).switchCostUsd(500).build();
    try (SiteLoop loop = SiteLoop.builder().site(site).policy(curtailOnce).decisionLead(LEAD)
        .feed(ReplayPriceFeed.of(MarketReplay.builder().prices(day).rules(MarketRules.ercot(Duration.ofMinutes(5)))
            .decisionLead(LEAD).scenario(Scenario.constant(50, 0)).build()))
        .leases(() -> List.copyOf(onChain)).actuator(fleet)
        .statements(FleetStatements.of(fleet, BigInteger.ONE, SigningKey.fromSecret(BigInteger.valueOf(13)).address(),
            List.of(SigningKey.fromSecret(BigInteger.valueOf(11)).address()), Duration.ZERO))
        .sink(new RecordingSink()).period(Duration.ofHours(1)).periodsPerBatch(6).build()) {
      List<Double> mining = new ArrayList<>();
      for (int t = 0; t < 10; t++) {
        if (t == 5) {
          onChain.add(GpuLease.of(day.start(5), start.plus(Duration.ofHours(6)), 5)); // leaves room for 40 MW of mining
        }
        mining.add(loop.step().applied().miningMw());
      }
      assertThat(loop.leaseChanges()).isEqualTo(1);
      // the switch at 4 holds through 7 (60 min of 15-min intervals) although the leases changed at 5
      assertThat(mining).containsExactly(40.0, 40.0, 40.0, 40.0, 0.0, 0.0, 0.0, 0.0, 40.0, 40.0);
    }
  }

  @Test
  void aSiteWithItsOwnLeasesIsRefusedBecauseLeasesComeFromTheSource() {
    SiteProfile site = SiteProfile.builder().capacityMw(10).miningMaxMw(10).efficiencyJPerTh(20).gpuSpotMw(1)
        .addLease(GpuLease.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"), 1)).build();
    assertThatThrownBy(() -> SiteLoop.builder().site(site))
        .isInstanceOf(ValidationException.class).hasMessageContaining("site.leases");
  }

  @Test
  void aFleetRefusesAnOutageOfADeviceItDoesNotHave() {
    SimulatedFleet.Builder b = SimulatedFleet.builder().gpuDevices(2).intervalMinutes(15)
        .outage(2, Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1), 0);
    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class).hasMessageContaining("outage.device");
    assertThatThrownBy(() -> SimulatedFleet.builder().outage(0, Instant.EPOCH, Duration.ofHours(1), 10_000))
        .isInstanceOf(ValidationException.class).hasMessageContaining("availabilityBps");
  }
}
