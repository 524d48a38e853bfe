package org.computerwa.examples.quickstart;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.computerwa.core.asset.AsicSpec;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.mining.economics.MiningEconomics;
import org.computerwa.mining.policy.AuditLog;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadController;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketReplay;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.Scenario;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;

/**
 * Step 8: a day of real ERCOT prices through the live {@link LoadController} of the site that holds
 * both assets: the ASIC fleet mines under one policy in the morning, the operator switches policy
 * at noon, and when the leased GPUs draw their power (the lease's hour, placed on the replayed
 * day's afternoon) mining yields to them; at the evening scarcity peak the policy curtails mining.
 * The leased load is never curtailed.
 *
 * <p>The site's grid connection is the fleet's own power, so every leased watt must come out of
 * mining; its resolution is one miner. The economics are stated, not defaulted: the hashprice
 * below is this story's assumption.
 */
final class DispatchAct implements Act {
  static final ZoneId ERCOT = ZoneId.of("America/Chicago");
  static final LocalDate DAY = LocalDate.of(2024, 8, 20);
  /** The story's assumption, in USD per PH/s per day. */
  static final double HASHPRICE_USD_PER_PH_DAY = 50;
  static final LocalTime SWITCH_AT = LocalTime.NOON;
  /** The lease's hour on the replayed day: the afternoon, when mining pays and runs. */
  static final LocalTime LEASE_AT = LocalTime.of(15, 0);

  @Override
  public String title() {
    return "A day of real ERCOT prices through the load controller, policy switched at noon";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    AsicSpec fleet = s.asicFleet().asic().orElseThrow();
    GpuSpec gpus = s.gpuNode().gpu().orElseThrow();
    double minerMw = fleet.powerWatts() / 1e6;
    double capacityMw = fleet.totalPowerWatts() / 1e6;
    double leasedMw = LeaseAct.UNITS * gpus.boardPowerWatts() / 1e6;
    Instant leaseStart = DAY.atTime(LEASE_AT).atZone(ERCOT).toInstant();
    GpuLease lease = GpuLease.of(leaseStart, leaseStart.plus(Story.TERM), leasedMw);
    double efficiency = fleet.efficiencyJPerTh().doubleValue();
    // tag::site[]
    SiteProfile site = SiteProfile.builder()
        .capacityMw(capacityMw)
        .efficiencyJPerTh(efficiency)
        .resolutionMw(minerMw)
        .addLease(lease)
        .build();
    // end::site[]
    PriceSeries prices = PriceSeriesCsv.read(new StringReader(QuickstartData.text(QuickstartData.ERCOT_DAY)));
    Duration lead = Duration.ofMinutes(5);
    MarketReplay replay = MarketReplay.builder()
        .prices(prices)
        .rules(MarketRules.ercot(lead))
        .decisionLead(lead)
        .scenario(Scenario.constant(HASHPRICE_USD_PER_PH_DAY, 0))
        .build();
    r.say("ERCOT HB_SOUTH " + DAY + " (" + prices.size() + " intervals of " + prices.intervalMinutes()
        + " min), site " + kw(capacityMw) + " (the fleet), lease " + kw(leasedMw) + " from " + leaseStart
        + ", hashprice " + HASHPRICE_USD_PER_PH_DAY + " USD/PH/day (assumed)");

    ReplayClock clock = new ReplayClock(prices.start(0));
    AuditLog.InMemory audit = AuditLog.inMemory();
    Instant switchAt = DAY.atTime(SWITCH_AT).atZone(ERCOT).toInstant();
    double hours = prices.intervalMinutes() / 60.0;
    double miningRevenuePerMwh = MiningEconomics.breakEvenUsdPerMwh(HASHPRICE_USD_PER_PH_DAY, efficiency);
    Map<String, double[]> byUse = new LinkedHashMap<>(); // MWh, revenue, energy cost
    for (String use : new String[] {"mining", "AI leased", "AI spot", "curtailed"}) {
      byUse.put(use, new double[3]);
    }
    double hashes = 0;
    int leasedShort = 0;
    int unbalanced = 0;
    double maxMiningDuringLease = 0;
    double maxMiningOtherwise = 0;
    int afterSwitchByOther = 0;
    // tag::controller[]
    try (LoadController controller = LoadController.builder()
        .site(site)
        .policy(LoadPolicies.alwaysMine())
        .decisionLead(lead)
        .auditLog(audit)
        .clock(clock)
        .build()) {
      for (int t = 0; t < replay.size(); t++) {
        Instant start = prices.start(t);
        clock.now = start.minus(lead);
        if (start.equals(switchAt)) {
          controller.swapPolicy(LoadPolicies.rolling(), "the day-ahead market priced the evening peak");
          r.say("noon: policy switched to " + controller.policy().name());
        }
        Decision d = controller.decide(replay.view(t));
    // end::controller[]
        double price = prices.realTimeUsdPerMwh(t);
        double leasedNow = lease.overlaps(start, prices.end(t)) ? leasedMw : 0;
        if (Math.abs(d.applied().aiLeasedMw() - leasedNow) > 1e-12) {
          leasedShort++;
        }
        double used = d.applied().miningMw() + d.applied().aiSpotMw() + d.applied().aiLeasedMw();
        if (Math.abs(used + d.applied().curtailedMw() - capacityMw) > 1e-9) {
          unbalanced++;
        }
        if (leasedNow > 0) {
          maxMiningDuringLease = Math.max(maxMiningDuringLease, d.applied().miningMw());
        } else {
          maxMiningOtherwise = Math.max(maxMiningOtherwise, d.applied().miningMw());
        }
        if (!start.isBefore(switchAt) && !d.policyName().equals(LoadPolicies.rolling().name())) {
          afterSwitchByOther++;
        }
        add(byUse.get("mining"), d.applied().miningMw() * hours, miningRevenuePerMwh, price);
        add(byUse.get("AI leased"), d.applied().aiLeasedMw() * hours, 0, price);
        add(byUse.get("AI spot"), d.applied().aiSpotMw() * hours, 0, price);
        byUse.get("curtailed")[0] += d.applied().curtailedMw() * hours;
        // terahashes: MW x 1e6 J/s / (J/TH) x seconds
        hashes += d.applied().miningMw() * 1e6 / efficiency * prices.intervalMinutes() * 60;
      }
    }
    // The leased GPUs' income is the lease's rent, paid on-chain in step 6 and 7 for the same hour.
    byUse.get("AI leased")[1] = new BigDecimal(s.accepted().totalRent().toDecimalString()).doubleValue();
    r.say("AI leased revenue is the lease's rent, in the test stablecoin taken 1:1 as USD; energy at the"
        + " real-time price");
    r.say(String.format(Locale.ROOT, "%-10s %10s %12s %14s %10s", "use", "kWh", "revenue USD", "energy USD", "net USD"));
    Map<String, Object> table = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : byUse.entrySet()) {
      double[] v = e.getValue();
      r.say(String.format(Locale.ROOT, "%-10s %10.1f %12.2f %14.2f %10.2f", e.getKey(), v[0] * 1000, v[1], v[2],
          v[1] - v[2]));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kWh", round(v[0] * 1000, 3));
      row.put("revenueUsd", round(v[1], 2));
      row.put("energyCostUsd", round(v[2], 2));
      table.put(e.getKey(), row);
    }
    r.figure("byUse", table);
    r.say("mining at most " + kw(maxMiningDuringLease) + " while the GPUs were leased, " + kw(maxMiningOtherwise)
        + " otherwise");
    r.figure("maxMiningKwLeased", round(maxMiningDuringLease * 1000, 3));
    r.figure("maxMiningKwOtherwise", round(maxMiningOtherwise * 1000, 3));
    r.figure("switches", audit.switches().size());
    r.figure("decisions", audit.decisions().size());
    r.check("decisions", audit.decisions().size(), prices.size());
    r.check("policy switches audited", audit.switches().size(), 1);
    r.check("decisions after noon by the new policy", afterSwitchByOther, 0);
    r.check("intervals whose leased load was cut", leasedShort, 0);
    r.check("intervals whose allocation misses the capacity", unbalanced, 0);
    r.checkThat("mining yields to the lease", maxMiningDuringLease <= capacityMw - leasedMw + 1e-12,
        "mining <= " + kw(capacityMw - leasedMw) + " while leased");
    // Mining revenue two ways: MWh at sdk-mining's revenue per MWh, and hashes at the hashprice.
    double fromHashes = hashes / 1e3 / 86_400 * HASHPRICE_USD_PER_PH_DAY;
    r.check("mining revenue, USD", round(byUse.get("mining")[1], 4), round(fromHashes, 4));
  }

  private static void add(double[] row, double mwh, double revenuePerMwh, double price) {
    row[0] += mwh;
    row[1] += mwh * revenuePerMwh;
    row[2] += mwh * price;
  }

  private static String kw(double mw) {
    return String.format(Locale.ROOT, "%.1f kW", mw * 1000);
  }

  private static BigDecimal round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN);
  }

  /** The decision time of the interval being replayed, for the audit log's timestamps. */
  private static final class ReplayClock extends Clock {
    Instant now;

    ReplayClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
