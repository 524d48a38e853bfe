/**
 * The ComputeRWA SDK core: the exception hierarchy shared by every module.
 *
 * <p>Topic packages hold the models and pure logic: {@code money} (exact token amounts and
 * rates), {@code asset} (compute assets, device specs, sites, spec hashes), {@code lease} (terms,
 * SLA, state machine, ledger), {@code revenue} (waterfall, pro-rata split), {@code evidence}
 * (usage statements and batches), {@code crypto} (Keccak-256, addresses, signatures, Merkle
 * trees) and {@code json} (the hardened reader and writer).
 *
 * <pre>{@code
 * try {
 *   LeaseTerms terms = ComputeRwaJson.standard().read(text, LeaseTerms.class);
 * } catch (ValidationException e) {
 *   log.debug("{} {} (was {})", e.field(), e.rule(), e.rejectedValue());
 * }
 * }</pre>
 */
@NullMarked
package org.computerwa.core;

import org.jspecify.annotations.NullMarked;
