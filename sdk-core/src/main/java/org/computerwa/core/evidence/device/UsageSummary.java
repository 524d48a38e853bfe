package org.computerwa.core.evidence.device;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;

/**
 * What a {@link UsageSampler} found in one period: the figures, how the samples were used, and the
 * statements that report it.
 *
 * <pre>{@code
 * UsageSummary summary = sampler.summarize(samples);
 * summary.availabilityBps();                       // 9987
 * List<UsageStatement> statements = summary.statements();   // AVAILABILITY, GPU_HOURS, ENERGY
 * }</pre>
 *
 * <p>Millisecond totals are summed over the declared GPUs ("GPU-milliseconds"); for each GPU
 * up + reported down + unobserved equals the period. Immutable.
 *
 * @since 0.1.0
 */
public final class UsageSummary {
  private static final BigInteger MILLIWATT_MILLIS_PER_WH = BigInteger.valueOf(3_600_000_000L);

  private final UsageSampler sampler;
  private final long upGpuMillis;
  private final long downGpuMillis;
  private final long unobservedGpuMillis;
  private final BigInteger milliwattMillis;
  private final int samplesUsed;
  private final int duplicatesDropped;
  private final int outOfOrder;

  UsageSummary(UsageSampler sampler, long upGpuMillis, long downGpuMillis, long unobservedGpuMillis,
      BigInteger milliwattMillis, int samplesUsed, int duplicatesDropped, int outOfOrder) {
    this.sampler = sampler;
    this.upGpuMillis = upGpuMillis;
    this.downGpuMillis = downGpuMillis;
    this.unobservedGpuMillis = unobservedGpuMillis;
    this.milliwattMillis = milliwattMillis;
    this.samplesUsed = samplesUsed;
    this.duplicatesDropped = duplicatesDropped;
    this.outOfOrder = outOfOrder;
  }

  private long periodMillis() {
    return sampler.periodEnd().toEpochMilli() - sampler.periodStart().toEpochMilli();
  }

  /**
   * GPU time that up samples vouch for.
   *
   * @return GPU-milliseconds
   */
  public long upGpuMillis() {
    return upGpuMillis;
  }

  /**
   * GPU time that down samples vouch for.
   *
   * @return GPU-milliseconds
   */
  public long downGpuMillis() {
    return downGpuMillis;
  }

  /**
   * GPU time no sample vouches for (counted as down).
   *
   * @return GPU-milliseconds
   */
  public long unobservedGpuMillis() {
    return unobservedGpuMillis;
  }

  /**
   * Availability of the mean GPU.
   *
   * @return basis points in {@code [0, 10000]}, rounded down
   */
  public int availabilityBps() {
    return BigInteger.valueOf(upGpuMillis).multiply(BigInteger.valueOf(UsageStatement.FULL_AVAILABILITY_BPS))
        .divide(BigInteger.valueOf(periodMillis()).multiply(BigInteger.valueOf(sampler.gpuCount())))
        .intValueExact();
  }

  /**
   * Uptime of the mean GPU.
   *
   * @return whole seconds, rounded down
   */
  public long availableSeconds() {
    return upGpuMillis / sampler.gpuCount() / 1000;
  }

  /**
   * GPU time delivered.
   *
   * @return milli-GPU-hours, rounded down
   */
  public long milliGpuHours() {
    return upGpuMillis / 3600;
  }

  /**
   * Energy drawn by the GPUs while up samples vouch for them.
   *
   * @return watt-hours, rounded down
   */
  public BigInteger energyWh() {
    return milliwattMillis.divide(MILLIWATT_MILLIS_PER_WH);
  }

  /**
   * Samples that vouch for some time of the period.
   *
   * @return the count
   */
  public int samplesUsed() {
    return samplesUsed;
  }

  /**
   * Exact repeats that were dropped.
   *
   * @return the count
   */
  public int duplicatesDropped() {
    return duplicatesDropped;
  }

  /**
   * Samples that arrived after a later sample of the same GPU.
   *
   * @return the count
   */
  public int outOfOrder() {
    return outOfOrder;
  }

  /**
   * The period's start.
   *
   * @return inclusive start
   */
  public Instant periodStart() {
    return sampler.periodStart();
  }

  /**
   * The period's end.
   *
   * @return exclusive end
   */
  public Instant periodEnd() {
    return sampler.periodEnd();
  }

  /**
   * The statements that report this summary: {@code AVAILABILITY} (seconds), {@code GPU_HOURS}
   * (milli-GPU-hours) and {@code ENERGY} (Wh), each with the period's availability.
   *
   * @return three statements, in that order
   */
  public List<UsageStatement> statements() {
    List<UsageStatement> out = new ArrayList<>(3);
    out.add(statement(UsageKind.AVAILABILITY, BigInteger.valueOf(availableSeconds())));
    out.add(statement(UsageKind.GPU_HOURS, BigInteger.valueOf(milliGpuHours())));
    out.add(statement(UsageKind.ENERGY, energyWh()));
    return List.copyOf(out);
  }

  /**
   * Signs {@link #statements()} with the device key.
   *
   * @param deviceKey the key of the sampler's device
   * @param domain the usage domain, normally {@link UsageStatement#domain(long, org.computerwa.core.crypto.Address)}
   * @return the signed statements, in the order of {@link #statements()}
   * @throws org.computerwa.core.ValidationException if the key is not the device's
   */
  public List<SignedUsageStatement> sign(SigningKey deviceKey, Eip712Domain domain) {
    List<SignedUsageStatement> out = new ArrayList<>(3);
    for (UsageStatement s : statements()) {
      out.add(s.sign(deviceKey, domain));
    }
    return List.copyOf(out);
  }

  private UsageStatement statement(UsageKind kind, BigInteger value) {
    return UsageStatement.builder()
        .assetId(sampler.assetId())
        .device(sampler.device())
        .periodStart(sampler.periodStart())
        .periodEnd(sampler.periodEnd())
        .kind(kind)
        .value(value)
        .availabilityBps(availabilityBps())
        .build();
  }

  @Override
  public String toString() {
    return "UsageSummary[" + periodStart() + ".." + periodEnd() + ", " + availabilityBps() + " bps, "
        + milliGpuHours() + " mGPUh, " + energyWh() + " Wh, up " + upGpuMillis + " ms, down " + downGpuMillis
        + " ms, unobserved " + unobservedGpuMillis + " ms]";
  }
}
