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

  private static SiteProfile leasedSite(PriceSeries p) {
    return SiteProfile.builder().capacityMw(30).miningMaxMw(25).miningMinMw(5).miningRampMwPerMinute(1)
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
      try (LoadController c = LoadController.builder().site(site).policy(adversary(seeds.nextLong())).auditLog(log).build()) {
        int lastSwitch = -100;
        double prev = site.initialMiningMw();
        for (int t = 0; t < p.size(); t++) {
          Decision d = c.decide(PolicyContext.builder().prices(p).index(t).hashpriceUsdPerPhDay(50).build());
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
              assertThat(Math.abs(a.miningMw() - prev)).as("ramp at %d", t).isLessThanOrEqualTo(15);
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
    try (LoadController c = LoadController.builder().site(leasedSite(p)).policy(policy).actuator(d -> out.add(d.applied())).build()) {
      for (int t = 0; t < p.size(); t++) {
        c.decide(PolicyContext.builder().prices(p).index(t).hashpriceUsdPerPhDay(50).build());
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
    try (LoadController c = LoadController.builder().site(site).policy(policies.get(0)).auditLog(log).build()) {
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
        c.decide(PolicyContext.builder().prices(p).index(t).hashpriceUsdPerPhDay(50).build());
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
    try (LoadController c = LoadController.builder().site(SiteProfile.builder().capacityMw(5).build())
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
    try (LoadController c = LoadController.builder().site(SiteProfile.builder().capacityMw(10).build())
        .policy(slow).deadline(Duration.ofMillis(50)).build()) {
      Decision d = c.decide(PolicyContext.builder().prices(p).index(0).hashpriceUsdPerPhDay(50).build());
      assertThat(d.interventions()).contains(Intervention.DEADLINE);
      assertThat(d.fallback()).isTrue();
      assertThat(d.applied().miningMw()).isEqualTo(10);
      assertThat(d.switched()).isFalse();
    }
  }

  @Test
  void aFailingPolicyIsReplacedByTheFallback() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {50}, null);
    try (LoadController c = LoadController.builder().site(SiteProfile.builder().capacityMw(10).build())
        .policy(ctx -> {
          throw new IllegalStateException("boom");
        }).build()) {
      Decision d = c.decide(PolicyContext.builder().prices(p).index(0).hashpriceUsdPerPhDay(50).build());
      assertThat(d.interventions()).containsExactly(Intervention.POLICY_ERROR);
      assertThat(d.applied().miningMw()).isEqualTo(10);
    }
  }

  @Test
  void aPolicyCannotSeeTheRealisedPriceOfTheIntervalItDecides() {
    PriceSeries p = SeriesFixtures.of(15, new double[] {10, 20, 30, 40}, new double[] {11, 21, 31, 41});
    PolicyContext ctx = PolicyContext.builder().prices(p).index(2).hashpriceUsdPerPhDay(50).dayAheadHorizonMinutes(15).build();
    assertThat(ctx.lastSettledUsdPerMwh()).hasValue(20);
    assertThat(ctx.settledUsdPerMwh(2)).isEqualTo(10);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ctx.settledUsdPerMwh(3)).isInstanceOf(ValidationException.class);
    assertThat(ctx.dayAheadVisible()).isEqualTo(1);
    assertThat(ctx.dayAheadUsdPerMwh(0)).isEqualTo(31);
    assertThatThrownBy(() -> ctx.dayAheadUsdPerMwh(1)).isInstanceOf(ValidationException.class);
    assertThat(PolicyContext.builder().prices(p).index(0).hashpriceUsdPerPhDay(50).build().lastSettledUsdPerMwh()).isEmpty();
  }

  @Test
  void leasesThatExceedTheCapacityAreRejected() {
    Instant a = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SiteProfile.builder().capacityMw(10)
        .addLease(GpuLease.of(a, a.plusSeconds(3600), 6)).addLease(GpuLease.of(a.plusSeconds(1800), a.plusSeconds(7200), 6)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("site.leases"));
  }
}
