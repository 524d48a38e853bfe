package org.computerwa.examples.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.mining.policy.AuditLog;
import org.computerwa.mining.policy.DayAheadCurve;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadController;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.MarketView;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SettledPrice;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: run a site's load policy live through one operating day of real ERCOT prices: each
 * quarter hour the controller gets what the market had published by then, a committed GPU lease
 * takes its megawatts from mining, and the operator switches the policy at noon.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-live-policy
 * }</pre>
 *
 * <p>The day is 20 August 2024 (Central time) at ERCOT's South Hub (see {@code live/PROVENANCE.md}).
 * The price file stands in for a live feed: {@link #settledAsOf} and {@link #dayAheadAsOf}
 * release a price only once ERCOT had published it, which is all a live feed can do. Needs
 * {@code org.computerwa:sdk-mining}; picocli only makes it a subcommand.
 */
@Command(
    name = "example-live-policy",
    mixinStandardHelpOptions = true,
    description = "Example program: runs a load policy live through a day of real ERCOT prices.")
public final class LivePolicyExample implements Callable<Integer> {
  /** The operating day, in the market's zone. */
  static final LocalDate DAY = LocalDate.of(2024, 8, 20);

  /** When the operator switches the policy, local time. */
  static final LocalTime SWITCH_AT = LocalTime.NOON;

  /** The committed lease: 20 MW of GPUs from 15:00 to 21:00 Central. */
  static final GpuLease LEASE = GpuLease.of(Instant.parse("2024-08-20T20:00:00Z"), Instant.parse("2024-08-21T02:00:00Z"), 20);

  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public LivePolicyExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LivePolicyExample()).execute(args));
  }

  @Override
  public Integer call() {
    run(prices(), Objects.requireNonNull(spec).commandLine().getOut());
    return 0;
  }

  /**
   * The price file, as the market published it over three days.
   *
   * @return the price history
   */
  public static PriceSeries prices() {
    try (InputStream in = LivePolicyExample.class.getResourceAsStream("ercot_hb_south_2024-08-19_21.csv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource beside " + LivePolicyExample.class.getName());
      }
      return PriceSeriesCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the controller through the operating day and prints each change of setpoint.
   *
   * @param history the price history the feed releases from
   * @param out where the results go
   * @return the audit log: every decision and the policy switch
   */
  public static AuditLog.InMemory run(PriceSeries history, PrintWriter out) {
    // tag::controller[]
    MarketRules ercot = MarketRules.ercot(Duration.ofMinutes(5));   // when ERCOT publishes what
    SiteProfile site = SiteProfile.builder()
        .capacityMw(50)
        .efficiencyJPerTh(20)
        .addLease(LEASE)                  // committed: served in full, whatever the policy says
        .minDwellMinutes(60)              // a new setpoint holds at least an hour
        .switchCostUsd(500)
        .build();
    AuditLog.InMemory audit = AuditLog.inMemory();
    List<Decision> applied = new ArrayList<>();
    LoadController controller = LoadController.builder()
        .site(site)
        .policy(LoadPolicies.alwaysMine())
        .decisionLead(Duration.ofMinutes(5))        // commands go out 5 minutes ahead
        .deadline(Duration.ofSeconds(2))            // a late policy: hold the setpoint instead
        .auditLog(audit)
        .actuator(applied::add)                     // your fleet: return once it is in effect
        .build();
    // end::controller[]

    // tag::loop[]
    Instant dayStart = DAY.atStartOfDay(ercot.zone()).toInstant();
    Instant dayEnd = DAY.plusDays(1).atStartOfDay(ercot.zone()).toInstant();
    Instant switchAt = ZonedDateTime.of(DAY, SWITCH_AT, ercot.zone()).toInstant();
    try (controller) {
      for (Instant interval = dayStart; interval.isBefore(dayEnd); interval = interval.plus(Duration.ofMinutes(15))) {
        Instant now = interval.minus(Duration.ofMinutes(5));   // live: the wall clock
        if (!now.isBefore(switchAt) && audit.switches().isEmpty()) {
          controller.swapPolicy(LoadPolicies.rolling(), "evening scarcity expected; weigh prices from noon");
        }
        MarketView.Builder view = MarketView.builder()
            .intervalStart(interval).intervalMinutes(15)
            .asOf(now)
            .settled(settledAsOf(history, ercot, now))            // refused if published after now
            .hashpriceUsdPerPhDay(50);                            // your pool's figure today
        dayAheadAsOf(history, ercot, now).forEach(view::addDayAhead);
        Decision d = controller.decide(view.build());
        if (d.switched() || !d.interventions().isEmpty()) {
          out.printf(Locale.ROOT, "%s %-11s mining %5.1f MW, leased GPUs %4.1f MW: %s%n",
              d.intervalStart(), d.policyName(), d.applied().miningMw(), d.applied().aiLeasedMw(), d.reason());
        }
      }
    }
    // end::loop[]

    double minedMwh = applied.stream().mapToDouble(d -> d.applied().miningMw() / 4).sum();
    out.printf(Locale.ROOT, "%d decisions, %d policy switch (%s), %.1f MWh mined%n",
        audit.decisions().size(), audit.switches().size(), audit.switches().get(0).reason(), minedMwh);
    out.flush();
    return audit;
  }

  /**
   * The settled real-time prices ERCOT had published at {@code asOf}, of the last 24 hours.
   *
   * @param history the price history
   * @param rules the market's publication rules
   * @param asOf the decision time
   * @return consecutive settled prices, oldest first
   */
  // tag::feed[]
  public static List<SettledPrice> settledAsOf(PriceSeries history, MarketRules rules, Instant asOf) {
    List<SettledPrice> published = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Instant publishedAt = history.end(i).plus(rules.realTimePublicationDelay());
      if (publishedAt.isAfter(asOf)) {
        break;                                      // not known yet: a live feed would not have it
      }
      if (!history.start(i).isBefore(asOf.minus(Duration.ofDays(1)))) {
        published.add(new SettledPrice(history.start(i), publishedAt, history.realTimeUsdPerMwh(i)));
      }
    }
    return published;
  }
  // end::feed[]

  /**
   * The day-ahead curves ERCOT had published at {@code asOf}: one per operating day whose results
   * were out by then.
   *
   * @param history the price history
   * @param rules the market's publication rules
   * @param asOf the decision time
   * @return the curves, each with its publication time
   */
  public static List<DayAheadCurve> dayAheadAsOf(PriceSeries history, MarketRules rules, Instant asOf) {
    List<DayAheadCurve> curves = new ArrayList<>();
    LocalDate first = history.start(0).atZone(rules.zone()).toLocalDate();
    LocalDate last = history.start(history.size() - 1).atZone(rules.zone()).toLocalDate();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Instant publishedAt = rules.dayAheadPublication(day);
      if (publishedAt.isAfter(asOf)) {
        continue;
      }
      Instant from = day.atStartOfDay(rules.zone()).toInstant();
      Instant to = day.plusDays(1).atStartOfDay(rules.zone()).toInstant();
      List<Double> prices = new ArrayList<>();
      @Nullable Instant firstInterval = null;
      for (int i = 0; i < history.size(); i++) {
        Instant s = history.start(i);
        if (!s.isBefore(from) && s.isBefore(to) && history.dayAheadUsdPerMwh(i).isPresent()) {
          firstInterval = firstInterval == null ? s : firstInterval;
          prices.add(history.dayAheadUsdPerMwh(i).get());
        }
      }
      if (firstInterval != null) {
        curves.add(DayAheadCurve.of(publishedAt, firstInterval, history.intervalMinutes(),
            prices.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return curves;
  }
}
