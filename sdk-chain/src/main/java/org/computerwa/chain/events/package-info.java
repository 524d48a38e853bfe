/**
 * Typed, reorg-aware event streams: the SDK contracts' logs as sdk-core {@link
 * org.computerwa.core.event.ChainEvent}s, checkpointed by block number and hash in the journal,
 * resumable after a restart, with removed events signalled after a reorganisation.
 *
 * <pre>{@code
 * try (EventStream stream = EventStream.builder()
 *     .rpcUrl(url).chainId(1).journal(journal).name("leases")
 *     .contracts(List.of(deployment.leaseManager())).startBlock(deployedAt)
 *     .listener(listener).build()) {
 *   while (running) { stream.poll(); Thread.sleep(2_000); }
 * }
 * }</pre>
 */
@NullMarked
package org.computerwa.chain.events;

import org.jspecify.annotations.NullMarked;
