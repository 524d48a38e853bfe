package org.computerwa.core.lease;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

/**
 * How an SLA shortfall turns into a credit: so many basis points of the period's rent per basis
 * point of shortfall, up to a cap.
 *
 * <pre>{@code
 * SlaCredit rule = SlaCredit.builder().bpsPerShortfallBps(10).maxBps(3_000).build();
 * // 0.5 % short (50 bps) -> 500 bps = 5 % of the period's rent back; never more than 30 %
 * }</pre>
 *
 * <p>Rules: both figures 0 to 10 000.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSlaCredit.class)
@JsonDeserialize(as = ImmutableSlaCredit.class)
public abstract class SlaCredit {
  SlaCredit() {}

  /**
   * Credit, in basis points of the period's rent, for each basis point of shortfall.
   *
   * @return 0 to 10 000
   */
  public abstract int bpsPerShortfallBps();

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
    Checks.range("bpsPerShortfallBps", bpsPerShortfallBps(), 0, 10_000);
    Checks.range("maxBps", maxBps(), 0, 10_000);
  }

  /** Builds an {@link SlaCredit}; {@code build()} validates. */
  public static final class Builder extends ImmutableSlaCredit.Builder {
    Builder() {}
  }
}
