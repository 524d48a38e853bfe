package org.computerwa.core.asset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigDecimal;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

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
 * @param model the GPU model
 * @param count how many GPUs the node has
 * @param memoryGib memory of one GPU
 * @param boardPowerWatts board power of one GPU
 * @param denseBf16Tflops dense BF16 throughput of one GPU
 * @since 0.1.0
 */
@JsonDeserialize(builder = GpuSpec.Builder.class)
public record GpuSpec(
    @JsonProperty("model") String model,
    @JsonProperty("count") int count,
    @JsonProperty("memoryGib") int memoryGib,
    @JsonProperty("boardPowerWatts") int boardPowerWatts,
    @JsonProperty("denseBf16Tflops") BigDecimal denseBf16Tflops) implements DeviceSpec {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param model the model, such as {@code "H100 SXM"}
   * @param count 1 to 1024
   * @param memoryGib GiB per GPU
   * @param boardPowerWatts watts per GPU
   * @param denseBf16Tflops TFLOPS per GPU, in normal form
   * @throws ValidationException naming the first field that breaks a rule
   */
  public GpuSpec {
    Checks.required("model", model);
    Checks.required("denseBf16Tflops", denseBf16Tflops);
    Checks.name("model", model);
    Checks.range("count", count, 1, 1024);
    Checks.range("memoryGib", memoryGib, 1, 65_536);
    Checks.range("boardPowerWatts", boardPowerWatts, 1, 100_000);
    Checks.positiveDecimal("denseBf16Tflops", denseBf16Tflops, 1_000_000, 3);
    denseBf16Tflops = Checks.normalized(denseBf16Tflops);
  }

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

  /**
   * Builds {@link GpuSpec}: one setter per component, named after it, each returning this builder;
   * {@code from(GpuSpec)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String model;
    private @Nullable Integer count;
    private @Nullable Integer memoryGib;
    private @Nullable Integer boardPowerWatts;
    private @Nullable BigDecimal denseBf16Tflops;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(GpuSpec instance) {
      this.model = instance.model();
      this.count = instance.count();
      this.memoryGib = instance.memoryGib();
      this.boardPowerWatts = instance.boardPowerWatts();
      this.denseBf16Tflops = instance.denseBf16Tflops();
      return this;
    }

    /**
     * Sets {@link GpuSpec#model()}: the GPU model.
     *
     * @param model the value
     * @return this builder
     */
    @JsonProperty("model")
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets {@link GpuSpec#count()}: how many GPUs the node has.
     *
     * @param count the value
     * @return this builder
     */
    @JsonProperty("count")
    public Builder count(int count) {
      this.count = count;
      return this;
    }

    /**
     * Sets {@link GpuSpec#memoryGib()}: memory of one GPU.
     *
     * @param memoryGib the value
     * @return this builder
     */
    @JsonProperty("memoryGib")
    public Builder memoryGib(int memoryGib) {
      this.memoryGib = memoryGib;
      return this;
    }

    /**
     * Sets {@link GpuSpec#boardPowerWatts()}: board power of one GPU.
     *
     * @param boardPowerWatts the value
     * @return this builder
     */
    @JsonProperty("boardPowerWatts")
    public Builder boardPowerWatts(int boardPowerWatts) {
      this.boardPowerWatts = boardPowerWatts;
      return this;
    }

    /**
     * Sets {@link GpuSpec#denseBf16Tflops()}: dense BF16 throughput of one GPU.
     *
     * @param denseBf16Tflops the value
     * @return this builder
     */
    @JsonProperty("denseBf16Tflops")
    public Builder denseBf16Tflops(BigDecimal denseBf16Tflops) {
      this.denseBf16Tflops = denseBf16Tflops;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public GpuSpec build() {
      return new GpuSpec(Checks.required("model", model), Checks.required("count", count), Checks.required("memoryGib", memoryGib), Checks.required("boardPowerWatts", boardPowerWatts), Checks.required("denseBf16Tflops", denseBf16Tflops));
    }
  }
}
