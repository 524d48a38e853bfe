package org.computerwa.core.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;

/**
 * A Merkle root of signed usage statements was anchored for an asset and period.
 *
 * @param assetId the asset
 * @param periodStart start of the period
 * @param periodEnd end of the period
 * @param root the Merkle root
 * @param attester the attester that signed it
 * @since 0.1.0
 */
public record EvidenceAnchored(BigInteger assetId, Instant periodStart, Instant periodEnd, Bytes32 root, Address attester) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public EvidenceAnchored {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(attester, "attester");
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
  }
}
