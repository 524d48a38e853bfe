package org.computerwa.core.evidence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.RejectedSignatureException;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SignedMessageRejection;

/**
 * Checks attester-signed {@link AnchorRoot}s of one evidence anchor deployment with the rules the
 * {@code EvidenceAnchor} contract applies, before anything is sent: a watcher or a site can refuse
 * what the chain would refuse, with a typed reason.
 *
 * <pre>{@code
 * AnchorVerifier verifier = AnchorVerifier.forDomain(AnchorRoot.domain(chainId, anchorAddress));
 * verifier.authorize(assetId, attester.address());
 * verifier.verify(batch.anchorRoot(), signatureBytes);   // or RejectedSignatureException
 * }</pre>
 *
 * <p>Checks, in order: the signature's encoding ({@code MALFORMED_SIGNATURE}, {@code HIGH_S}),
 * that it recovers to an attester of the asset in this domain ({@code WRONG_SIGNER}; a signature
 * made for another chain id or deployment shows this way), that this exact root was not accepted
 * before ({@code REPLAYED}), and that the period does not reach back into what is anchored
 * ({@code STALE_PERIOD} if it ends at or before the anchored end, {@code PERIOD_OVERLAP} if it
 * starts before it): periods of an asset are anchored in order and never overlap, as on chain.
 * An accepted root moves the asset's anchored end. Thread-safe.
 *
 * @since 0.1.0
 */
public final class AnchorVerifier {
  private final Eip712Domain domain;
  private final Map<BigInteger, Set<Address>> attesters = new HashMap<>();
  private final Map<BigInteger, Instant> anchoredUntil = new HashMap<>();
  private final Set<Bytes32> accepted = new HashSet<>();

  private AnchorVerifier(Eip712Domain domain) {
    this.domain = domain;
  }

  /**
   * A verifier for one deployment.
   *
   * @param anchorDomain the deployment's domain, {@link AnchorRoot#domain(long, Address)}
   * @return a verifier with no attesters
   */
  public static AnchorVerifier forDomain(Eip712Domain anchorDomain) {
    return new AnchorVerifier(Objects.requireNonNull(anchorDomain));
  }

  /**
   * Names an attester of an asset.
   *
   * @param assetId the asset
   * @param attester the attester's address
   */
  public synchronized void authorize(BigInteger assetId, Address attester) {
    attesters.computeIfAbsent(assetId, k -> new HashSet<>()).add(attester);
  }

  /**
   * Checks a signed root and, if it passes, records it.
   *
   * @param root the message
   * @param signature the encoded signature, 65 bytes
   * @return the attester that signed it
   * @throws RejectedSignatureException with the first failed check
   */
  public synchronized Address verify(AnchorRoot root, byte[] signature) {
    Signature sig = Signature.decode(signature);
    Bytes32 digest = root.digest(domain);
    Address signer;
    try {
      signer = sig.recover(digest);
    } catch (org.computerwa.core.VerificationException noKey) {
      throw new RejectedSignatureException(SignedMessageRejection.MALFORMED_SIGNATURE, noKey.getMessage());
    }
    if (!attesters.getOrDefault(root.assetId(), Set.of()).contains(signer)) {
      throw new RejectedSignatureException(SignedMessageRejection.WRONG_SIGNER,
          "anchor root recovers to " + signer + " in " + domain + ", no attester of asset " + root.assetId());
    }
    if (accepted.contains(digest)) {
      throw new RejectedSignatureException(SignedMessageRejection.REPLAYED, root + " was already anchored");
    }
    Instant until = anchoredUntil.get(root.assetId());
    if (until != null && !root.periodEnd().isAfter(until)) {
      throw new RejectedSignatureException(SignedMessageRejection.STALE_PERIOD,
          root + " ends at or before the asset's anchored end " + until);
    }
    if (until != null && root.periodStart().isBefore(until)) {
      throw new RejectedSignatureException(SignedMessageRejection.PERIOD_OVERLAP,
          root + " starts before the asset's anchored end " + until);
    }
    accepted.add(digest);
    anchoredUntil.put(root.assetId(), root.periodEnd());
    return signer;
  }
}
