package org.computerwa.chain.client;

import java.math.BigInteger;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** Shared body of the on-chain ids: a positive uint256, compared, hashed and printed as a number. */
abstract class Uint256Id<T extends Uint256Id<T>> implements Comparable<T> {
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);

  private final BigInteger value;

  Uint256Id(BigInteger value) {
    this.value = value;
  }

  static BigInteger check(String field, @Nullable BigInteger value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0) {
      throw new ValidationException(field, value, "must be positive and below 2^256");
    }
    return value;
  }

  /**
   * The id as a number.
   *
   * @return the uint256 value
   */
  public BigInteger value() {
    return value;
  }

  @Override
  public int compareTo(T other) {
    return value.compareTo(other.value());
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other != null && other.getClass() == getClass() && ((Uint256Id<?>) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the id in decimal. */
  @Override
  public String toString() {
    return value.toString();
  }
}
