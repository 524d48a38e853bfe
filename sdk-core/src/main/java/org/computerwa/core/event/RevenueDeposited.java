package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * Income was deposited into an asset's revenue distributor.
 *
 * @param distributor the distributor
 * @param from the depositor
 * @param received amount received, base units
 * @since 0.1.0
 */
public record RevenueDeposited(Address distributor, Address from, BigInteger received) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public RevenueDeposited {
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(received, "received");
    if (received.signum() < 0) {
      throw new ValidationException("received", received, "must not be negative");
    }
  }
}
