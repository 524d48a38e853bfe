package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * An asset's share token and revenue distributor were attached; shares can be issued from now on.
 *
 * @param assetId the asset
 * @param shareToken the ERC-20 share token
 * @param distributor the revenue distributor
 * @since 0.1.0
 */
public record SharesIssued(BigInteger assetId, Address shareToken, Address distributor) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public SharesIssued {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(shareToken, "shareToken");
    Objects.requireNonNull(distributor, "distributor");
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
  }
}
