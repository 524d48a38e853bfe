package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A holder claimed income from a revenue distributor.
 *
 * @param distributor the distributor
 * @param holder the holder
 * @param amount amount paid, base units
 * @since 0.1.0
 */
public record Claimed(Address distributor, Address holder, BigInteger amount) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public Claimed {
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new ValidationException("amount", amount, "must not be negative");
    }
  }
}
