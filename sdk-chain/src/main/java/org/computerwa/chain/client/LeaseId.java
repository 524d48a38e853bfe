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
 * <p>Rules: positive and below 2^256.
 *
 * @since 0.1.0
 */
public final class LeaseId extends Uint256Id<LeaseId> {
  private LeaseId(BigInteger value) {
    super(value);
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive and below 2^256
   * @return the id
   * @throws ValidationException (field {@code leaseId}) when out of range
   */
  public static LeaseId of(@Nullable BigInteger value) {
    return new LeaseId(check("leaseId", value));
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
}
