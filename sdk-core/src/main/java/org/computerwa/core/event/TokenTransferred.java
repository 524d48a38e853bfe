package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * An ERC-20 transfer (mints from and burns to the zero address included).
 *
 * @param token the token contract
 * @param from the sender
 * @param to the recipient
 * @param amount base units
 * @since 0.1.0
 */
public record TokenTransferred(Address token, Address from, Address to, BigInteger amount) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public TokenTransferred {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new ValidationException("amount", amount, "must not be negative");
    }
  }
}
