package org.computerwa.core.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * An SLA credit proven by anchored evidence was applied to a lease.
 *
 * @param leaseId the lease
 * @param periodStart start of the evidence period
 * @param periodEnd end of the evidence period
 * @param downtimeSeconds proven downtime
 * @param credit credit to the lessee, base units
 * @since 0.1.0
 */
public record SlaCreditApplied(BigInteger leaseId, Instant periodStart, Instant periodEnd, long downtimeSeconds, BigInteger credit) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public SlaCreditApplied {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(credit, "credit");
    if (leaseId.signum() < 0) {
      throw new ValidationException("leaseId", leaseId, "must not be negative");
    }
    if (credit.signum() < 0) {
      throw new ValidationException("credit", credit, "must not be negative");
    }
  }
}
