package org.computerwa.mining.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a site's current load policy, swaps it atomically at run time, and turns each proposal
 * into a safe allocation through an envelope the policy cannot bypass.
 *
 * <pre>{@code
 * try (LoadController controller = LoadController.builder()
 *     .site(site)
 *     .policy(LoadPolicies.rolling())
 *     .decisionLead(Duration.ofMinutes(5))
 *     .deadline(Duration.ofMillis(200))
 *     .auditLog(log)
 *     .actuator(d -> fleet.setPowerMw(d.applied().miningMw()))
 *     .build()) {
 *   Decision d = controller.decide(marketView);   // from a live feed or a MarketReplay
 *   controller.swapPolicy(LoadPolicies.alwaysMine(), "hashprice spike");
 * }
 * }</pre>
 *
 * <p><b>Input.</b> Each call gets a {@link MarketView}: what the market had published at the
 * decision time. Intervals must come in order, each the one right after the last decided
 * interval (the first may be any); a skipped, repeated or earlier interval is refused with an
 * {@link IntervalSequenceException} and changes nothing. A view decided less than the
 * configured decision lead before its interval starts is refused too.
 *
 * <p><b>Envelope.</b> Whatever the policy proposes, the applied allocation serves every committed
 * lease in full, stays within capacity and the pools' limits, and respects dwell and ramp as
 * defined in the {@linkplain org.computerwa.mining.policy package overview}. Each change to the
 * proposal is reported as an {@link Intervention}.
 *
 * <p><b>Deadline.</b> With a deadline set, the policy runs on a worker thread. A policy that has
 * not answered in time (or throws) is replaced for that interval by the conservative fallback:
 * hold the current mining setpoint and run no AI spot work (no switch, no new commitment). The
 * late call is interrupted and its worker abandoned (a fresh worker serves the next decision, so a
 * policy that ignores interruption cannot capture the controller); while the abandoned call is
 * still running, the same policy is not called again — the fallback stands in — so a policy is
 * never run by two threads at once. An abandoned worker is a daemon thread that ends when the
 * policy returns.
 *
 * <p><b>Leases.</b> The committed leases are part of the site. When they change, call
 * {@link #replaceLeases} on the same controller rather than building a new one: the setpoint, the
 * dwell clock and the interval sequence carry over, so a lease change never lets the next decision
 * switch before the current setpoint has been held for the dwell (unless a lease leaves it less
 * room, which forces it down at once).
 *
 * <p><b>Commit.</b> The controller's state (setpoint, dwell count, last interval) changes only
 * after every actuator returned normally; then the decision is audited. If an actuator throws,
 * {@link #decide} throws an {@link ActuationException} and nothing is committed.
 *
 * <p><b>Concurrency and lifecycle.</b> Decisions are serialised; {@link #swapPolicy} may be called
 * from any thread at any time. A decision reads the policy in force exactly once, so it is made,
 * recorded and attributed wholly by one policy: a swap takes effect from the next decision. After
 * {@link #close()}, {@code decide} and {@code swapPolicy} throw {@link ControllerClosedException}.
 *
 * @since 0.1.0
 */
public final class LoadController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoadController.class);

  /** Written under decideLock (and swapLock, for close ordering); read anywhere. */
  private volatile SiteProfile site;
  private final AuditLog auditLog;
  private final List<Actuator> actuators;
  private final Clock clock;
  private final Duration decisionLead;
  private final @Nullable Duration deadline;
  private final AtomicReference<Current> current;
  private final ReentrantLock decideLock = new ReentrantLock();
  private final Object swapLock = new Object();
  private volatile boolean closed;

  // Guarded by decideLock.
  private @Nullable ExecutorService worker;
  /** Call state of the last abandoned call: 0 queued, 1 running, 2 returned. */
  private @Nullable AtomicInteger abandoned;
  private @Nullable LoadPolicy abandonedPolicy;
  private @Nullable SiteRules rules;
  private int level;
  private int held;
  private long lastStartSecond = Long.MIN_VALUE;
  private int decided;

  private static final class Current {
    final LoadPolicy policy;
    final long version;

    Current(LoadPolicy policy, long version) {
      this.policy = policy;
      this.version = version;
    }
  }

  private LoadController(Builder b, SiteProfile site, LoadPolicy policy, Duration lead) {
    this.site = site;
    this.auditLog = b.auditLog;
    this.actuators = List.copyOf(b.actuators);
    this.clock = b.clock;
    this.decisionLead = lead;
    this.deadline = b.deadline;
    this.current = new AtomicReference<>(new Current(policy, 0));
    this.level = -1;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "load-policy");
      t.setDaemon(true);
      return t;
    });
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
   * The site this controller enforces.
   *
   * @return the profile
   */
  public SiteProfile site() {
    return site;
  }

  /**
   * Replaces the committed leases, keeping the controller's state: the mining setpoint, how long
   * it has been held (the dwell clock) and the last decided interval carry over. The next decision
   * serves the new leases and honours the dwell of the current setpoint as if nothing had
   * changed; only the envelope's lease rule (a lease leaving less room than the setpoint forces
   * it down at once, as a switch) may override the dwell. Serialised with {@link #decide}: it
   * takes effect from the next decision.
   *
   * <pre>{@code
   * controller.replaceLeases(leaseSource.committed());   // before the next decide(view)
   * }</pre>
   *
   * @param leases the leases committed from now on, possibly none
   * @return the site profile now enforced
   * @throws ValidationException if the leases do not fit the site's capacity; nothing changes
   * @throws ControllerClosedException after {@link #close()}
   * @since 0.2.0
   */
  public SiteProfile replaceLeases(List<GpuLease> leases) {
    Objects.requireNonNull(leases, "leases");
    decideLock.lock();
    try {
      if (closed) {
        throw new ControllerClosedException("replaceLeases");
      }
      SiteProfile next = site.toBuilder().leases(leases).build();
      site = next;
      SiteRules r = rules;
      if (r != null) {
        rules = new SiteRules(next, (int) Math.round(r.hours * 60));
      }
      LOG.debug("leases replaced: {} committed", leases.size());
      return next;
    } finally {
      decideLock.unlock();
    }
  }

  /**
   * The policy in force.
   *
   * @return the policy
   */
  public LoadPolicy policy() {
    return current.get().policy;
  }

  /**
   * How long before its interval a decision must be made at the latest.
   *
   * @return the lead
   */
  public Duration decisionLead() {
    return decisionLead;
  }

  /**
   * Replaces the policy atomically; the next decision uses the new one. The swap is audited.
   *
   * @param policy the new policy
   * @param reason why, for the audit log; not blank
   * @return the audit record of the swap
   * @throws ValidationException if the reason is blank
   * @throws ControllerClosedException after {@link #close()}
   */
  public PolicySwitch swapPolicy(LoadPolicy policy, String reason) {
    Objects.requireNonNull(policy, "policy");
    if (reason == null || reason.isBlank()) {
      throw new ValidationException("reason", reason, "must say why the policy is swapped");
    }
    synchronized (swapLock) {
      if (closed) {
        throw new ControllerClosedException("swapPolicy");
      }
      Current old = current.get();
      Current next = new Current(policy, old.version + 1);
      current.set(next);
      PolicySwitch change = new PolicySwitch(clock.instant(), old.policy.name(), policy.name(), reason, next.version);
      auditLog.policySwitch(change);
      LOG.debug("policy swap {}", change);
      return change;
    }
  }

  /**
   * Decides one interval: asks the policy in force, applies the envelope, has the actuators carry
   * the decision out and, once they confirmed, commits the site state and audits the decision.
   *
   * @param market what the market had published at decision time
   * @return the decision
   * @throws IntervalSequenceException if the interval is not the one after the last decided
   * @throws ValidationException if the view was taken less than the decision lead before its
   *     interval, or its interval length differs from the previous ones
   * @throws ActuationException if an actuator refused the decision (nothing committed)
   * @throws ControllerClosedException after {@link #close()}
   */
  public Decision decide(MarketView market) {
    Objects.requireNonNull(market, "market");
    decideLock.lock();
    try {
      if (closed) {
        throw new ControllerClosedException("decide");
      }
      checkSequence(market);
      SiteProfile site = this.site;
      Current now = current.get();
      SiteRules r = rulesFor(market.intervalMinutes());
      int fromLevel = level < 0 ? r.initialLevel() : level;
      int fromHeld = level < 0 ? r.dwell : held;
      Instant start = market.intervalStart();
      Instant end = start.plusSeconds(market.intervalMinutes() * 60L);
      double leased = site.leases().isEmpty() ? 0 : site.leasedMw(start, end);
      int cap = r.capLevel(leased);
      PolicyContext ctx = new PolicyContext(market, site, r.mw(fromLevel), fromHeld, r.dwell, leased, r.mw(cap));
      EnumSet<Intervention> interventions = EnumSet.noneOf(Intervention.class);
      Allocation proposal = propose(now.policy, ctx, interventions);
      int target = Envelope.miningLevel(r, fromLevel, fromHeld, cap, proposal.miningMw(), interventions);
      boolean switched = target != fromLevel;
      double room = r.spotRoom(leased, target);
      double spot = proposal.aiSpotMw();
      if (spot > room + 1e-9) {
        interventions.add(Intervention.SPOT);
        spot = room;
      }
      double miningMw = r.mw(target);
      Allocation applied = Allocation.of(miningMw, spot, leased,
          Math.max(0, site.capacityMw() - leased - miningMw - spot));
      Decision d = new Decision(decided, start, clock.instant(), now.policy.name(), r.mw(fromLevel), proposal,
          applied, interventions, switched);
      for (int i = 0; i < actuators.size(); i++) {
        try {
          actuators.get(i).apply(d);
        } catch (RuntimeException e) {
          LOG.debug("actuator {} refused {}", i, d, e);
          throw new ActuationException(d, i, e);
        }
      }
      level = target;
      held = switched ? 1 : Math.min(fromHeld + 1, r.dwell);
      lastStartSecond = market.intervalStartSecond();
      decided++;
      auditLog.decision(d);
      return d;
    } finally {
      decideLock.unlock();
    }
  }

  private void checkSequence(MarketView market) {
    long step = market.intervalMinutes() * 60L;
    SiteRules r = rules;
    if (r != null && r.hours * 60 != market.intervalMinutes()) {
      throw new ValidationException("view.intervalMinutes", market.intervalMinutes(),
          "must equal the length of the intervals decided so far (" + Math.round(r.hours * 60) + " min)");
    }
    if (lastStartSecond != Long.MIN_VALUE && market.intervalStartSecond() != lastStartSecond + step) {
      throw new IntervalSequenceException(Instant.ofEpochSecond(lastStartSecond + step), market.intervalStart());
    }
    if (market.decisionLead().compareTo(decisionLead) < 0) {
      throw new ValidationException("view.asOf", market.asOf(), "must be at least the decision lead (" + decisionLead
          + ") before the interval start " + market.intervalStart());
    }
  }

  private SiteRules rulesFor(int intervalMinutes) {
    SiteRules r = rules;
    if (r == null || r.hours * 60 != intervalMinutes) {
      r = new SiteRules(this.site, intervalMinutes);
      rules = r;
    }
    return r;
  }

  private Allocation propose(LoadPolicy policy, PolicyContext ctx, EnumSet<Intervention> interventions) {
    Allocation fallback = ctx.allocate(ctx.currentMiningMw(), 0);
    Duration limit = deadline;
    try {
      if (limit == null) {
        return Objects.requireNonNull(policy.propose(ctx), "proposal");
      }
      AtomicInteger late = abandoned;
      if (late != null) {
        boolean running = late.get() == 1;
        if (running && abandonedPolicy == policy) {
          interventions.add(Intervention.DEADLINE);
          LOG.debug("policy {} is still running a late call; fallback at {}", policy.name(), ctx.intervalStart());
          return fallback;
        }
        if (!running) {
          abandoned = null;
          abandonedPolicy = null;
        }
      }
      ExecutorService ex = worker;
      if (ex == null) {
        ex = newWorker();
        worker = ex;
      }
      AtomicInteger state = new AtomicInteger();
      Future<Allocation> f = ex.submit(() -> {
        state.set(1);
        try {
          return policy.propose(ctx);
        } finally {
          state.set(2);
        }
      });
      try {
        return Objects.requireNonNull(f.get(limit.toNanos(), TimeUnit.NANOSECONDS), "proposal");
      } catch (TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        f.cancel(true);
        // The call may ignore the interrupt: abandon its thread, the next decision gets a new one.
        ex.shutdownNow();
        worker = null;
        abandoned = state;
        abandonedPolicy = policy;
        interventions.add(Intervention.DEADLINE);
        LOG.debug("policy {} missed its deadline of {} at {}", policy.name(), limit, ctx.intervalStart());
        return fallback;
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e.getCause());
      }
    } catch (RuntimeException e) {
      interventions.add(Intervention.POLICY_ERROR);
      LOG.debug("policy {} failed at {}", policy.name(), ctx.intervalStart(), e);
      return fallback;
    }
  }

  /**
   * Closes the controller: stops the policy worker, if any; later calls to {@link #decide} and
   * {@link #swapPolicy} throw {@link ControllerClosedException}. Idempotent.
   */
  @Override
  public void close() {
    synchronized (swapLock) {
      closed = true;
    }
    decideLock.lock();
    try {
      ExecutorService ex = worker;
      if (ex != null) {
        ex.shutdownNow();
        worker = null;
      }
    } finally {
      decideLock.unlock();
    }
  }

  /**
   * Builds a {@link LoadController}.
   *
   * <pre>{@code
   * LoadController.builder().site(site).policy(LoadPolicies.alwaysMine()).decisionLead(Duration.ZERO).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable SiteProfile site;
    private @Nullable LoadPolicy policy;
    private AuditLog auditLog = new AuditLog() {
      @Override
      public void decision(Decision decision) {}

      @Override
      public void policySwitch(PolicySwitch change) {}
    };
    private final List<Actuator> actuators = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private @Nullable Duration deadline;
    private @Nullable Duration decisionLead;

    private Builder() {}

    /**
     * How long before its interval starts each decision must be made at the latest, required:
     * the command has to reach the fleet in time. Views taken later are refused.
     *
     * @param lead {@code >= 0}
     * @return this builder
     */
    public Builder decisionLead(Duration lead) {
      Objects.requireNonNull(lead, "decisionLead");
      if (lead.isNegative()) {
        throw new ValidationException("decisionLead", lead, "must be >= 0");
      }
      this.decisionLead = lead;
      return this;
    }

    /**
     * The site, required.
     *
     * @param profile the site
     * @return this builder
     */
    public Builder site(SiteProfile profile) {
      this.site = Objects.requireNonNull(profile, "site");
      return this;
    }

    /**
     * The initial policy, required.
     *
     * @param initial the policy
     * @return this builder
     */
    public Builder policy(LoadPolicy initial) {
      this.policy = Objects.requireNonNull(initial, "policy");
      return this;
    }

    /**
     * Where decisions and swaps are recorded; defaults to nowhere.
     *
     * @param log the log
     * @return this builder
     */
    public Builder auditLog(AuditLog log) {
      this.auditLog = Objects.requireNonNull(log, "auditLog");
      return this;
    }

    /**
     * Adds an actuator, called with every decision in the order added.
     *
     * @param actuator the actuator
     * @return this builder
     */
    public Builder actuator(Actuator actuator) {
      this.actuators.add(Objects.requireNonNull(actuator, "actuator"));
      return this;
    }

    /**
     * The clock for audit timestamps; defaults to the UTC system clock.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * How long a policy may take per decision; unset means no limit (the policy runs on the
     * calling thread).
     *
     * @param limit a positive duration
     * @return this builder
     */
    public Builder deadline(Duration limit) {
      if (limit.isZero() || limit.isNegative()) {
        throw new ValidationException("deadline", limit, "must be positive");
      }
      this.deadline = limit;
      return this;
    }

    /**
     * Checks and builds the controller.
     *
     * @return the controller
     * @throws ValidationException if the site, the policy or the decision lead is missing
     */
    public LoadController build() {
      SiteProfile s = site;
      if (s == null) {
        throw new ValidationException("site", null, "must be set");
      }
      LoadPolicy p = policy;
      if (p == null) {
        throw new ValidationException("policy", null, "must be set");
      }
      Duration lead = decisionLead;
      if (lead == null) {
        throw new ValidationException("decisionLead", null, "must be set: how long before an interval its command goes out");
      }
      return new LoadController(this, s, p, lead);
    }
  }
}
