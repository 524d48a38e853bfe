package org.computerwa.core.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A lease was terminated early.
 *
 * @param leaseId the lease
 * @param by who terminated it
 * @param end the new end
 * @param refund escrow refunded, base units
 * @since 0.1.0
 */
public record LeaseTerminated(BigInteger leaseId, Address by, Instant end, BigInteger refund) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public LeaseTerminated {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(refund, "refund");
    if (leaseId.signum() < 0) {
      throw new ValidationException("leaseId", leaseId, "must not be negative");
    }
    if (refund.signum() < 0) {
      throw new ValidationException("refund", refund, "must not be negative");
    }
  }
}
