package org.computerwa.core.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * Accrued rent of a lease was settled.
 *
 * @param leaseId the lease
 * @param paidUntil rent is paid up to this instant
 * @param gross rent settled, base units
 * @param net after SLA credits, base units
 * @since 0.1.0
 */
public record LeaseSettled(BigInteger leaseId, Instant paidUntil, BigInteger gross, BigInteger net) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public LeaseSettled {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(paidUntil, "paidUntil");
    Objects.requireNonNull(gross, "gross");
    Objects.requireNonNull(net, "net");
    if (leaseId.signum() < 0) {
      throw new ValidationException("leaseId", leaseId, "must not be negative");
    }
    if (gross.signum() < 0) {
      throw new ValidationException("gross", gross, "must not be negative");
    }
    if (net.signum() < 0) {
      throw new ValidationException("net", net, "must not be negative");
    }
  }
}
