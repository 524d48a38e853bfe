/**
 * Evidence of delivered compute: per-period usage statements signed by device keys (EIP-712),
 * batched into OpenZeppelin-compatible Merkle trees whose roots an attester signs for anchoring
 * on chain.
 *
 * <p>The flow: a device agent builds a {@link org.computerwa.core.evidence.UsageStatement} and
 * signs it; the site collects the signed statements of one asset and period into a
 * {@link org.computerwa.core.evidence.StatementBatch}, which checks every signature and computes
 * the root; an attester signs the batch's {@link org.computerwa.core.evidence.AnchorRoot}; the
 * evidence anchor contract stores the root; later single statements are proven against it with a
 * {@link org.computerwa.core.crypto.MerkleProof}.
 *
 * <pre>{@code
 * Eip712Domain usageDomain = UsageStatement.domain(chainId, anchorAddress);
 * SignedUsageStatement signed = statement.sign(deviceKey, usageDomain);
 * StatementBatch batch = StatementBatch.of(assetId, start, end, List.of(signed), usageDomain);
 * Signature attestation = batch.anchorRoot().sign(attesterKey, AnchorRoot.domain(chainId, anchorAddress));
 * }</pre>
 *
 * <p>Leaf encoding, identical in Java and Solidity ({@code EvidenceAnchor.statementLeaf}):
 * {@code keccak256(bytes.concat(keccak256(abi.encode(uint256 assetId, address device,
 * uint64 periodStart, uint64 periodEnd, uint8 kind, uint256 value, uint16 availabilityBps))))} —
 * the leaf of OpenZeppelin's {@code StandardMerkleTree} with those seven types.
 */
@NullMarked
package org.computerwa.core.evidence;

import org.jspecify.annotations.NullMarked;
