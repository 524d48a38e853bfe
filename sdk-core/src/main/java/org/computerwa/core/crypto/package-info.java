/**
 * Ethereum-compatible cryptography for evidence: Keccak-256, secp256k1 signing keys and 65-byte
 * recoverable signatures (low-s only), EIP-712 typed-data hashing and OpenZeppelin-compatible
 * Merkle trees.
 *
 * <p>Everything here is pure computation on BouncyCastle primitives; nothing touches a network or
 * a chain client, so a device agent can sign its statements with only {@code sdk-core} on the
 * class path.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromHex("0x...");
 * Bytes32 digest = domain.digest(structHash);
 * Signature sig = key.sign(digest);
 * Address signer = sig.recover(digest);   // == key.address()
 * }</pre>
 */
@NullMarked
package org.computerwa.core.crypto;

import org.jspecify.annotations.NullMarked;
