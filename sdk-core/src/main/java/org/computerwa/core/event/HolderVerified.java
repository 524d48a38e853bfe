package org.computerwa.core.event;

import java.util.Objects;
import org.computerwa.core.crypto.Address;

/**
 * An account was verified (or unverified) as a permitted share holder.
 *
 * @param account the account
 * @param verified the new status
 * @since 0.1.0
 */
public record HolderVerified(Address account, boolean verified) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public HolderVerified {
    Objects.requireNonNull(account, "account");
  }
}
