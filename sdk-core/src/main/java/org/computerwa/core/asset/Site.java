package org.computerwa.core.asset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A site that powers compute: its id, grid region, power capacity and time zone.
 *
 * <pre>{@code
 * Site site = Site.builder()
 *     .id("tx-abilene-1")
 *     .gridRegion("ERCOT")
 *     .powerCapacityMw(new BigDecimal("12.5"))
 *     .timeZone(ZoneId.of("America/Chicago"))
 *     .build();
 * }</pre>
 *
 * <p>Rules: the id is 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}; the grid region a short
 * name; the capacity greater than 0 and at most 100 000 MW with at most 3 fraction digits (kW),
 * kept in normal form. In JSON the capacity is a decimal string and the zone an IANA region ID.
 *
 * @param id the site's identifier
 * @param gridRegion the grid region or market the site draws from, such as {@code "ERCOT"} or {@code "NO1"}
 * @param powerCapacityMw the site's grid connection capacity
 * @param timeZone the site's local time zone, for tariffs and reports
 * @since 0.1.0
 */
@JsonDeserialize(builder = Site.Builder.class)
public record Site(
    @JsonProperty("id") String id,
    @JsonProperty("gridRegion") String gridRegion,
    @JsonProperty("powerCapacityMw") BigDecimal powerCapacityMw,
    @JsonProperty("timeZone") ZoneId timeZone) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param id the id
   * @param gridRegion the region name
   * @param powerCapacityMw megawatts, in normal form
   * @param timeZone the zone
   * @throws ValidationException naming the first field that breaks a rule
   */
  public Site {
    Checks.required("id", id);
    Checks.required("gridRegion", gridRegion);
    Checks.required("powerCapacityMw", powerCapacityMw);
    Checks.required("timeZone", timeZone);
    Checks.id("id", id);
    Checks.name("gridRegion", gridRegion);
    Checks.positiveDecimal("powerCapacityMw", powerCapacityMw, 100_000, 3);
    powerCapacityMw = Checks.normalized(powerCapacityMw);
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
   * Builds {@link Site}: one setter per component, named after it, each returning this builder;
   * {@code from(Site)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String gridRegion;
    private @Nullable BigDecimal powerCapacityMw;
    private @Nullable ZoneId timeZone;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(Site instance) {
      this.id = instance.id();
      this.gridRegion = instance.gridRegion();
      this.powerCapacityMw = instance.powerCapacityMw();
      this.timeZone = instance.timeZone();
      return this;
    }

    /**
     * Sets {@link Site#id()}: the site's identifier.
     *
     * @param id the value
     * @return this builder
     */
    @JsonProperty("id")
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@link Site#gridRegion()}: the grid region or market the site draws from, such as {@code "ERCOT"} or {@code "NO1"}.
     *
     * @param gridRegion the value
     * @return this builder
     */
    @JsonProperty("gridRegion")
    public Builder gridRegion(String gridRegion) {
      this.gridRegion = gridRegion;
      return this;
    }

    /**
     * Sets {@link Site#powerCapacityMw()}: the site's grid connection capacity.
     *
     * @param powerCapacityMw the value
     * @return this builder
     */
    @JsonProperty("powerCapacityMw")
    public Builder powerCapacityMw(BigDecimal powerCapacityMw) {
      this.powerCapacityMw = powerCapacityMw;
      return this;
    }

    /**
     * Sets {@link Site#timeZone()}: the site's local time zone, for tariffs and reports.
     *
     * @param timeZone the value
     * @return this builder
     */
    @JsonProperty("timeZone")
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public Site build() {
      return new Site(Checks.required("id", id), Checks.required("gridRegion", gridRegion), Checks.required("powerCapacityMw", powerCapacityMw), Checks.required("timeZone", timeZone));
    }
  }
}
