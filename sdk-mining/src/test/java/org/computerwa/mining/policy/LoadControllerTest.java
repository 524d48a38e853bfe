package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class LoadControllerTest {
  // decisions come from MarketReplay views; see LiveFeedTest for a live feed

  private static SiteProfile leasedSite(PriceSeries p) {
    return SiteProfile.builder().capacityMw(30).miningMaxMw(25).miningMinMw(5).miningRampUpMwPerMinute(1).miningRampDownMwPerMinute(2)
        .gpuSpotMw(10).minDwellMinutes(45).switchCostUsd(200)
        .addLease(GpuLease.of(p.start(10), p.end(60), 12))
        .addLease(GpuLease.of(p.start(40), p.end(90), 8))
        .addLease(GpuLease.of(p.start(150), p.end(199), 30))
        .build();
  }

  /** A policy that proposes arbitrary, often absurd allocations. */
  private static LoadPolicy adversary(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return LoadPolicy.named("adversary", ctx -> {
      double m = rnd.nextInt(4) == 0 ? 1e9 : rnd.nextDouble() * 40;
      double s = rnd.nextDouble() * 40;
      return Allocation.of(m, s, 0, 0);
    });
  }

  @Test
  void theEnvelopeHoldsAgainstRandomAdversarialPolicies() {
    long seed = 42_2026L;
    System.out.println("LoadControllerTest adversarial seed " + seed);
    SplittableRandom seeds = new SplittableRandom(seed);
    PriceSeries p = SeriesFixtures.spiky(seed, 200, 15, 60);
    SiteProfile site = leasedSite(p);
    for (int round = 0; round < 50; round++) {
      AuditLog.InMemory log = AuditLog.inMemory();
      try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(site).policy(adversary(seeds.nextLong())).auditLog(log).build()) {
        int lastSwitch = -100;
        double prev = site.initialMiningMw();
        for (int t = 0; t < p.size(); t++) {
          Decision d = c.decide(SeriesFixtures.replay(p).view(t));
          Allocation a = d.applied();
          double leased = site.leasedMw(p.start(t), p.end(t));
          assertThat(a.aiLeasedMw()).as("lease served at %d", t).isEqualTo(leased);
          assertThat(a.miningMw() + a.aiSpotMw() + a.aiLeasedMw() + a.curtailedMw()).isCloseTo(30, org.assertj.core.api.Assertions.within(1e-9));
          assertThat(a.miningMw()).isLessThanOrEqualTo(25).isLessThanOrEqualTo(30 - leased + 1e-9);
          assertThat(a.miningMw() == 0 || a.miningMw() >= 5).isTrue();
          assertThat(a.aiSpotMw()).isLessThanOrEqualTo(10);
          if (a.miningMw() != prev) {
            boolean forced = prev > 30 - leased;
            if (!forced) {
              assertThat(t - lastSwitch).as("dwell at %d", t).isGreaterThanOrEqualTo(3);
              assertThat(a.miningMw() - prev).as("ramp at %d", t).isBetween(-30.0, 15.0);
            }
            lastSwitch = t;
          }
          prev = a.miningMw();
        }
        assertThat(log.decisions()).hasSize(p.size());
      }
    }
  }

  @Test
  void theSameInputsGiveTheSameDecisions() {
    PriceSeries p = SeriesFixtures.spiky(7, 300, 15, 70);
    List<Allocation> first = run(p, RollingHorizonPolicy.builder().build());
    List<Allocation> second = run(p, RollingHorizonPolicy.builder().build());
    assertThat(second).isEqualTo(first);
    assertThat(run(p, adversary(99))).isEqualTo(run(p, adversary(99)));
  }

  private static List<Allocation> run(PriceSeries p, LoadPolicy policy) {
    List<Allocation> out = new ArrayList<>();
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(leasedSite(p)).policy(policy).actuator(d -> out.add(d.applied())).build()) {
      for (int t = 0; t < p.size(); t++) {
        c.decide(SeriesFixtures.replay(p).view(t));
      }
    }
    return out;
  }

  @Test
  void concurrentSwapsNeverProduceATornDecision() throws Exception {
    PriceSeries p = SeriesFixtures.spiky(3, 2000, 15, 60);
    SiteProfile site = SiteProfile.builder().capacityMw(50).build();
    // Each policy proposes a value that identifies it, twice, with a pause in between.
    List<LoadPolicy> policies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      double mw = 10 * (i + 1);
      policies.add(LoadPolicy.named("p" + (int) mw, ctx -> {
        double first = mw;
        Thread.onSpinWait();
        return ctx.allocate(first, 0);
      }));
    }
    AuditLog.InMemory log = AuditLog.inMemory();
    AtomicInteger swaps = new AtomicInteger();
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(site).policy(policies.get(0)).auditLog(log).build()) {
      AtomicBoolean done = new AtomicBoolean();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> swappers = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        int id = k;
        Thread th = new Thread(() -> {
          SplittableRandom rnd = new SplittableRandom(id);
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          while (!done.get()) {
            c.swapPolicy(policies.get(rnd.nextInt(policies.size())), "swapper " + id);
            swaps.incrementAndGet();
          }
        });
        th.start();
        swappers.add(th);
      }
      start.countDown();
      for (int t = 0; t < p.size(); t++) {
        c.decide(SeriesFixtures.replay(p).view(t));
      }
      done.set(true);
      for (Thread th : swappers) {
        th.join();
      }
    }
    assertThat(log.switches()).hasSize(swaps.get());
    for (Decision d : log.decisions()) {
      assertThat(d.policyName()).isEqualTo("p" + (int) d.proposed().miningMw());
    }
    assertThat(log.decisions()).hasSize(p.size());
  }

  @Test
  void aSwapIsAuditedWithFromToAndReason() {
    AuditLog.InMemory log = AuditLog.inMemory();
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(SiteProfile.builder().capacityMw(5).build())
        .policy(LoadPolicies.alwaysMine()).auditLog(log).build()) {
      PolicySwitch s = c.swapPolicy(LoadPolicies.rolling(), "price spike watch");
      assertThat(s.from()).isEqualTo("always-mine");
      assertThat(s.to()).isEqualTo("rolling");
      assertThat(s.reason()).isEqualTo("price spike watch");
      assertThat(log.switches()).containsExactly(s);
      assertThatThrownBy(() -> c.swapPolicy(LoadPolicies.alwaysMine(), " "))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void aPolicyThatMissesItsDeadlineIsReplacedByHoldingTheSetpoint() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50, 50, 50}, null);
    LoadPolicy slow = LoadPolicy.named("slow", ctx -> {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ctx.allocate(0, 0);
    });
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(SiteProfile.builder().capacityMw(10).build())
        .policy(slow).deadline(Duration.ofMillis(50)).build()) {
      Decision d = c.decide(SeriesFixtures.replay(p).view(0));
      assertThat(d.interventions()).contains(Intervention.DEADLINE);
      assertThat(d.fallback()).isTrue();
      assertThat(d.applied().miningMw()).isEqualTo(10);
      assertThat(d.switched()).isFalse();
      assertThat(d.reason()).startsWith("fallback (hold setpoint) replaced slow");
    }
  }

  @Test
  void aFailingPolicyIsReplacedByTheFallback() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50}, null);
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(SiteProfile.builder().capacityMw(10).build())
        .policy(ctx -> {
          throw new IllegalStateException("boom");
        }).build()) {
      Decision d = c.decide(SeriesFixtures.replay(p).view(0));
      assertThat(d.interventions()).containsExactly(Intervention.POLICY_ERROR);
      assertThat(d.applied().miningMw()).isEqualTo(10);
    }
  }

  @Test
  void leasesThatExceedTheCapacityAreRejected() {
    Instant a = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SiteProfile.builder().capacityMw(10)
        .addLease(GpuLease.of(a, a.plusSeconds(3600), 6)).addLease(GpuLease.of(a.plusSeconds(1800), a.plusSeconds(7200), 6)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("site.leases"));
  }

  private static LoadController.Builder tenMw() {
    return LoadController.builder().decisionLead(Duration.ZERO).site(SiteProfile.builder().capacityMw(10).minDwellMinutes(30).build());
  }

  @Test
  void aSkippedOrRepeatedIntervalIsATypedErrorThatChangesNothing() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50, 500, 50, 50, 50}, null);
    MarketReplay replay = SeriesFixtures.replay(p);
    try (LoadController c = tenMw().policy(LoadPolicies.threshold(0)).build()) {
      c.decide(replay.view(0));
      c.decide(replay.view(1));
      assertThatThrownBy(() -> c.decide(replay.view(1)))
          .isInstanceOfSatisfying(IntervalSequenceException.class, e -> {
            assertThat(e.expected()).isEqualTo(p.start(2));
            assertThat(e.field()).isEqualTo("view.intervalStart");
            assertThat(e.getMessage()).contains("repeated");
          });
      assertThatThrownBy(() -> c.decide(replay.view(3)))
          .isInstanceOfSatisfying(IntervalSequenceException.class, e -> assertThat(e.getMessage()).contains("skipped"));
      Decision d = c.decide(replay.view(2));
      assertThat(d.index()).isEqualTo(2);
      assertThat(d.switched()).isTrue(); // last settled 500 > mining value: curtail
      // the dwell counts from the switch at interval 2, unaffected by the refused calls
      assertThat(c.decide(replay.view(3)).interventions()).contains(Intervention.DWELL);
    }
  }

  @Test
  void aViewTakenInsideTheDecisionLeadIsRefused() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50, 50}, null);
    try (LoadController c = tenMw().decisionLead(Duration.ofMinutes(2)).policy(LoadPolicies.alwaysMine()).build()) {
      assertThatThrownBy(() -> c.decide(SeriesFixtures.replay(p).view(0)))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("view.asOf"));
    }
  }

  @Test
  void aStuckPolicyCannotCaptureTheController() throws Exception {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50, 50, 50, 50}, null);
    MarketReplay replay = SeriesFixtures.replay(p);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    LoadPolicy stuck = LoadPolicy.named("stuck", ctx -> {
      calls.incrementAndGet();
      while (release.getCount() > 0) {
        Thread.onSpinWait(); // ignores interruption on purpose
      }
      return ctx.allocate(0, 0);
    });
    // a deadline long enough for a fresh worker to start and answer on a loaded 2-core machine
    // (50 ms was missed under a parallel build); the stuck policy never answers within any
    try (LoadController c = tenMw().policy(stuck).deadline(Duration.ofSeconds(1)).build()) {
      assertThat(c.decide(replay.view(0)).fallback()).isTrue();
      // still running: the same policy is not called a second time, the fallback stands in
      assertThat(c.decide(replay.view(1)).interventions()).contains(Intervention.DEADLINE);
      assertThat(calls).hasValue(1);
      // a swapped-in policy gets a fresh worker and answers in time
      c.swapPolicy(LoadPolicy.named("quick", ctx -> ctx.allocate(0, 0)), "stuck policy");
      Decision d = c.decide(replay.view(2));
      assertThat(d.fallback()).isFalse();
      assertThat(d.policyName()).isEqualTo("quick");
      assertThat(d.applied().miningMw()).isZero();
    } finally {
      release.countDown();
    }
  }

  @Test
  void callsAfterCloseFailLoudly() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50}, null);
    LoadController c = tenMw().policy(LoadPolicies.alwaysMine()).deadline(Duration.ofMillis(100)).build();
    c.close();
    c.close(); // idempotent
    assertThatThrownBy(() -> c.decide(SeriesFixtures.replay(p).view(0))).isInstanceOf(ControllerClosedException.class);
    assertThatThrownBy(() -> c.swapPolicy(LoadPolicies.rolling(), "after close")).isInstanceOf(ControllerClosedException.class);
  }

  @Test
  void stateCommitsOnlyAfterTheActuatorsConfirm() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50, 500, 50}, null);
    MarketReplay replay = SeriesFixtures.replay(p);
    AtomicBoolean fail = new AtomicBoolean(true);
    List<Decision> confirmed = new ArrayList<>();
    AuditLog.InMemory log = AuditLog.inMemory();
    try (LoadController c = tenMw().policy(LoadPolicies.threshold(0)).auditLog(log)
        .actuator(confirmed::add)
        .actuator(d -> {
          if (d.switched() && fail.getAndSet(false)) {
            throw new IllegalStateException("fleet did not acknowledge");
          }
        }).build()) {
      c.decide(replay.view(0));
      c.decide(replay.view(1));
      assertThatThrownBy(() -> c.decide(replay.view(2)))
          .isInstanceOfSatisfying(ActuationException.class, e -> {
            assertThat(e.decision()).isNotNull();
            assertThat(e.decision().switched()).isTrue();
            assertThat(e.retryable()).isTrue();
          });
      assertThat(log.decisions()).hasSize(2);
      // nothing was committed: the same interval is decided again from the same state
      Decision retry = c.decide(replay.view(2));
      assertThat(retry.switched()).isTrue();
      assertThat(retry.fromMiningMw()).isEqualTo(10);
      assertThat(retry.index()).isEqualTo(2);
      assertThat(log.decisions()).hasSize(3);
    }
  }

  /** Curtails at interval 1, asks for full mining at every other interval. */
  private static final LoadPolicy CURTAIL_ONCE = LoadPolicy.named("curtail-once",
      ctx -> ctx.allocate(ctx.intervalStart().equals(Instant.parse("2024-01-01T00:15:00Z")) ? 0 : 1e9, 0));

  private static SiteProfile dwellSite() {
    return SiteProfile.builder().capacityMw(60).miningMaxMw(50).minDwellMinutes(60).switchCostUsd(500).build();
  }

  @Test
  void theDwellClockIsKeptAcrossALeaseChange() {
    PriceSeries p = SeriesFixtures.spiky(7, 12, 15, 60);
    MarketReplay replay = SeriesFixtures.replay(p);
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(dwellSite()).policy(CURTAIL_ONCE).build()) {
      assertThat(c.decide(replay.view(0)).applied().miningMw()).isEqualTo(50);
      Decision curtail = c.decide(replay.view(1));
      assertThat(curtail.applied().miningMw()).isZero();
      assertThat(curtail.switched()).isTrue();
      // a 10 MW lease from interval 2 on: it leaves room for full mining, so nothing may force a switch
      SiteProfile now = c.replaceLeases(List.of(GpuLease.of(p.start(2), p.end(11), 10)));
      assertThat(now.leases()).hasSize(1);
      assertThat(c.site()).isSameAs(now);
      for (int t = 2; t <= 4; t++) {
        Decision d = c.decide(replay.view(t));
        assertThat(d.applied().miningMw()).as("interval %d is inside the 60-min dwell of the switch at 1", t).isZero();
        assertThat(d.applied().aiLeasedMw()).isEqualTo(10);
        assertThat(d.interventions()).contains(Intervention.DWELL);
        assertThat(d.switched()).isFalse();
      }
      Decision resume = c.decide(replay.view(5));
      assertThat(resume.applied().miningMw()).isEqualTo(50);
      assertThat(resume.switched()).isTrue();
    }
  }

  @Test
  void aLeaseThatLeavesLessRoomForcesTheSetpointDownAtOnceEvenInsideTheDwell() {
    PriceSeries p = SeriesFixtures.spiky(8, 12, 15, 60);
    MarketReplay replay = SeriesFixtures.replay(p);
    LoadPolicy full = LoadPolicy.named("full", ctx -> ctx.allocate(1e9, 0));
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(dwellSite()).policy(full).build()) {
      c.decide(replay.view(0));
      c.replaceLeases(List.of(GpuLease.of(p.start(1), p.end(11), 30)));
      Decision d = c.decide(replay.view(1));
      assertThat(d.applied().miningMw()).isEqualTo(30);
      assertThat(d.applied().aiLeasedMw()).isEqualTo(30);
      assertThat(d.interventions()).contains(Intervention.LEASE);
      // the forced change is a switch: the next intervals hold 30 MW for the dwell even after the lease is gone
      c.replaceLeases(List.of());
      assertThat(c.decide(replay.view(2)).applied().miningMw()).isEqualTo(30);
    }
  }

  @Test
  void leasesThatDoNotFitAreRefusedAndChangeNothing() {
    PriceSeries p = SeriesFixtures.spiky(9, 12, 15, 60);
    try (LoadController c = LoadController.builder().decisionLead(Duration.ZERO).site(dwellSite()).policy(LoadPolicies.alwaysMine())
        .build()) {
      SiteProfile before = c.site();
      assertThatThrownBy(() -> c.replaceLeases(List.of(GpuLease.of(p.start(0), p.end(5), 40), GpuLease.of(p.start(2), p.end(6), 30))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("site.leases");
      assertThat(c.site()).isSameAs(before);
      c.close();
      assertThatThrownBy(() -> c.replaceLeases(List.of())).isInstanceOf(ControllerClosedException.class);
    }
  }
}
