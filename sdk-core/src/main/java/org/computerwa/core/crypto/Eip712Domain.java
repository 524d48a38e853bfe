package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * An EIP-712 signing domain with all four usual fields: name, version, chain id and verifying
 * contract, the domain that OpenZeppelin's {@code EIP712} base contract builds.
 *
 * <pre>{@code
 * Eip712Domain domain = Eip712Domain.of("ComputeRWA EvidenceAnchor", "1", 31337, anchorAddress);
 * Bytes32 digest = domain.digest(structHash);   // keccak256(0x1901 || separator || structHash)
 * }</pre>
 *
 * <p>Binding the chain id and the contract address into every digest is what makes a signature
 * useless on another chain or against another deployment.
 *
 * <p>A final class, not a record (the SDK's value style): it computes its {@link #separator()}
 * (a Keccak-256 over the four fields) once, at creation, for every digest it makes; a record holds
 * no field besides its components. Two domains are equal when their separators are.
 *
 * @since 0.1.0
 */
public final class Eip712Domain {
  private static final Bytes32 TYPE_HASH = Keccak256.hashUtf8(
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

  private final String name;
  private final String version;
  private final BigInteger chainId;
  private final Address verifyingContract;
  private final Bytes32 separator;

  private Eip712Domain(String name, String version, BigInteger chainId, Address verifyingContract) {
    this.name = name;
    this.version = version;
    this.chainId = chainId;
    this.verifyingContract = verifyingContract;
    this.separator = Eip712Struct.withTypeHash(TYPE_HASH)
        .string(name)
        .string(version)
        .uint(chainId)
        .address(verifyingContract)
        .hash();
  }

  /**
   * Creates a domain.
   *
   * @param name the signing domain's name, non-empty
   * @param version its version, non-empty
   * @param chainId the EIP-155 chain id, {@code >= 1}
   * @param verifyingContract the contract that checks the signatures
   * @return the domain
   * @throws ValidationException if a field breaks its rule
   */
  public static Eip712Domain of(String name, String version, long chainId, Address verifyingContract) {
    return of(name, version, BigInteger.valueOf(chainId), verifyingContract);
  }

  /**
   * Creates a domain with a chain id of any size.
   *
   * @param name the signing domain's name, non-empty
   * @param version its version, non-empty
   * @param chainId the EIP-155 chain id, in {@code [1, 2^256)}
   * @param verifyingContract the contract that checks the signatures
   * @return the domain
   * @throws ValidationException if a field breaks its rule
   */
  public static Eip712Domain of(
      String name, String version, BigInteger chainId, Address verifyingContract) {
    if (name.isEmpty()) {
      throw new ValidationException("domain.name", name, "must not be empty");
    }
    if (version.isEmpty()) {
      throw new ValidationException("domain.version", version, "must not be empty");
    }
    if (chainId.signum() <= 0 || chainId.bitLength() > 256) {
      throw new ValidationException("domain.chainId", chainId, "must be in [1, 2^256)");
    }
    return new Eip712Domain(name, version, chainId, Objects.requireNonNull(verifyingContract));
  }

  /**
   * The domain name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The domain version.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * The chain id.
   *
   * @return the chain id
   */
  public BigInteger chainId() {
    return chainId;
  }

  /**
   * The verifying contract.
   *
   * @return its address
   */
  public Address verifyingContract() {
    return verifyingContract;
  }

  /**
   * The domain separator, {@code hashStruct(EIP712Domain)}.
   *
   * @return the separator
   */
  public Bytes32 separator() {
    return separator;
  }

  /**
   * The EIP-712 digest of a struct in this domain:
   * {@code keccak256(0x19 0x01 || separator || structHash)}.
   *
   * @param structHash the message's {@code hashStruct}
   * @return the digest a signer signs
   */
  public Bytes32 digest(Bytes32 structHash) {
    return Keccak256.hash(new byte[] {0x19, 0x01}, separator.raw(), structHash.raw());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Eip712Domain && separator.equals(((Eip712Domain) o).separator);
  }

  @Override
  public int hashCode() {
    return separator.hashCode();
  }

  @Override
  public String toString() {
    return "Eip712Domain[" + name + " v" + version + ", chain " + chainId + ", " + verifyingContract + "]";
  }
}
