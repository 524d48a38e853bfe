package org.computerwa.core.crypto;

import java.math.BigInteger;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An EIP-2612 permit: the owner's signed approval of {@code value} base units to a spender, valid
 * once (its nonce) and until a deadline.
 *
 * <pre>{@code
 * Permit p = Permit.of(owner, leaseManager, BigInteger.valueOf(3_600_000), BigInteger.ZERO, deadline);
 * Eip712Domain token = Eip712Domain.of("Test USD", "1", chainId, tokenAddress);
 * Signature sig = ownerKey.sign(p.digest(token));
 * }</pre>
 *
 * <p>EIP-712 type: {@value #ENCODE_TYPE}, in the token's own domain (its name, version, chain
 * id and address), as OpenZeppelin's {@code ERC20Permit} builds it.
 *
 * @param owner the token holder who signs
 * @param spender who may spend
 * @param value the approved amount in base units, {@code [0, 2^256)}
 * @param nonce the owner's nonce on the token that this permit consumes, {@code [0, 2^256)}
 * @param deadline unix seconds after which the permit is void, {@code [0, 2^256)}
 * @since 0.1.0
 */
public record Permit(Address owner, Address spender, BigInteger value, BigInteger nonce, BigInteger deadline) {
  /** The EIP-712 {@code encodeType} of a permit. */
  public static final String ENCODE_TYPE =
      "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";

  private static final Bytes32 TYPE_HASH = Keccak256.hashUtf8(ENCODE_TYPE);

  /**
   * Checks a permit; {@link #of} is the documented entry point.
   *
   * @param owner the token holder who signs
   * @param spender who may spend
   * @param value base units, {@code [0, 2^256)}
   * @param nonce the owner's next nonce on the token, {@code [0, 2^256)}
   * @param deadline unix seconds after which the permit is void, {@code [0, 2^256)}
   * @throws ValidationException if a field is missing or a number is out of range
   */
  public Permit {
    required(owner, "owner");
    required(spender, "spender");
    uint(value, "value");
    uint(nonce, "nonce");
    uint(deadline, "deadline");
  }

  /**
   * Creates a permit.
   *
   * @param owner the token holder who signs
   * @param spender who may spend
   * @param value base units, {@code [0, 2^256)}
   * @param nonce the owner's next nonce on the token, {@code [0, 2^256)}
   * @param deadline unix seconds after which the permit is void, {@code [0, 2^256)}
   * @return the permit
   * @throws ValidationException if a number is out of range
   */
  public static Permit of(Address owner, Address spender, BigInteger value, BigInteger nonce, BigInteger deadline) {
    return new Permit(owner, spender, value, nonce, deadline);
  }

  private static void required(@Nullable Object v, String field) {
    if (v == null) {
      throw new ValidationException(field, null, "is required");
    }
  }

  private static void uint(@Nullable BigInteger v, String field) {
    required(v, field);
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new ValidationException(field, v, "must be in [0, 2^256)");
    }
  }






  /**
   * The EIP-712 digest the owner signs.
   *
   * @param tokenDomain the token's domain
   * @return the digest
   */
  public Bytes32 digest(Eip712Domain tokenDomain) {
    return tokenDomain.digest(Eip712Struct.withTypeHash(TYPE_HASH)
        .address(owner).address(spender).uint(value).uint(nonce).uint(deadline).hash());
  }

  @Override
  public String toString() {
    return "Permit[" + owner + " -> " + spender + ", " + value + ", nonce " + nonce + ", deadline " + deadline + "]";
  }
}
