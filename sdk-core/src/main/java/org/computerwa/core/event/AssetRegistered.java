package org.computerwa.core.event;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;

/**
 * A compute asset was registered (one ERC-721 token).
 *
 * @param assetId the asset token id
 * @param operator the operator that registered it
 * @param specHash the keccak-256 of its canonical spec
 * @param kind the asset kind tag
 * @param capacity its capacity in the kind's unit
 * @since 0.1.0
 */
public record AssetRegistered(BigInteger assetId, Address operator, Bytes32 specHash, Bytes32 kind, long capacity) implements ChainEvent {
  /** Checks that no field is null and no amount or id is negative. */
  public AssetRegistered {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(kind, "kind");
    if (assetId.signum() < 0) {
      throw new ValidationException("assetId", assetId, "must not be negative");
    }
  }
}
