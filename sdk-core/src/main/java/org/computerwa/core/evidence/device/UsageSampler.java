package org.computerwa.core.evidence.device;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.jspecify.annotations.Nullable;

/**
 * Turns the periodic samples of a device's GPUs into a {@link UsageSummary} for one period:
 * availability (seconds and basis points), GPU-hours and energy.
 *
 * <pre>{@code
 * UsageSampler sampler = UsageSampler.builder()
 *     .assetId(BigInteger.ONE)
 *     .device(deviceKey.address())
 *     .period(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-28T01:00:00Z"))
 *     .sampleInterval(Duration.ofSeconds(10))
 *     .gapTolerance(2)
 *     .gpus(Set.of("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52"))
 *     .build();
 * UsageSummary summary = sampler.summarize(samples);
 * }</pre>
 *
 * <p>The rules, per declared GPU, on its samples sorted by time:
 * <ul>
 *   <li>A sample vouches for the time from its instant to the next sample of the same GPU when
 *       that next sample comes within {@code sampleInterval × gapTolerance}; otherwise (a gap, or
 *       the last sample) it vouches for one {@code sampleInterval} only. Time no sample vouches
 *       for is <em>unobserved</em> and counts as downtime, never as uptime; in particular the
 *       period's start is unobserved until the first sample unless an earlier sample (one from
 *       before the period may be passed in) reaches it.
 *   <li>Time vouched for by an up sample is up; by a down sample, down. Energy is the power of
 *       each up sample times the time it vouches for (unknown power adds nothing).
 *   <li>Only the part inside {@code [periodStart, periodEnd)} counts.
 *   <li>Samples may arrive out of order: they are sorted and the count is reported. A sample
 *       repeated with the same reading is dropped and counted; two different readings for one GPU
 *       at one instant are a {@link ValidationException}, as is a sample of an undeclared GPU.
 * </ul>
 *
 * <p>Results, over {@code g} declared GPUs and a period of {@code P} milliseconds, all rounded
 * down: availability {@code bps = upGpuMillis × 10000 / (g × P)} and seconds
 * {@code upGpuMillis / g / 1000} (the mean GPU's uptime); GPU-hours in milli-GPU-hours
 * {@code upGpuMillis / 3600}, the GPU time the operator delivered whether or not the lessee's
 * workload kept it busy (utilization is the lessee's business, availability the operator's);
 * energy in Wh. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UsageSampler {
  private final BigInteger assetId;
  private final Address device;
  private final Instant periodStart;
  private final Instant periodEnd;
  private final long intervalMillis;
  private final long maxGapMillis;
  private final Set<String> gpus;

  private UsageSampler(Builder b) {
    this.assetId = require(b.assetId, "assetId");
    this.device = require(b.device, "device");
    this.periodStart = require(b.periodStart, "periodStart");
    this.periodEnd = require(b.periodEnd, "periodEnd");
    Duration interval = require(b.sampleInterval, "sampleInterval");
    BigDecimal tolerance = require(b.gapTolerance, "gapTolerance");
    if (b.gpus.isEmpty()) {
      throw new ValidationException("gpus", "[]", "must name at least one GPU of the device");
    }
    if (periodStart.getNano() != 0 || periodEnd.getNano() != 0) {
      throw new ValidationException("period", periodStart + ".." + periodEnd, "must start and end on whole seconds");
    }
    if (!periodEnd.isAfter(periodStart)) {
      throw new ValidationException("periodEnd", periodEnd, "must be after periodStart (" + periodStart + ")");
    }
    if (interval.isNegative() || interval.isZero() || interval.toMillis() == 0) {
      throw new ValidationException("sampleInterval", interval, "must be at least 1 ms");
    }
    if (tolerance.compareTo(BigDecimal.ONE) < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new ValidationException("gapTolerance", tolerance.toPlainString(), "must be in [1, 100]");
    }
    this.intervalMillis = interval.toMillis();
    this.maxGapMillis = tolerance.multiply(BigDecimal.valueOf(intervalMillis)).setScale(0, RoundingMode.DOWN).longValueExact();
    this.gpus = Set.copyOf(new TreeSet<>(b.gpus));
  }

  /**
   * Starts a builder; every setting is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Summarizes the samples of the period.
   *
   * @param samples samples of the declared GPUs, in any order; samples from just before the
   *     period may reach into it
   * @return the summary
   * @throws ValidationException naming {@code samples[i]} for a sample of an undeclared GPU or a
   *     conflicting repeat
   */
  public UsageSummary summarize(List<GpuSample> samples) {
    Map<String, List<Indexed>> byGpu = new LinkedHashMap<>();
    for (String gpu : new TreeSet<>(gpus)) {
      byGpu.put(gpu, new ArrayList<>());
    }
    int outOfOrder = 0;
    Map<String, Instant> latest = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      GpuSample s = samples.get(i);
      List<Indexed> list = byGpu.get(s.gpu());
      if (list == null) {
        throw new ValidationException("samples[" + i + "].gpu", s.gpu(), "must be one of the declared GPUs " + byGpu.keySet());
      }
      Instant before = latest.get(s.gpu());
      if (before != null && s.time().isBefore(before)) {
        outOfOrder++;
      } else {
        latest.put(s.gpu(), s.time());
      }
      list.add(new Indexed(i, s));
    }
    long start = periodStart.toEpochMilli();
    long end = periodEnd.toEpochMilli();
    long up = 0;
    long down = 0;
    long unobserved = 0;
    BigInteger milliwattMillis = BigInteger.ZERO;
    int duplicates = 0;
    int used = 0;
    for (List<Indexed> list : byGpu.values()) {
      list.sort(Comparator.comparing((Indexed x) -> x.sample.time()).thenComparingInt(x -> x.index));
      List<Indexed> distinct = new ArrayList<>(list.size());
      for (Indexed x : list) {
        Indexed prev = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
        if (prev != null && prev.sample.time().equals(x.sample.time())) {
          if (!prev.sample.sameReading(x.sample)) {
            throw new ValidationException("samples[" + x.index + "]", x.sample,
                "must not contradict samples[" + prev.index + "] (" + prev.sample + ") for the same GPU and instant");
          }
          duplicates++;
          continue;
        }
        distinct.add(x);
      }
      long vouched = 0;
      for (int i = 0; i < distinct.size(); i++) {
        GpuSample s = distinct.get(i).sample;
        long t = s.time().toEpochMilli();
        long holdEnd = t + intervalMillis;
        if (i + 1 < distinct.size()) {
          long next = distinct.get(i + 1).sample.time().toEpochMilli();
          holdEnd = next - t <= maxGapMillis ? next : Math.min(holdEnd, next);
        }
        long from = Math.max(t, start);
        long to = Math.min(holdEnd, end);
        if (to <= from) {
          continue;
        }
        used++;
        long span = to - from;
        vouched += span;
        if (s.up()) {
          up += span;
          if (s.powerWatts().isPresent()) {
            BigInteger milliwatts = s.powerWatts().get().movePointRight(3).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            milliwattMillis = milliwattMillis.add(milliwatts.multiply(BigInteger.valueOf(span)));
          }
        } else {
          down += span;
        }
      }
      unobserved += (end - start) - vouched;
    }
    return new UsageSummary(this, up, down, unobserved, milliwattMillis, used, duplicates, outOfOrder);
  }

  BigInteger assetId() {
    return assetId;
  }

  Address device() {
    return device;
  }

  Instant periodStart() {
    return periodStart;
  }

  Instant periodEnd() {
    return periodEnd;
  }

  int gpuCount() {
    return gpus.size();
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  private static final class Indexed {
    final int index;
    final GpuSample sample;

    Indexed(int index, GpuSample sample) {
      this.index = index;
      this.sample = sample;
    }
  }

  /** Collects the settings of a {@link UsageSampler}; {@link #build()} validates them all. */
  public static final class Builder {
    private @Nullable BigInteger assetId;
    private @Nullable Address device;
    private @Nullable Instant periodStart;
    private @Nullable Instant periodEnd;
    private @Nullable Duration sampleInterval;
    private @Nullable BigDecimal gapTolerance;
    private final Set<String> gpus = new TreeSet<>();

    private Builder() {}

    /**
     * Sets the asset the statements are about.
     *
     * @param assetId the asset's token id
     * @return this builder
     */
    public Builder assetId(BigInteger assetId) {
      this.assetId = assetId;
      return this;
    }

    /**
     * Sets the device key's address, the statements' signer.
     *
     * @param device the address
     * @return this builder
     */
    public Builder device(Address device) {
      this.device = device;
      return this;
    }

    /**
     * Sets the period.
     *
     * @param start inclusive start, whole seconds
     * @param end exclusive end, whole seconds, after the start
     * @return this builder
     */
    public Builder period(Instant start, Instant end) {
      this.periodStart = start;
      this.periodEnd = end;
      return this;
    }

    /**
     * Sets the interval the device promises to sample at.
     *
     * @param interval at least 1 ms
     * @return this builder
     */
    public Builder sampleInterval(Duration interval) {
      this.sampleInterval = interval;
      return this;
    }

    /**
     * Sets how late a sample may be before the time since the previous one is a gap.
     *
     * @param tolerance a multiple of the sample interval, in {@code [1, 100]}
     * @return this builder
     */
    public Builder gapTolerance(BigDecimal tolerance) {
      this.gapTolerance = tolerance;
      return this;
    }

    /**
     * Sets the gap tolerance as a whole multiple of the interval.
     *
     * @param tolerance a multiple of the sample interval, in {@code [1, 100]}
     * @return this builder
     */
    public Builder gapTolerance(int tolerance) {
      return gapTolerance(BigDecimal.valueOf(tolerance));
    }

    /**
     * Declares the device's GPUs: each one counts whether or not it reported.
     *
     * @param gpus the GPU identities (UUIDs), at least one
     * @return this builder
     */
    public Builder gpus(Set<String> gpus) {
      this.gpus.clear();
      for (String gpu : gpus) {
        if (gpu.isBlank()) {
          throw new ValidationException("gpus", gpu, "must not contain a blank GPU id");
        }
        this.gpus.add(gpu);
      }
      return this;
    }

    /**
     * Validates and builds the sampler.
     *
     * @return the sampler
     * @throws ValidationException naming the first setting that is missing or breaks its rule
     */
    public UsageSampler build() {
      return new UsageSampler(this);
    }
  }
}
