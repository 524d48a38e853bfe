package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A lease of an asset was offered.
 *
 * @param leaseId the lease
 * @param assetId the asset
 * @param lessor the offering owner
 * @since 0.1.0
 */
public record LeaseOffered(BigInteger leaseId, BigInteger assetId, Address lessor) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public LeaseOffered {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(lessor, "lessor");
    if (leaseId.signum() < 0) {
      throw new ValidationException("leaseId", leaseId, "must not be negative");
    }
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
  }
}
