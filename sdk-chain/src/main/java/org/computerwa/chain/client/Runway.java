package org.computerwa.chain.client;

import java.time.Duration;
import org.computerwa.core.money.TokenAmount;

/**
 * How much paid service a lease has left: time until its end and the escrow still held.
 *
 * <pre>{@code
 * Runway r = client.leases().runway(leaseId);
 * r.remaining();   // PT9H58M20S
 * r.escrow();      // 35.9 tUSD
 * }</pre>
 *
 * <p>Leases are paid in full at acceptance, so the escrow always covers the remaining time; it
 * also still holds income that accrued but is not yet settled.
 *
 * @since 0.1.0
 */
public final class Runway {
  private final Duration remaining;
  private final TokenAmount escrow;

  Runway(Duration remaining, TokenAmount escrow) {
    this.remaining = remaining;
    this.escrow = escrow;
  }

  /**
   * Time until the lease ends, at the latest block.
   *
   * @return zero when ended or not running
   */
  public Duration remaining() {
    return remaining;
  }

  /**
   * Escrow still held for the lease.
   *
   * @return zero when not running
   */
  public TokenAmount escrow() {
    return escrow;
  }

  @Override
  public String toString() {
    return "Runway[" + remaining + ", escrow " + escrow + "]";
  }
}
