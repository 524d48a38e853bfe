package org.computerwa.core.asset;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

/**
 * The GPUs of a node: model, count, and per-GPU memory, board power and dense BF16 throughput.
 *
 * <pre>{@code
 * GpuSpec spec = GpuSpec.builder()
 *     .model("H100 SXM")
 *     .count(8)
 *     .memoryGib(80)
 *     .boardPowerWatts(700)
 *     .denseBf16Tflops(new BigDecimal("989.4"))
 *     .build();
 * }</pre>
 *
 * <p>Rules: count 1 to 1024; memory 1 to 65 536 GiB; board power 1 to 100 000 W; TFLOPS greater
 * than 0, at most 1 000 000, at most 3 fraction digits. TFLOPS is kept in normal form (no
 * trailing zeros), so {@code 989.40} and {@code 989.4} are the same spec with the same hash.
 * In JSON the TFLOPS figure is a decimal string.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGpuSpec.class)
@JsonDeserialize(as = ImmutableGpuSpec.class)
public abstract class GpuSpec implements DeviceSpec {
  GpuSpec() {}

  /**
   * The GPU model.
   *
   * @return the model, such as {@code "H100 SXM"}
   */
  @Override
  public abstract String model();

  /**
   * How many GPUs the node has.
   *
   * @return 1 to 1024
   */
  public abstract int count();

  /**
   * Memory of one GPU.
   *
   * @return GiB per GPU
   */
  public abstract int memoryGib();

  /**
   * Board power of one GPU.
   *
   * @return watts per GPU
   */
  public abstract int boardPowerWatts();

  /**
   * Dense BF16 throughput of one GPU.
   *
   * @return TFLOPS per GPU, in normal form
   */
  public abstract BigDecimal denseBf16Tflops();

  /**
   * Board power of all GPUs together.
   *
   * @return {@code count * boardPowerWatts}
   */
  @Override
  public long totalPowerWatts() {
    return (long) count() * boardPowerWatts();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  GpuSpec check() {
    Checks.name("model", model());
    Checks.range("count", count(), 1, 1024);
    Checks.range("memoryGib", memoryGib(), 1, 65_536);
    Checks.range("boardPowerWatts", boardPowerWatts(), 1, 100_000);
    Checks.positiveDecimal("denseBf16Tflops", denseBf16Tflops(), 1_000_000, 3);
    BigDecimal normal = Checks.normalized(denseBf16Tflops());
    return normal.equals(denseBf16Tflops()) ? this : builder().from(this).denseBf16Tflops(normal).build();
  }

  /**
   * Builds a {@link GpuSpec}: one setter per attribute, named after it, each returning
   * this builder; {@code from(GpuSpec)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableGpuSpec.Builder {
    Builder() {}
  }
}
