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
 * <p>Rules: positive and below 2^256.
 *
 * @since 0.1.0
 */
public final class AssetId extends Uint256Id<AssetId> {
  private AssetId(BigInteger value) {
    super(value);
  }

  /**
   * Wraps an id.
   *
   * @param value the id, positive and below 2^256
   * @return the id
   * @throws ValidationException (field {@code assetId}) when out of range
   */
  public static AssetId of(@Nullable BigInteger value) {
    return new AssetId(check("assetId", value));
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
}
