/**
 * The transaction pipeline: every write of the SDK is journaled before it is signed, its signed
 * form is journaled before it is broadcast, and it ends confirmed at a chosen depth or failed with
 * a typed reason, exactly once, across crashes and node faults.
 *
 * <pre>{@code
 * try (Journal journal = Journal.sqlite(Path.of("operator-journal.db"));
 *      TransactionPipeline pipeline = TransactionPipeline.builder()
 *          .rpcUrl(url).chainId(1).signer(key).journal(journal).confirmations(12).build()) {
 *   pipeline.resume();                                // finish what a crash left
 *   Operation op = pipeline.send(TransactionRequest.builder()
 *       .action("settle lease 7").to(leaseManager).data(calldata)
 *       .idempotencyKey("settle-7-2026-06").build());
 * }
 * }</pre>
 *
 * <p>{@link org.computerwa.chain.tx.Journal} is a JDBC store: an SQLite file for one process,
 * PostgreSQL for several processes sending from one key.
 */
@NullMarked
package org.computerwa.chain.tx;

import org.jspecify.annotations.NullMarked;
