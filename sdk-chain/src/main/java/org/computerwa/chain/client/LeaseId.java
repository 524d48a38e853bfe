package org.computerwa.chain.client;

import java.math.BigInteger;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A lease's on-chain id in the lease manager, from its offer on (ids count up from 1).
 *
 * <pre>{@code
 * LeaseId id = client.leases().offer(assetId, terms).value();
 * id.value();                 // 1
 * LeaseId.of(1).equals(id);   // true
 * }</pre>
 *
 * <p>Rules: positive and below 2^256. Compared, hashed and printed as the number.
 *
 * @param value the id as a number
 * @since 0.1.0
 */
public record LeaseId(BigInteger value) implements Comparable<LeaseId> {
  /**
   * Checks the id.
   *
   * @param value the id, positive and below 2^256
   * @throws ValidationException (field {@code leaseId}) when missing or out of range
   */
  public LeaseId {
    Uint256Id.check("leaseId", value);
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive and below 2^256
   * @return the id
   * @throws ValidationException (field {@code leaseId}) when out of range
   */
  public static LeaseId of(@Nullable BigInteger value) {
    return new LeaseId(Uint256Id.check("leaseId", value));
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive
   * @return the id
   * @throws ValidationException (field {@code leaseId}) when not positive
   */
  public static LeaseId of(long value) {
    return of(BigInteger.valueOf(value));
  }

  @Override
  public int compareTo(LeaseId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id in decimal. */
  @Override
  public String toString() {
    return value.toString();
  }
}
