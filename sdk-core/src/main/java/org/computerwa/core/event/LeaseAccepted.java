package org.computerwa.core.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A lessee accepted an offer and paid the escrow.
 *
 * @param leaseId the lease
 * @param lessee the lessee
 * @param start when the lease starts
 * @param end when it ends
 * @param escrow the escrow paid, base units of the payment token
 * @since 0.1.0
 */
public record LeaseAccepted(BigInteger leaseId, Address lessee, Instant start, Instant end, BigInteger escrow) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public LeaseAccepted {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(lessee, "lessee");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(escrow, "escrow");
    if (leaseId.signum() < 0) {
      throw new ValidationException("leaseId", leaseId, "must not be negative");
    }
    if (escrow.signum() < 0) {
      throw new ValidationException("escrow", escrow, "must not be negative");
    }
  }
}
