package org.computerwa.core.evidence;

import java.math.BigInteger;
import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Eip712Struct;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;

/**
 * The EIP-712 message an attester signs to anchor a batch root: asset, period and Merkle root.
 *
 * <pre>{@code
 * AnchorRoot message = batch.anchorRoot();
 * Signature sig = message.sign(attesterKey, AnchorRoot.domain(chainId, anchorAddress));
 * // EvidenceAnchor.anchor(assetId, periodStart, periodEnd, root, sig)
 * }</pre>
 *
 * <p>EIP-712 type: {@value #ENCODE_TYPE}, in domain {@value #DOMAIN_NAME} version 1. The chain id
 * and contract address in the domain and the asset and period in the message make a signature
 * good for exactly one root slot of one deployment.
 *
 * @param assetId the asset's token id, {@code [0, 2^256)}
 * @param periodStart inclusive start of the anchored period, whole seconds
 * @param periodEnd exclusive end, whole seconds, after the start
 * @param root the Merkle root of the period's statements
 * @since 0.1.0
 */
public record AnchorRoot(BigInteger assetId, Instant periodStart, Instant periodEnd, Bytes32 root) {
  /** The EIP-712 {@code encodeType} of the message. */
  public static final String ENCODE_TYPE =
      "AnchorRoot(uint256 assetId,uint64 periodStart,uint64 periodEnd,bytes32 root)";

  /** The EIP-712 domain name of the evidence anchor contract. */
  public static final String DOMAIN_NAME = "ComputeRWA EvidenceAnchor";

  private static final Bytes32 TYPE_HASH = Keccak256.hashUtf8(ENCODE_TYPE);

  /**
   * Checks the message; {@link #of} is the documented entry point.
   *
   * @param assetId the asset's token id
   * @param periodStart inclusive start of the anchored period, whole seconds
   * @param periodEnd exclusive end, whole seconds, after the start
   * @param root the Merkle root of the period's statements
   * @throws ValidationException if a field is missing or breaks its rule
   */
  public AnchorRoot {
    if (assetId == null || assetId.signum() < 0 || assetId.bitLength() > 256) {
      throw new ValidationException("assetId", assetId, "must be in [0, 2^256)");
    }
    UsageStatement.checkSeconds(periodStart, "periodStart");
    UsageStatement.checkSeconds(periodEnd, "periodEnd");
    if (!periodEnd.isAfter(periodStart)) {
      throw new ValidationException("periodEnd", periodEnd, "must be after periodStart (" + periodStart + ")");
    }
    if (root == null) {
      throw new ValidationException("root", null, "is required");
    }
  }

  /**
   * Creates the message.
   *
   * @param assetId the asset's token id
   * @param periodStart inclusive start of the anchored period, whole seconds
   * @param periodEnd exclusive end, whole seconds, after the start
   * @param root the Merkle root of the period's statements
   * @return the message
   * @throws ValidationException if a field breaks its rule
   */
  public static AnchorRoot of(BigInteger assetId, Instant periodStart, Instant periodEnd, Bytes32 root) {
    return new AnchorRoot(assetId, periodStart, periodEnd, root);
  }

  /**
   * The domain of an evidence anchor deployment: {@value #DOMAIN_NAME}, version 1.
   *
   * @param chainId the chain id
   * @param evidenceAnchor the contract address
   * @return the domain
   */
  public static Eip712Domain domain(long chainId, Address evidenceAnchor) {
    return Eip712Domain.of(DOMAIN_NAME, "1", chainId, evidenceAnchor);
  }





  /**
   * The EIP-712 {@code hashStruct} of the message.
   *
   * @return the struct hash
   */
  public Bytes32 structHash() {
    return Eip712Struct.withTypeHash(TYPE_HASH)
        .uint(assetId)
        .uint(periodStart.getEpochSecond())
        .uint(periodEnd.getEpochSecond())
        .word(root)
        .hash();
  }

  /**
   * The digest an attester signs.
   *
   * @param domain the anchor's domain, normally {@link #domain(long, Address)}
   * @return the EIP-712 digest
   */
  public Bytes32 digest(Eip712Domain domain) {
    return domain.digest(structHash());
  }

  /**
   * Signs the message.
   *
   * @param attesterKey an attester key authorised for the asset on the anchor contract
   * @param domain the anchor's domain
   * @return the 65-byte low-s signature the contract takes
   */
  public Signature sign(SigningKey attesterKey, Eip712Domain domain) {
    return attesterKey.sign(digest(domain));
  }

  @Override
  public String toString() {
    return "AnchorRoot[asset " + assetId + ", " + periodStart + ".." + periodEnd + ", root " + root + "]";
  }
}
