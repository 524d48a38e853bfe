/**
 * The high-level chain client: register compute assets, issue shares, lease capacity, anchor
 * usage evidence, settle and claim income, all in sdk-core types.
 *
 * <pre>{@code
 * Journal journal = Journal.sqlite(Path.of("platform-journal.db"));  // required; see Journal
 * Deployment deployment = Deployer.builder().rpcUrl(url).signer(adminKey)
 *     .journal(journal).confirmations(12).build().deploy().value();
 * try (ComputeRwaClient platform = ComputeRwaClient.builder()
 *         .rpcUrl(url).signer(adminKey).contracts(deployment)
 *         .journal(journal).confirmations(12).build()) {
 *   AssetId asset = platform.assets().register(computeAsset).value();
 *   platform.assets().verifyHolders(List.of(alice, bob));
 *   platform.assets().issueShares(asset, Map.of(alice, sixty, bob, forty));
 * }
 * }</pre>
 *
 * <p>Entry points: {@link org.computerwa.chain.client.ComputeRwaClient#builder()} and {@link
 * org.computerwa.chain.client.Deployer#builder()}. Writes return an {@link
 * org.computerwa.chain.client.Outcome} (the value and the receipts with gas and hashes); chain
 * failures are {@link org.computerwa.chain.client.ChainException}, bad input is a {@link
 * org.computerwa.core.ValidationException} thrown before anything is sent. No web3j type appears
 * in this package's signatures.
 */
@NullMarked
package org.computerwa.chain.client;

import org.jspecify.annotations.NullMarked;
