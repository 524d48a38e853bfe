package org.computerwa.chain.client;

import java.math.BigInteger;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A registered asset's on-chain id: the token id of its ERC-721 in the asset registry (ids count up from 1).
 *
 * <pre>{@code
 * AssetId id = client.assets().register(asset).value();
 * id.value();                 // 1
 * AssetId.of(1).equals(id);   // true
 * }</pre>
 *
 * <p>Rules: positive and below 2^256. Compared, hashed and printed as the number.
 *
 * @param value the id as a number
 * @since 0.1.0
 */
public record AssetId(BigInteger value) implements Comparable<AssetId> {
  /**
   * Checks the id.
   *
   * @param value the id, positive and below 2^256
   * @throws ValidationException (field {@code assetId}) when missing or out of range
   */
  public AssetId {
    Uint256Id.check("assetId", value);
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive and below 2^256
   * @return the id
   * @throws ValidationException (field {@code assetId}) when out of range
   */
  public static AssetId of(@Nullable BigInteger value) {
    return new AssetId(Uint256Id.check("assetId", value));
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive
   * @return the id
   * @throws ValidationException (field {@code assetId}) when not positive
   */
  public static AssetId of(long value) {
    return of(BigInteger.valueOf(value));
  }

  @Override
  public int compareTo(AssetId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id in decimal. */
  @Override
  public String toString() {
    return value.toString();
  }
}
