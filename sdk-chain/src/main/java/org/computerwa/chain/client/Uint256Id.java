package org.computerwa.chain.client;

import java.math.BigInteger;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** The one rule of the on-chain ids ({@link AssetId}, {@link LeaseId}): a positive uint256. */
final class Uint256Id {
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);

  private Uint256Id() {}

  static BigInteger check(String field, @Nullable BigInteger value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0) {
      throw new ValidationException(field, value, "must be positive and below 2^256");
    }
    return value;
  }
}
