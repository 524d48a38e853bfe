package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * One settled real-time price as the market published it: the interval it prices and when it
 * became known.
 *
 * <pre>{@code
 * SettledPrice p = new SettledPrice(Instant.parse("2024-08-20T23:45:00Z"),
 *     Instant.parse("2024-08-21T00:05:00Z"), 1250.75);
 * }</pre>
 *
 * @param intervalStart start of the priced interval
 * @param publishedAt when the price was published; not before the interval ends (checked when it
 *     joins a {@link MarketView})
 * @param usdPerMwh the price, finite (negative prices are real)
 * @since 0.2.0
 */
public record SettledPrice(Instant intervalStart, Instant publishedAt, double usdPerMwh) {

  /**
   * Checks the price.
   *
   * @param intervalStart start of the priced interval
   * @param publishedAt when the price was published
   * @param usdPerMwh the price
   * @throws ValidationException if the price is not finite or publication precedes the start
   */
  public SettledPrice {
    Objects.requireNonNull(intervalStart, "intervalStart");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (!Double.isFinite(usdPerMwh)) {
      throw new ValidationException("settled.usdPerMwh", usdPerMwh, "must be a finite number");
    }
    if (publishedAt.isBefore(intervalStart)) {
      throw new ValidationException("settled.publishedAt", publishedAt,
          "must not precede the interval start " + intervalStart + ": a price is settled after its interval");
    }
  }
}
