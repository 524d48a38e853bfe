package org.computerwa.examples.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.Actuator;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadController;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.MarketView;
import org.computerwa.mining.policy.SiteProfile;
import org.jspecify.annotations.Nullable;

/**
 * The site runtime: per decision interval it reads the committed leases, decides through a
 * {@link LoadController} on the feed's market view, drives the actuators, and once a reporting
 * period has ended hands its statements to the evidence sink, anchoring every few periods.
 *
 * <pre>{@code
 * try (SiteLoop loop = SiteLoop.builder().site(site).policy(LoadPolicies.rolling())
 *     .decisionLead(Duration.ofMinutes(5)).feed(feed).leases(leases).actuator(fleet)
 *     .statements(FleetStatements.of(...)).sink(sink).period(Duration.ofHours(1)).periodsPerBatch(6)
 *     .build()) {
 *   while (loop.hasNext()) {
 *     loop.step();
 *   }
 *   loop.finish();   // reports and anchors the last periods
 * }
 * }</pre>
 *
 * <p><b>Leases.</b> The site's profile is the given one plus the committed leases; when the lease
 * source's answer changes, the one controller gets the new leases
 * ({@link LoadController#replaceLeases}) before it decides, so its setpoint, dwell clock, interval
 * sequence and policy (a learning policy keeps what it learnt) carry over. The envelope therefore
 * never allocates a leased megawatt elsewhere, and a lease change never cuts a dwell short unless
 * the new lease leaves the setpoint less room.
 *
 * <p><b>Evidence.</b> Periods are aligned to the first interval's start. A period is reported at
 * the first decision made after it ended (so its statements describe what really ran), and the
 * sink flushes after every {@code periodsPerBatch} reported periods and at {@link #finish()}.
 *
 * <p>Not thread-safe: one thread drives the loop. Errors of the parts (a refused actuation, a
 * failed anchor) propagate unchanged; the loop then stops where it is.
 */
public final class SiteLoop implements AutoCloseable {
  private final SiteProfile site;
  private final LoadPolicy policy;
  private final Duration decisionLead;
  private final PriceFeed feed;
  private final LeaseSource leases;
  private final List<Actuator> actuators;
  private final PeriodStatements statements;
  private final StatementSink sink;
  private final Duration period;
  private final int periodsPerBatch;
  private @Nullable LoadController controller;
  private List<GpuLease> committed = List.of();
  private @Nullable Instant nextPeriodStart;
  private @Nullable Instant lastIntervalEnd;
  private int unflushed;
  private @Nullable Instant unflushedUntil;
  private int periodsReported;
  private int leaseChanges;

  private SiteLoop(Builder b, SiteProfile site, LoadPolicy policy, Duration lead, PriceFeed feed, LeaseSource leases,
      PeriodStatements statements, StatementSink sink, Duration period) {
    this.site = site;
    this.policy = policy;
    this.decisionLead = lead;
    this.feed = feed;
    this.leases = leases;
    this.actuators = List.copyOf(b.actuators);
    this.statements = statements;
    this.sink = sink;
    this.period = period;
    this.periodsPerBatch = b.periodsPerBatch;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the feed has another interval.
   *
   * @return true while intervals remain
   */
  public boolean hasNext() {
    return feed.hasNext();
  }

  /**
   * Runs the next interval: reports ended periods, refreshes leases, decides and actuates.
   *
   * @return the decision as applied
   */
  public Decision step() {
    MarketView view = feed.next();
    if (nextPeriodStart == null) {
      nextPeriodStart = view.intervalStart();
    }
    reportEndedBy(view.asOf());
    List<GpuLease> now = leases.committed();
    LoadController c = controller;
    if (c == null) {
      LoadController.Builder cb = LoadController.builder().site(site.toBuilder().leases(now).build()).policy(policy)
          .decisionLead(decisionLead);
      actuators.forEach(cb::actuator);
      c = cb.build();
      controller = c;
      committed = List.copyOf(now);
    } else if (!same(now, committed)) {
      c.replaceLeases(now);
      leaseChanges++;
      committed = List.copyOf(now);
    }
    Decision d = c.decide(view);
    lastIntervalEnd = view.intervalStart().plus(Duration.ofMinutes(view.intervalMinutes()));
    return d;
  }

  /**
   * Reports every period that ended by the end of the last interval, and anchors what is left.
   * Call once the chain's clock has passed that end.
   */
  public void finish() {
    Instant end = lastIntervalEnd;
    if (end != null) {
      reportEndedBy(end);
    }
    if (unflushed > 0 && unflushedUntil != null) {
      sink.flush(unflushedUntil);
      unflushed = 0;
    }
  }

  /**
   * The periods reported to the sink so far.
   *
   * @return the count
   */
  public int periodsReported() {
    return periodsReported;
  }

  /**
   * How many times the committed leases changed (each handed to the same controller).
   *
   * @return the count
   */
  public int leaseChanges() {
    return leaseChanges;
  }

  /**
   * The leases the last decision served.
   *
   * @return the committed leases
   */
  public List<GpuLease> committed() {
    return committed;
  }

  // GpuLease has no value equality; leases are the same when their windows and power are.
  private static boolean same(List<GpuLease> a, List<GpuLease> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      GpuLease x = a.get(i);
      GpuLease y = b.get(i);
      if (!x.start().equals(y.start()) || !x.end().equals(y.end()) || x.mw() != y.mw()) {
        return false;
      }
    }
    return true;
  }

  private void reportEndedBy(Instant t) {
    Instant from = nextPeriodStart;
    Instant ranUntil = lastIntervalEnd;
    while (from != null && ranUntil != null && !from.plus(period).isAfter(t) && !from.plus(period).isAfter(ranUntil)) {
      Instant to = from.plus(period);
      List<org.computerwa.core.evidence.UsageStatement> list = new ArrayList<>(statements.forPeriod(from, to));
      list.forEach(sink::accept);
      periodsReported++;
      unflushed++;
      unflushedUntil = list.stream().map(s -> s.periodEnd()).max(Instant::compareTo).orElse(to);
      if (unflushed == periodsPerBatch) {
        sink.flush(unflushedUntil);
        unflushed = 0;
      }
      from = to;
    }
    nextPeriodStart = from;
  }

  @Override
  public void close() {
    LoadController c = controller;
    if (c != null) {
      c.close();
    }
  }

  /** Builds a {@link SiteLoop}; every setting is required. */
  public static final class Builder {
    private @Nullable SiteProfile site;
    private @Nullable LoadPolicy policy;
    private @Nullable Duration decisionLead;
    private @Nullable PriceFeed feed;
    private @Nullable LeaseSource leases;
    private final List<Actuator> actuators = new ArrayList<>();
    private @Nullable PeriodStatements statements;
    private @Nullable StatementSink sink;
    private @Nullable Duration period;
    private int periodsPerBatch;

    private Builder() {}

    /**
     * Sets the site without leases (they come from the lease source).
     *
     * @param profile the site
     * @return this builder
     */
    public Builder site(SiteProfile profile) {
      if (!profile.leases().isEmpty()) {
        throw new ValidationException("site.leases", profile.leases(), "must be empty: leases come from the lease source");
      }
      this.site = profile;
      return this;
    }

    /**
     * Sets the load policy.
     *
     * @param p the policy
     * @return this builder
     */
    public Builder policy(LoadPolicy p) {
      this.policy = p;
      return this;
    }

    /**
     * Sets how long before its interval a decision is made.
     *
     * @param lead zero or positive
     * @return this builder
     */
    public Builder decisionLead(Duration lead) {
      this.decisionLead = lead;
      return this;
    }

    /**
     * Sets the price feed.
     *
     * @param f the feed
     * @return this builder
     */
    public Builder feed(PriceFeed f) {
      this.feed = f;
      return this;
    }

    /**
     * Sets the lease source.
     *
     * @param source the committed leases
     * @return this builder
     */
    public Builder leases(LeaseSource source) {
      this.leases = source;
      return this;
    }

    /**
     * Adds an actuator; they run in the order added.
     *
     * @param a the actuator
     * @return this builder
     */
    public Builder actuator(Actuator a) {
      actuators.add(a);
      return this;
    }

    /**
     * Sets what the site reports per period.
     *
     * @param s the period statements
     * @return this builder
     */
    public Builder statements(PeriodStatements s) {
      this.statements = s;
      return this;
    }

    /**
     * Sets the evidence sink.
     *
     * @param s the sink
     * @return this builder
     */
    public Builder sink(StatementSink s) {
      this.sink = s;
      return this;
    }

    /**
     * Sets the reporting period.
     *
     * @param p positive whole minutes
     * @return this builder
     */
    public Builder period(Duration p) {
      if (p.isNegative() || p.isZero() || p.getSeconds() % 60 != 0 || p.getNano() != 0) {
        throw new ValidationException("period", p, "must be positive whole minutes");
      }
      this.period = p;
      return this;
    }

    /**
     * Sets how many periods go into one anchored batch.
     *
     * @param n 1 or more
     * @return this builder
     */
    public Builder periodsPerBatch(int n) {
      if (n < 1) {
        throw new ValidationException("periodsPerBatch", n, "must be at least 1");
      }
      this.periodsPerBatch = n;
      return this;
    }

    /**
     * Builds the loop.
     *
     * @return the loop
     * @throws ValidationException naming the first missing setting
     */
    public SiteLoop build() {
      SiteProfile s = required("site", site);
      LoadPolicy p = required("policy", policy);
      Duration lead = required("decisionLead", decisionLead);
      PriceFeed f = required("feed", feed);
      LeaseSource l = required("leases", leases);
      PeriodStatements st = required("statements", statements);
      StatementSink sk = required("sink", sink);
      Duration per = required("period", period);
      if (actuators.isEmpty()) {
        throw new ValidationException("actuators", "[]", "must hold at least one actuator");
      }
      if (periodsPerBatch < 1) {
        throw new ValidationException("periodsPerBatch", periodsPerBatch, "is required");
      }
      return new SiteLoop(this, s, p, lead, f, l, st, sk, per);
    }

    private static <T> T required(String field, @Nullable T value) {
      if (value == null) {
        throw new ValidationException(field, null, "is required");
      }
      return value;
    }
  }
}
