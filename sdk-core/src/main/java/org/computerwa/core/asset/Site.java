package org.computerwa.core.asset;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

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
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSite.class)
@JsonDeserialize(as = ImmutableSite.class)
public abstract class Site {
  Site() {}

  /**
   * The site's identifier.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The grid region or market the site draws from, such as {@code "ERCOT"} or {@code "NO1"}.
   *
   * @return the region name
   */
  public abstract String gridRegion();

  /**
   * The site's grid connection capacity.
   *
   * @return megawatts, in normal form
   */
  public abstract BigDecimal powerCapacityMw();

  /**
   * The site's local time zone, for tariffs and reports.
   *
   * @return the zone
   */
  public abstract ZoneId timeZone();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  Site check() {
    Checks.id("id", id());
    Checks.name("gridRegion", gridRegion());
    Checks.positiveDecimal("powerCapacityMw", powerCapacityMw(), 100_000, 3);
    BigDecimal normal = Checks.normalized(powerCapacityMw());
    return normal.equals(powerCapacityMw()) ? this : builder().from(this).powerCapacityMw(normal).build();
  }

  /**
   * Builds a {@link Site}: one setter per attribute, named after it, each returning
   * this builder; {@code from(Site)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableSite.Builder {
    Builder() {}
  }
}
