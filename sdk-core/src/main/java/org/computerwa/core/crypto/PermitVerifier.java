package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks EIP-2612 permits of one token deployment the way {@code ERC20Permit.permit} does, and
 * remembers each owner's nonce so that a permit works once.
 *
 * <pre>{@code
 * PermitVerifier verifier = PermitVerifier.forToken(Eip712Domain.of("Test USD", "1", chainId, token));
 * verifier.verify(permit, signatureBytes, Instant.now());   // or RejectedSignatureException
 * }</pre>
 *
 * <p>Checks, in order: the signature's encoding ({@code MALFORMED_SIGNATURE}, {@code HIGH_S}),
 * that it recovers to the owner in this token's domain ({@code WRONG_SIGNER}: a permit signed for
 * another chain id or token shows this way), that this permit was not accepted before
 * ({@code REPLAYED}), that its nonce is the owner's next ({@code STALE_NONCE}) and that its
 * deadline has not passed ({@code EXPIRED}, deadline strictly before {@code now}, as Solidity's
 * {@code block.timestamp > deadline}). Nonces start at zero unless set with
 * {@link #expectNonce(Address, BigInteger)}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PermitVerifier {
  private final Eip712Domain tokenDomain;
  private final Map<Address, BigInteger> nextNonce = new HashMap<>();
  private final Set<Bytes32> accepted = new HashSet<>();

  private PermitVerifier(Eip712Domain tokenDomain) {
    this.tokenDomain = tokenDomain;
  }

  /**
   * A verifier for one token deployment.
   *
   * @param tokenDomain the token's EIP-712 domain (its name, version, chain id and address)
   * @return a verifier with every nonce at zero
   */
  public static PermitVerifier forToken(Eip712Domain tokenDomain) {
    return new PermitVerifier(Objects.requireNonNull(tokenDomain));
  }

  /**
   * Sets an owner's next nonce, as read from the token's {@code nonces(owner)}.
   *
   * @param owner the owner
   * @param nonce the next nonce
   */
  public synchronized void expectNonce(Address owner, BigInteger nonce) {
    nextNonce.put(owner, nonce);
  }

  /**
   * Checks a permit and, if it passes, consumes the owner's nonce.
   *
   * @param permit the permit
   * @param signature the encoded signature, 65 bytes
   * @param now the time to check the deadline against
   * @throws RejectedSignatureException with the first failed check
   */
  public synchronized void verify(Permit permit, byte[] signature, Instant now) {
    Signature sig = Signature.decode(signature);
    Bytes32 digest = permit.digest(tokenDomain);
    sig.requireSigner(digest, permit.owner(), "permit in " + tokenDomain);
    if (accepted.contains(digest)) {
      throw new RejectedSignatureException(SignedMessageRejection.REPLAYED, permit + " was already used");
    }
    BigInteger expected = nextNonce.getOrDefault(permit.owner(), BigInteger.ZERO);
    if (!permit.nonce().equals(expected)) {
      throw new RejectedSignatureException(SignedMessageRejection.STALE_NONCE,
          "permit nonce " + permit.nonce() + " is not the owner's next nonce " + expected);
    }
    if (permit.deadline().compareTo(BigInteger.valueOf(now.getEpochSecond())) < 0) {
      throw new RejectedSignatureException(SignedMessageRejection.EXPIRED,
          "permit deadline " + permit.deadline() + " is before " + now);
    }
    accepted.add(digest);
    nextNonce.put(permit.owner(), expected.add(BigInteger.ONE));
  }
}
