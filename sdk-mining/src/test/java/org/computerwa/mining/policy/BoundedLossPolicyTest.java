package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.economics.MiningEconomics;
import org.junit.jupiter.api.Test;

/**
 * The loss bound against the party that can hurt a curtailing policy most: the market itself,
 * played by an adversary that sets each interval's price after seeing the site's decision for it
 * (as real prices are set after the command goes out) — high while the site mines, to draw it into
 * a curtailment, and low while it is curtailed. Every built-in policy that curtails ends the
 * quarter below always-mine against it; wrapped in {@link BoundedLossPolicy}, none ends more than
 * its limit below, though it still curtails.
 */
class BoundedLossPolicyTest {
  private static final Duration LEAD = Duration.ofMinutes(5);
  private static final Duration DELAY = Duration.ofMinutes(5);
  private static final Instant QUARTER_START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int INTERVALS = 30 * 96; // the first 30 days of 2026Q1, 15-minute intervals
  private static final double HASHPRICE = 50;
  private static final double LOW = 0;
  private static final double HIGH = 1_000;

  private static SiteProfile site() {
    return SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500).build();
  }

  /** What the site realised against always-mine, and how often it switched. */
  private record Outcome(double gainOverAlwaysMineUsd, int switches, int curtailedIntervals) {}

  /**
   * Runs a controller live against the adversary: at each decision time the view holds exactly the
   * prices published by then; the interval's price is chosen once the decision is out.
   */
  private static Outcome againstTheAdversary(LoadPolicy policy) {
    return againstTheAdversary(policy, true);
  }

  /** As above; with {@code publish} false the feed withholds every price (the view never has one). */
  private static Outcome againstTheAdversary(LoadPolicy policy, boolean publish) {
    SiteProfile site = site();
    double v = MiningEconomics.breakEvenUsdPerMwh(HASHPRICE, site.efficiencyJPerTh());
    List<SettledPrice> published = new ArrayList<>();
    double gain = 0;
    int switches = 0;
    int curtailed = 0;
    try (LoadController controller = LoadController.builder().site(site).policy(policy).decisionLead(LEAD).build()) {
      for (int t = 0; t < INTERVALS; t++) {
        Instant start = QUARTER_START.plus(Duration.ofMinutes(15L * t));
        Instant now = start.minus(LEAD);
        List<SettledPrice> out = new ArrayList<>();
        for (SettledPrice p : published) {
          if (publish && !p.publishedAt().isAfter(now)) {
            out.add(p);
          }
        }
        MarketView view = MarketView.builder().intervalStart(start).intervalMinutes(15).asOf(now)
            .settled(out.subList(Math.max(0, out.size() - 96), out.size())).hashpriceUsdPerPhDay(HASHPRICE).build();
        Decision d = controller.decide(view);
        Allocation a = d.applied();
        boolean mining = a.miningMw() >= site.miningMaxMw() - 1e-9;
        double price = mining ? HIGH : LOW;
        Instant end = start.plus(Duration.ofMinutes(15));
        published.add(new SettledPrice(start, end.plus(DELAY), price));
        gain += 0.25 * ((a.miningMw() - site.miningMaxMw()) * (v - price) + a.aiSpotMw() * (0 - price));
        if (d.switched()) {
          gain -= site.switchCostUsd();
          switches++;
        }
        curtailed += mining ? 0 : 1;
      }
    }
    return new Outcome(gain, switches, curtailed);
  }

  private static final List<String> CURTAILING = List.of("threshold", "greedy", "rolling", "adaptive", "guarded");

  @Test
  void everyCurtailingBuiltInEndsTheQuarterBelowAlwaysMineAgainstTheAdversary() {
    for (String name : CURTAILING) {
      Outcome o = againstTheAdversary(LoadPolicies.byName(name));
      System.out.printf("adversary, %s: %+.0f USD against always-mine, %d switches, %d curtailed intervals%n", name,
          o.gainOverAlwaysMineUsd(), o.switches(), o.curtailedIntervals());
      assertThat(o.switches()).as(name).isPositive();
      assertThat(o.gainOverAlwaysMineUsd()).as(name).isNegative();
    }
    Outcome mine = againstTheAdversary(LoadPolicies.alwaysMine());
    assertThat(mine.gainOverAlwaysMineUsd()).isZero();
  }

  @Test
  void boundedNoCurtailingBuiltInEndsMoreThanItsLimitBelowAlwaysMineYetEachStillCurtails() {
    double limit = 20_000;
    for (String name : CURTAILING) {
      Supplier<LoadPolicy> bounded = () -> BoundedLossPolicy.builder().policy(LoadPolicies.byName(name))
          .quarterlyLossLimitUsd(limit).priceRange(LOW, HIGH).build();
      Outcome o = againstTheAdversary(bounded.get());
      System.out.printf("adversary, bounded %s (limit %.0f USD): %+.0f USD against always-mine, %d switches%n", name,
          limit, o.gainOverAlwaysMineUsd(), o.switches());
      assertThat(o.gainOverAlwaysMineUsd()).as(name).isGreaterThanOrEqualTo(-limit);
      assertThat(o.curtailedIntervals()).as("%s still curtails", name).isPositive();
    }
  }

  /**
   * A feed that withholds every price cannot loosen the bound: intervals whose price never comes
   * count at their worst, so a policy that always asks to curtail gets the curtailments the limit
   * can pay for and is then held at full mining.
   */
  @Test
  void withheldPricesCannotLoosenTheBound() {
    double limit = 20_000;
    LoadPolicy alwaysCurtail = LoadPolicy.named("always-curtail", ctx -> ctx.allocate(0, 0));
    Outcome o = againstTheAdversary(BoundedLossPolicy.builder().policy(alwaysCurtail)
        .quarterlyLossLimitUsd(limit).priceRange(LOW, HIGH).build(), false);
    System.out.printf("adversary, prices withheld, bounded always-curtail: %+.0f USD, %d switches, %d curtailed%n",
        o.gainOverAlwaysMineUsd(), o.switches(), o.curtailedIntervals());
    assertThat(o.gainOverAlwaysMineUsd()).isGreaterThanOrEqualTo(-limit);
    assertThat(o.curtailedIntervals()).isPositive();
    Outcome unbounded = againstTheAdversary(alwaysCurtail, false);
    assertThat(unbounded.gainOverAlwaysMineUsd()).isLessThan(-limit);
  }

  /**
   * A range stated narrower than the prices the market settles voids the bound, and the policy
   * says so: every booked price outside it is counted (the adversary's 1,000 USD/MWh lies above a
   * stated high of 500).
   */
  @Test
  void aPriceOutsideTheStatedRangeIsCountedNotPassedOverSilently() {
    BoundedLossPolicy narrow = BoundedLossPolicy.builder().policy(LoadPolicies.threshold(0))
        .quarterlyLossLimitUsd(20_000).priceRange(LOW, 500).build();
    againstTheAdversary(narrow);
    assertThat(narrow.settledPricesOutsideRange()).isPositive();
    BoundedLossPolicy stated = BoundedLossPolicy.builder().policy(LoadPolicies.threshold(0))
        .quarterlyLossLimitUsd(20_000).priceRange(LOW, HIGH).build();
    againstTheAdversary(stated);
    assertThat(stated.settledPricesOutsideRange()).isZero();
  }

  @Test
  void aZeroLimitAdmitsNoCurtailmentThatCouldLose() {
    Outcome o = againstTheAdversary(BoundedLossPolicy.builder().policy(LoadPolicies.threshold(0))
        .quarterlyLossLimitUsd(0).priceRange(LOW, HIGH).build());
    assertThat(o.switches()).isZero();
    assertThat(o.gainOverAlwaysMineUsd()).isZero();
  }

  @Test
  void theRangeAndTheLimitMustBeChosenByTheCaller() {
    assertThatThrownBy(() -> BoundedLossPolicy.builder().policy(LoadPolicies.adaptive()).quarterlyLossLimitUsd(1_000).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("bounded.priceRange").hasMessageContaining("must be set");
    assertThatThrownBy(() -> BoundedLossPolicy.builder().policy(LoadPolicies.adaptive()).priceRange(-250, 5_000).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("bounded.quarterlyLossLimitUsd");
    assertThatThrownBy(() -> BoundedLossPolicy.builder().policy(LoadPolicies.adaptive()).quarterlyLossLimitUsd(-1)
        .priceRange(-250, 5_000).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("bounded.quarterlyLossLimitUsd").hasMessageContaining("-1");
    assertThatThrownBy(() -> BoundedLossPolicy.builder().policy(LoadPolicies.adaptive()).quarterlyLossLimitUsd(1_000)
        .priceRange(100, 100).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("low < high");
    assertThatThrownBy(() -> BoundedLossPolicy.builder().quarterlyLossLimitUsd(1_000).priceRange(0, 1).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("bounded.policy");
  }
}
