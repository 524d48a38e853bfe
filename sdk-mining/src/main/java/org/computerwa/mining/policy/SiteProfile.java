package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.computerwa.core.ValidationException;

/**
 * The physical and contractual limits of one site: capacity, mining pool, GPU pool, dwell and
 * switching cost.
 *
 * <pre>{@code
 * SiteProfile site = SiteProfile.builder()
 *     .capacityMw(50)
 *     .efficiencyJPerTh(20)
 *     .minDwellMinutes(60)
 *     .switchCostUsd(500)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: the mining pool may use the whole capacity ({@code miningMaxMw = capacityMw}), has no
 * minimum ({@code miningMinMw = 0}), ramps without limit, starts at full power; no GPU spot pool,
 * no leases, no dwell, no switching cost, 1 MW resolution. The rules these limits feed are stated
 * in the {@linkplain org.computerwa.mining.policy package overview}.
 *
 * @since 0.1.0
 */
public final class SiteProfile {
  private final double capacityMw;
  private final double miningMaxMw;
  private final double miningMinMw;
  private final double miningRampUpMwPerMinute;
  private final double miningRampDownMwPerMinute;
  private final double efficiencyJPerTh;
  private final double gpuSpotMw;
  private final List<GpuLease> leases;
  private final double minDwellMinutes;
  private final double switchCostUsd;
  private final double resolutionMw;
  private final double initialMiningMw;

  private SiteProfile(Builder b, double maxMw, double initialMw) {
    this.capacityMw = b.capacityMw;
    this.miningMaxMw = maxMw;
    this.miningMinMw = b.miningMinMw;
    this.miningRampUpMwPerMinute = b.miningRampUpMwPerMinute;
    this.miningRampDownMwPerMinute = b.miningRampDownMwPerMinute;
    this.efficiencyJPerTh = b.efficiencyJPerTh;
    this.gpuSpotMw = b.gpuSpotMw;
    this.leases = List.copyOf(b.leases);
    this.minDwellMinutes = b.minDwellMinutes;
    this.switchCostUsd = b.switchCostUsd;
    this.resolutionMw = b.resolutionMw;
    this.initialMiningMw = initialMw;
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
   * A builder with this profile's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.capacityMw = capacityMw;
    b.miningMaxMw = miningMaxMw;
    b.miningMinMw = miningMinMw;
    b.miningRampUpMwPerMinute = miningRampUpMwPerMinute;
    b.miningRampDownMwPerMinute = miningRampDownMwPerMinute;
    b.efficiencyJPerTh = efficiencyJPerTh;
    b.gpuSpotMw = gpuSpotMw;
    b.leases.addAll(leases);
    b.minDwellMinutes = minDwellMinutes;
    b.switchCostUsd = switchCostUsd;
    b.resolutionMw = resolutionMw;
    b.initialMiningMw = initialMiningMw;
    return b;
  }

  /**
   * Grid connection capacity.
   *
   * @return MW
   */
  public double capacityMw() {
    return capacityMw;
  }

  /**
   * Most power the mining pool can draw.
   *
   * @return MW
   */
  public double miningMaxMw() {
    return miningMaxMw;
  }

  /**
   * Least power the mining pool draws when it runs at all.
   *
   * @return MW
   */
  public double miningMinMw() {
    return miningMinMw;
  }

  /**
   * How fast the mining setpoint may rise.
   *
   * @return MW per minute, possibly infinite
   */
  public double miningRampUpMwPerMinute() {
    return miningRampUpMwPerMinute;
  }

  /**
   * How fast the mining setpoint may fall (forced reductions for leases excepted).
   *
   * @return MW per minute, possibly infinite
   */
  public double miningRampDownMwPerMinute() {
    return miningRampDownMwPerMinute;
  }

  /**
   * Mining fleet efficiency at its power target.
   *
   * @return J/TH
   */
  public double efficiencyJPerTh() {
    return efficiencyJPerTh;
  }

  /**
   * GPU power available for spot (uncommitted) AI work.
   *
   * @return MW
   */
  public double gpuSpotMw() {
    return gpuSpotMw;
  }

  /**
   * Committed GPU leases.
   *
   * @return an unmodifiable list
   */
  public List<GpuLease> leases() {
    return leases;
  }

  /**
   * Least time a mining setpoint is held after a switch.
   *
   * @return minutes
   */
  public double minDwellMinutes() {
    return minDwellMinutes;
  }

  /**
   * Cost of one switch of the mining setpoint.
   *
   * @return USD
   */
  public double switchCostUsd() {
    return switchCostUsd;
  }

  /**
   * Granularity of the mining setpoint.
   *
   * @return MW
   */
  public double resolutionMw() {
    return resolutionMw;
  }

  /**
   * Mining setpoint before the first decided interval.
   *
   * @return MW
   */
  public double initialMiningMw() {
    return initialMiningMw;
  }

  /**
   * Power committed to GPU leases during {@code [from, to)}: the sum of every lease that overlaps
   * the interval.
   *
   * @param from interval start
   * @param to interval end
   * @return MW
   */
  public double leasedMw(Instant from, Instant to) {
    if (leases.isEmpty()) {
      return 0;
    }
    double mw = 0;
    for (GpuLease lease : leases) {
      if (lease.overlaps(from, to)) {
        mw += lease.mw();
      }
    }
    return mw;
  }

  @Override
  public String toString() {
    return "SiteProfile[capacity=" + capacityMw + " MW, mining " + miningMinMw + ".." + miningMaxMw
        + " MW at " + efficiencyJPerTh + " J/TH, ramp +" + miningRampUpMwPerMinute + "/-"
        + miningRampDownMwPerMinute + " MW/min, spot "
        + gpuSpotMw + " MW, " + leases.size() + " leases, dwell " + minDwellMinutes
        + " min, switch " + switchCostUsd + " USD, resolution " + resolutionMw + " MW]";
  }

  /**
   * Builds a {@link SiteProfile}; each value is checked by {@link #build()}.
   *
   * <pre>{@code
   * SiteProfile site = SiteProfile.builder().capacityMw(50).build();
   * }</pre>
   */
  public static final class Builder {
    private double capacityMw = Double.NaN;
    private double miningMaxMw = Double.NaN;
    private double miningMinMw;
    private double miningRampUpMwPerMinute = Double.POSITIVE_INFINITY;
    private double miningRampDownMwPerMinute = Double.POSITIVE_INFINITY;
    private double efficiencyJPerTh = 20;
    private double gpuSpotMw;
    private final List<GpuLease> leases = new ArrayList<>();
    private double minDwellMinutes;
    private double switchCostUsd;
    private double resolutionMw = 1;
    private double initialMiningMw = Double.NaN;

    private Builder() {}

    /**
     * Grid connection capacity, required.
     *
     * @param mw MW, {@code > 0}
     * @return this builder
     */
    public Builder capacityMw(double mw) {
      this.capacityMw = mw;
      return this;
    }

    /**
     * Most power the mining pool can draw; defaults to the capacity.
     *
     * @param mw MW, {@code >= 0} and {@code <= capacityMw}
     * @return this builder
     */
    public Builder miningMaxMw(double mw) {
      this.miningMaxMw = mw;
      return this;
    }

    /**
     * Least power of the mining pool when it runs; defaults to 0.
     *
     * @param mw MW, {@code >= 0} and {@code <= miningMaxMw}
     * @return this builder
     */
    public Builder miningMinMw(double mw) {
      this.miningMinMw = mw;
      return this;
    }

    /**
     * Ramp limit of the mining setpoint in both directions; defaults to unlimited.
     *
     * @param mwPerMinute MW per minute, {@code > 0}, may be infinite
     * @return this builder
     */
    public Builder miningRampMwPerMinute(double mwPerMinute) {
      this.miningRampUpMwPerMinute = mwPerMinute;
      this.miningRampDownMwPerMinute = mwPerMinute;
      return this;
    }

    /**
     * Upward ramp limit of the mining setpoint; defaults to unlimited.
     *
     * @param mwPerMinute MW per minute, {@code > 0}, may be infinite
     * @return this builder
     */
    public Builder miningRampUpMwPerMinute(double mwPerMinute) {
      this.miningRampUpMwPerMinute = mwPerMinute;
      return this;
    }

    /**
     * Downward ramp limit of the mining setpoint; defaults to unlimited.
     *
     * @param mwPerMinute MW per minute, {@code > 0}, may be infinite
     * @return this builder
     */
    public Builder miningRampDownMwPerMinute(double mwPerMinute) {
      this.miningRampDownMwPerMinute = mwPerMinute;
      return this;
    }

    /**
     * Mining efficiency at the power target; defaults to 20 J/TH.
     *
     * @param jPerTh J/TH, {@code > 0}
     * @return this builder
     */
    public Builder efficiencyJPerTh(double jPerTh) {
      this.efficiencyJPerTh = jPerTh;
      return this;
    }

    /**
     * GPU power available for spot work; defaults to 0.
     *
     * @param mw MW, {@code >= 0}
     * @return this builder
     */
    public Builder gpuSpotMw(double mw) {
      this.gpuSpotMw = mw;
      return this;
    }

    /**
     * Replaces the committed leases with the given ones.
     *
     * @param committed the leases, in any order
     * @return this builder
     * @since 0.2.0
     */
    public Builder leases(java.util.Collection<GpuLease> committed) {
      List<GpuLease> copy = new java.util.ArrayList<>(committed.size());
      for (GpuLease l : committed) {
        copy.add(Objects.requireNonNull(l, "lease"));
      }
      this.leases.clear();
      this.leases.addAll(copy);
      return this;
    }

    /**
     * Adds a committed lease.
     *
     * @param lease the lease
     * @return this builder
     */
    public Builder addLease(GpuLease lease) {
      this.leases.add(Objects.requireNonNull(lease, "lease"));
      return this;
    }

    /**
     * Least time a setpoint is held after a switch; defaults to 0.
     *
     * @param minutes minutes, {@code >= 0}
     * @return this builder
     */
    public Builder minDwellMinutes(double minutes) {
      this.minDwellMinutes = minutes;
      return this;
    }

    /**
     * Cost of one switch; defaults to 0.
     *
     * @param usd USD, {@code >= 0}
     * @return this builder
     */
    public Builder switchCostUsd(double usd) {
      this.switchCostUsd = usd;
      return this;
    }

    /**
     * Granularity of the mining setpoint; defaults to 1 MW.
     *
     * @param mw MW, {@code > 0}; the pool's maximum and minimum are rounded down to it
     * @return this builder
     */
    public Builder resolutionMw(double mw) {
      this.resolutionMw = mw;
      return this;
    }

    /**
     * Mining setpoint before the first interval; defaults to the pool's maximum.
     *
     * @param mw MW, 0 or within the pool's range
     * @return this builder
     */
    public Builder initialMiningMw(double mw) {
      this.initialMiningMw = mw;
      return this;
    }

    /**
     * Checks every value and builds the profile.
     *
     * @return the profile
     * @throws ValidationException naming the first field that breaks its rule
     */
    public SiteProfile build() {
      positive("capacityMw", capacityMw);
      double max = Double.isNaN(miningMaxMw) ? capacityMw : miningMaxMw;
      nonNegative("miningMaxMw", max);
      if (max > capacityMw) {
        throw new ValidationException("site.miningMaxMw", max, "must be <= capacityMw (" + capacityMw + ")");
      }
      nonNegative("miningMinMw", miningMinMw);
      if (miningMinMw > max) {
        throw new ValidationException("site.miningMinMw", miningMinMw, "must be <= miningMaxMw (" + max + ")");
      }
      if (!(miningRampUpMwPerMinute > 0)) {
        throw new ValidationException("site.miningRampUpMwPerMinute", miningRampUpMwPerMinute, "must be > 0");
      }
      if (!(miningRampDownMwPerMinute > 0)) {
        throw new ValidationException("site.miningRampDownMwPerMinute", miningRampDownMwPerMinute, "must be > 0");
      }
      positive("efficiencyJPerTh", efficiencyJPerTh);
      nonNegative("gpuSpotMw", gpuSpotMw);
      nonNegative("minDwellMinutes", minDwellMinutes);
      nonNegative("switchCostUsd", switchCostUsd);
      positive("resolutionMw", resolutionMw);
      if (resolutionMw > capacityMw) {
        throw new ValidationException("site.resolutionMw", resolutionMw, "must be <= capacityMw (" + capacityMw + ")");
      }
      double initial = Double.isNaN(initialMiningMw) ? max : initialMiningMw;
      nonNegative("initialMiningMw", initial);
      if (initial > max || (initial > 0 && initial < miningMinMw)) {
        throw new ValidationException(
            "site.initialMiningMw", initial, "must be 0 or within [" + miningMinMw + ", " + max + "]");
      }
      checkLeasesFit();
      return new SiteProfile(this, max, initial);
    }

    private void checkLeasesFit() {
      TreeMap<Instant, Double> delta = new TreeMap<>();
      for (GpuLease lease : leases) {
        delta.merge(lease.start(), lease.mw(), Double::sum);
        delta.merge(lease.end(), -lease.mw(), Double::sum);
      }
      double committed = 0;
      for (Map.Entry<Instant, Double> e : delta.entrySet()) {
        committed += e.getValue();
        if (committed > capacityMw + 1e-9) {
          throw new ValidationException("site.leases", e.getKey(),
              "committed leases must fit the capacity (" + committed + " MW > " + capacityMw + " MW)");
        }
      }
    }

    private static void positive(String field, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new ValidationException("site." + field, v, "must be a finite number > 0");
      }
    }

    private static void nonNegative(String field, double v) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new ValidationException("site." + field, v, "must be a finite number >= 0");
      }
    }
  }
}
