package org.computerwa.core.crypto;

/**
 * Why a signed message was refused: the typed reasons of {@link RejectedSignatureException}.
 *
 * <pre>{@code
 * try {
 *   collector.accept(statement, signatureBytes);
 * } catch (RejectedSignatureException e) {
 *   if (e.rejection() == SignedMessageRejection.REPLAYED) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum SignedMessageRejection {
  /**
   * Not the 65-byte {@code r || s || v} form with {@code v} in 27, 28 (or 0, 1), {@code r} and
   * {@code s} in range. The 64-byte compact form of EIP-2098 is refused too: OpenZeppelin's
   * {@code ECDSA.recover(bytes32, bytes)} accepts 65 bytes only, and one message must have one
   * encoding.
   */
  MALFORMED_SIGNATURE,
  /** {@code s} above half the curve order: the malleable twin of a low-s signature. */
  HIGH_S,
  /**
   * The signature recovers to another key than the expected signer; this is also how a signature
   * made for another chain id or another contract (another EIP-712 domain) shows.
   */
  WRONG_SIGNER,
  /** Exactly this message was accepted before. */
  REPLAYED,
  /** The message's nonce is not the signer's next nonce. */
  STALE_NONCE,
  /** The message's period ends at or before the end of what was already accepted. */
  STALE_PERIOD,
  /** The message's period starts before the end of what was already accepted. */
  PERIOD_OVERLAP,
  /** The message's deadline has passed. */
  EXPIRED
}
