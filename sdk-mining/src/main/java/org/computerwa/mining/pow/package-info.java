/**
 * Bitcoin proof of work: block headers, compact targets, network parameters, Bitcoin Core's
 * header-chain rules, chain work and parallel chain verification.
 *
 * <pre>{@code
 * HeaderVerifier pow = HeaderVerifier.builder().network(Network.MAINNET).build();
 * BlockHash hash = pow.verify(BlockHeader.parseHex(hex));
 * ChainVerification chain = HeaderChainVerifier.builder().network(Network.MAINNET).build()
 *     .verify(firstHeight, headers);
 * }</pre>
 *
 * <p>Every rejection is a {@link org.computerwa.mining.pow.HeaderVerificationException} carrying a
 * {@link org.computerwa.mining.pow.RejectReason}. There is no default network: every verifier's
 * builder requires one.
 */
@NullMarked
package org.computerwa.mining.pow;

import org.jspecify.annotations.NullMarked;
