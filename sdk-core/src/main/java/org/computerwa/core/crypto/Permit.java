package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;

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
 * @since 0.1.0
 */
public final class Permit {
  /** The EIP-712 {@code encodeType} of a permit. */
  public static final String ENCODE_TYPE =
      "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";

  private static final Bytes32 TYPE_HASH = Keccak256.hashUtf8(ENCODE_TYPE);

  private final Address owner;
  private final Address spender;
  private final BigInteger value;
  private final BigInteger nonce;
  private final BigInteger deadline;

  private Permit(Address owner, Address spender, BigInteger value, BigInteger nonce, BigInteger deadline) {
    this.owner = owner;
    this.spender = spender;
    this.value = value;
    this.nonce = nonce;
    this.deadline = deadline;
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
    uint(value, "value");
    uint(nonce, "nonce");
    uint(deadline, "deadline");
    return new Permit(Objects.requireNonNull(owner), Objects.requireNonNull(spender), value, nonce, deadline);
  }

  private static void uint(BigInteger v, String field) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new ValidationException(field, v, "must be in [0, 2^256)");
    }
  }

  /**
   * The signing owner.
   *
   * @return the owner
   */
  public Address owner() {
    return owner;
  }

  /**
   * The approved spender.
   *
   * @return the spender
   */
  public Address spender() {
    return spender;
  }

  /**
   * The approved amount.
   *
   * @return base units
   */
  public BigInteger value() {
    return value;
  }

  /**
   * The owner's nonce this permit consumes.
   *
   * @return the nonce
   */
  public BigInteger nonce() {
    return nonce;
  }

  /**
   * The deadline.
   *
   * @return unix seconds
   */
  public BigInteger deadline() {
    return deadline;
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
  public boolean equals(Object o) {
    if (!(o instanceof Permit)) {
      return false;
    }
    Permit p = (Permit) o;
    return owner.equals(p.owner) && spender.equals(p.spender) && value.equals(p.value) && nonce.equals(p.nonce)
        && deadline.equals(p.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, spender, value, nonce, deadline);
  }

  @Override
  public String toString() {
    return "Permit[" + owner + " -> " + spender + ", " + value + ", nonce " + nonce + ", deadline " + deadline + "]";
  }
}
