package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A lender accepted an asset as collateral.
 *
 * @param assetId the asset
 * @param lender the lender
 * @since 0.1.0
 */
public record Pledged(BigInteger assetId, Address lender) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public Pledged {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(lender, "lender");
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
  }
}
