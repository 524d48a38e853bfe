package org.computerwa.core.lease;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

/**
 * How excess downtime turns into a credit: each second of downtime beyond what the SLA allows is
 * credited at {@code creditBps} of its rent, and the credit for a period never exceeds
 * {@code maxBps} of that period's rent.
 *
 * <pre>{@code
 * SlaCredit refund = SlaCredit.builder().creditBps(10_000).maxBps(3_000).build();
 * // every excess second of downtime is refunded at the lease rate, at most 30 % of the rent
 * SlaCredit penalty = SlaCredit.builder().creditBps(25_000).maxBps(10_000).build();
 * // every excess second costs the lessor 2.5 seconds of rent, at most the whole rent
 * }</pre>
 *
 * <p>Rules: {@code creditBps} 0 to 100 000 (up to ten times the rent of the lost time);
 * {@code maxBps} 0 to 10 000.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSlaCredit.class)
@JsonDeserialize(as = ImmutableSlaCredit.class)
public abstract class SlaCredit {
  SlaCredit() {}

  /**
   * Credit for each excess second of downtime, in basis points of the rent of that second
   * (10 000 refunds it at the lease rate).
   *
   * @return 0 to 100 000
   */
  public abstract int creditBps();

  /**
   * The largest credit, in basis points of the period's rent.
   *
   * @return 0 to 10 000
   */
  public abstract int maxBps();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.range("creditBps", creditBps(), 0, 100_000);
    Checks.range("maxBps", maxBps(), 0, 10_000);
  }

  /**
   * Builds an {@link SlaCredit}: one setter per attribute, named after it, each returning
   * this builder; {@code from(SlaCredit)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableSlaCredit.Builder {
    Builder() {}
  }
}
