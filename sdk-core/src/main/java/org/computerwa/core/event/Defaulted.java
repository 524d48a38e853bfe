package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;

/**
 * A lender declared a default: lease income of the asset now goes to the lender.
 *
 * @param assetId the asset
 * @param lender the lender
 * @param debt the debt outstanding, base units
 * @since 0.1.0
 */
public record Defaulted(BigInteger assetId, Address lender, BigInteger debt) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public Defaulted {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(lender, "lender");
    Objects.requireNonNull(debt, "debt");
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
    if (debt.signum() < 0) {
      throw new ValidationException("debt", debt, "must not be negative");
    }
  }
}
