package org.computerwa.core.evidence.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What one GPU reported at one instant: whether it answered, its utilization and its power draw.
 *
 * <pre>{@code
 * GpuSample ok = GpuSample.up("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52",
 *     Instant.parse("2026-11-28T00:00:05.123Z"), new BigDecimal("87"), new BigDecimal("245.31"));
 * GpuSample lost = GpuSample.down("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52",
 *     Instant.parse("2026-11-28T00:00:15.123Z"), "[GPU is lost]");
 * }</pre>
 *
 * <p>A sample is <em>up</em> when the GPU answered with a utilization reading; a GPU that answered
 * with an error, or not at all, is down. Power may be unknown on an up sample (some boards do not
 * report it); energy is then not counted for the time that sample covers.
 *
 * <p>A final class, not a record (the SDK's value style): two samples are equal when their readings
 * are numerically equal ({@code 87} and {@code 87.0}, as nvidia-smi and DCGM print them), where a
 * record compares {@code BigDecimal}s by scale too; and its optional readings are
 * {@link Optional} accessors, where a record's accessors return its nullable components.
 *
 * @since 0.1.0
 */
public final class GpuSample {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final String gpu;
  private final Instant time;
  private final boolean up;
  private final @Nullable BigDecimal utilizationPercent;
  private final @Nullable BigDecimal powerWatts;
  private final @Nullable String downReason;

  private GpuSample(String gpu, Instant time, boolean up, @Nullable BigDecimal utilizationPercent,
      @Nullable BigDecimal powerWatts, @Nullable String downReason) {
    this.gpu = gpu;
    this.time = time;
    this.up = up;
    this.utilizationPercent = utilizationPercent;
    this.powerWatts = powerWatts;
    this.downReason = downReason;
  }

  /**
   * A sample of a GPU that answered.
   *
   * @param gpu the GPU's identity, normally its UUID ({@code GPU-...})
   * @param time when the reading was taken
   * @param utilizationPercent utilization in {@code [0, 100]}
   * @param powerWatts power draw in watts, {@code >= 0}, or {@code null} if the board does not
   *     report it
   * @return the sample
   * @throws ValidationException if a value is out of range
   */
  public static GpuSample up(String gpu, Instant time, BigDecimal utilizationPercent, @Nullable BigDecimal powerWatts) {
    checkGpu(gpu);
    Objects.requireNonNull(time, "time");
    if (utilizationPercent.signum() < 0 || utilizationPercent.compareTo(HUNDRED) > 0) {
      throw new ValidationException("utilizationPercent", utilizationPercent.toPlainString(), "must be in [0, 100]");
    }
    if (powerWatts != null && powerWatts.signum() < 0) {
      throw new ValidationException("powerWatts", powerWatts.toPlainString(), "must be >= 0");
    }
    return new GpuSample(gpu, time, true, utilizationPercent, powerWatts, null);
  }

  /**
   * A sample of a GPU that did not answer with a reading.
   *
   * @param gpu the GPU's identity
   * @param time when the reading was attempted
   * @param reason what the tool printed instead, such as {@code "[GPU is lost]"}
   * @return the sample
   */
  public static GpuSample down(String gpu, Instant time, String reason) {
    checkGpu(gpu);
    return new GpuSample(gpu, Objects.requireNonNull(time, "time"), false, null, null,
        Objects.requireNonNull(reason, "reason"));
  }

  private static void checkGpu(String gpu) {
    if (gpu.isBlank()) {
      throw new ValidationException("gpu", gpu, "must not be blank");
    }
  }

  /**
   * The GPU's identity.
   *
   * @return the UUID (or other stable id) of the GPU
   */
  public String gpu() {
    return gpu;
  }

  /**
   * When the reading was taken.
   *
   * @return the instant, millisecond precision or finer
   */
  public Instant time() {
    return time;
  }

  /**
   * Whether the GPU answered with a reading.
   *
   * @return {@code true} if up
   */
  public boolean up() {
    return up;
  }

  /**
   * The utilization reading.
   *
   * @return percent in {@code [0, 100]}, empty when down
   */
  public Optional<BigDecimal> utilizationPercent() {
    return Optional.ofNullable(utilizationPercent);
  }

  /**
   * The power reading.
   *
   * @return watts, empty when down or not reported
   */
  public Optional<BigDecimal> powerWatts() {
    return Optional.ofNullable(powerWatts);
  }

  /**
   * Why the sample counts as down.
   *
   * @return what the tool printed, empty when up
   */
  public Optional<String> downReason() {
    return Optional.ofNullable(downReason);
  }

  /** Whether two samples carry the same reading (used to tell duplicates from conflicts). */
  boolean sameReading(GpuSample other) {
    return up == other.up
        && compare(utilizationPercent, other.utilizationPercent)
        && compare(powerWatts, other.powerWatts);
  }

  private static boolean compare(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GpuSample)) {
      return false;
    }
    GpuSample other = (GpuSample) o;
    return gpu.equals(other.gpu) && time.equals(other.time) && sameReading(other)
        && Objects.equals(downReason, other.downReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gpu, time, up);
  }

  @Override
  public String toString() {
    return up
        ? "GpuSample[" + gpu + " @ " + time + " up, " + utilizationPercent.toPlainString() + " %, "
            + (powerWatts == null ? "power n/a" : powerWatts.toPlainString() + " W") + "]"
        : "GpuSample[" + gpu + " @ " + time + " down: " + downReason + "]";
  }
}
