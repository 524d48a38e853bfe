package org.computerwa.mining.policy;

import java.time.Clock;
import java.time.Duration;
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
 *     .deadline(Duration.ofMillis(200))
 *     .auditLog(log)
 *     .actuator(d -> fleet.setPowerMw(d.applied().miningMw()))
 *     .build()) {
 *   Decision d = controller.decide(PolicyContext.builder().prices(prices).index(t)
 *       .hashpriceUsdPerPhDay(50).build());
 *   controller.swapPolicy(LoadPolicies.alwaysMine(), "hashprice spike");
 * }
 * }</pre>
 *
 * <p><b>Envelope.</b> Whatever the policy proposes, the applied allocation serves every committed
 * lease in full, stays within capacity and the pools' limits, and respects dwell and ramp as
 * defined in the {@linkplain org.computerwa.mining.policy package overview}. Each change to the
 * proposal is reported as an {@link Intervention}.
 *
 * <p><b>Deadline.</b> With a deadline set, a policy that has not answered in time (or throws) is
 * replaced for that interval by the conservative fallback: hold the current mining setpoint and
 * run no AI spot work (no switch, no new commitment).
 *
 * <p><b>Concurrency.</b> Decisions are serialised; {@link #swapPolicy} may be called from any
 * thread at any time. A decision reads the policy in force exactly once, so it is made, recorded
 * and attributed wholly by one policy: a swap takes effect from the next decision.
 *
 * @since 0.1.0
 */
public final class LoadController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoadController.class);

  private final SiteProfile site;
  private final AuditLog auditLog;
  private final List<Actuator> actuators;
  private final Clock clock;
  private final @Nullable Duration deadline;
  private final @Nullable ExecutorService executor;
  private final AtomicReference<Current> current;
  private final ReentrantLock decideLock = new ReentrantLock();
  private final Object swapLock = new Object();

  private @Nullable SiteRules rules;
  private int level;
  private int held;

  private static final class Current {
    final LoadPolicy policy;
    final long version;

    Current(LoadPolicy policy, long version) {
      this.policy = policy;
      this.version = version;
    }
  }

  private LoadController(Builder b, LoadPolicy policy) {
    this.site = Objects.requireNonNull(b.site);
    this.auditLog = b.auditLog;
    this.actuators = List.copyOf(b.actuators);
    this.clock = b.clock;
    this.deadline = b.deadline;
    this.executor = b.deadline == null ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "load-policy");
      t.setDaemon(true);
      return t;
    });
    this.current = new AtomicReference<>(new Current(policy, 0));
    this.level = -1;
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
   * The policy in force.
   *
   * @return the policy
   */
  public LoadPolicy policy() {
    return current.get().policy;
  }

  /**
   * Replaces the policy atomically; the next decision uses the new one. The swap is audited.
   *
   * @param policy the new policy
   * @param reason why, for the audit log; not blank
   * @return the audit record of the swap
   * @throws ValidationException if the reason is blank
   */
  public PolicySwitch swapPolicy(LoadPolicy policy, String reason) {
    Objects.requireNonNull(policy, "policy");
    if (reason == null || reason.isBlank()) {
      throw new ValidationException("reason", reason, "must say why the policy is swapped");
    }
    synchronized (swapLock) {
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
   * Decides one interval: asks the policy in force, applies the envelope, updates the site state,
   * records the decision and calls the actuators. Intervals are expected in increasing order.
   *
   * @param market what is known at decision time (site state is added here)
   * @return the decision
   */
  public Decision decide(PolicyContext market) {
    decideLock.lock();
    try {
      Current now = current.get();
      SiteRules r = rulesFor(market.intervalMinutes());
      if (level < 0) {
        level = r.initialLevel();
        held = r.dwell;
      }
      PriceSeries prices = market.prices();
      int t = market.index();
      double leased = r.leasedMw(prices, t);
      int cap = r.capLevel(leased);
      PolicyContext ctx = market.bind(site, r.mw(level), held, r.dwell, leased, r.mw(cap));
      EnumSet<Intervention> interventions = EnumSet.noneOf(Intervention.class);
      Allocation proposal = propose(now.policy, ctx, interventions);
      int target = Envelope.miningLevel(r, level, held, cap, proposal.miningMw(), interventions);
      boolean switched = target != level;
      double room = r.spotRoom(leased, target);
      double spot = proposal.aiSpotMw();
      if (spot > room + 1e-9) {
        interventions.add(Intervention.SPOT);
        spot = room;
      }
      double miningMw = r.mw(target);
      Allocation applied = Allocation.of(miningMw, spot, leased,
          Math.max(0, site.capacityMw() - leased - miningMw - spot));
      if (switched) {
        level = target;
        held = 1;
      } else {
        held = Math.min(held + 1, r.dwell);
      }
      Decision d = new Decision(t, prices.start(t), clock.instant(), now.policy.name(), proposal, applied,
          interventions, switched);
      auditLog.decision(d);
      for (Actuator a : actuators) {
        a.apply(d);
      }
      return d;
    } finally {
      decideLock.unlock();
    }
  }

  private SiteRules rulesFor(int intervalMinutes) {
    SiteRules r = rules;
    if (r == null || r.hours * 60 != intervalMinutes) {
      r = new SiteRules(site, intervalMinutes);
      rules = r;
    }
    return r;
  }

  private Allocation propose(LoadPolicy policy, PolicyContext ctx, EnumSet<Intervention> interventions) {
    Allocation fallback = ctx.allocate(ctx.currentMiningMw(), 0);
    Duration limit = deadline;
    ExecutorService ex = executor;
    try {
      if (limit == null || ex == null) {
        return Objects.requireNonNull(policy.propose(ctx), "proposal");
      }
      Future<Allocation> f = ex.submit(() -> policy.propose(ctx));
      try {
        return Objects.requireNonNull(f.get(limit.toNanos(), TimeUnit.NANOSECONDS), "proposal");
      } catch (TimeoutException e) {
        f.cancel(true);
        interventions.add(Intervention.DEADLINE);
        LOG.debug("policy {} missed its deadline of {} at interval {}", policy.name(), limit, ctx.index());
        return fallback;
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        interventions.add(Intervention.DEADLINE);
        return fallback;
      }
    } catch (RuntimeException e) {
      interventions.add(Intervention.POLICY_ERROR);
      LOG.debug("policy {} failed at interval {}", policy.name(), ctx.index(), e);
      return fallback;
    }
  }

  /** Stops the deadline worker thread, if any. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /**
   * Builds a {@link LoadController}.
   *
   * <pre>{@code
   * LoadController.builder().site(site).policy(LoadPolicies.alwaysMine()).build();
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

    private Builder() {}

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
     * @throws ValidationException if the site or the policy is missing
     */
    public LoadController build() {
      if (site == null) {
        throw new ValidationException("site", null, "must be set");
      }
      LoadPolicy p = policy;
      if (p == null) {
        throw new ValidationException("policy", null, "must be set");
      }
      return new LoadController(this, p);
    }
  }
}
