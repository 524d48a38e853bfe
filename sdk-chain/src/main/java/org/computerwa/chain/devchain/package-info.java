/**
 * A local Ethereum dev chain (anvil) for tests, demos and gas reports.
 *
 * <p>{@link org.computerwa.chain.devchain.DevChain} starts anvil on a free loopback port, waits
 * until it answers JSON-RPC and exposes its URL and funded accounts; closing it stops the node.
 *
 * <pre>{@code
 * try (DevChain chain = DevChain.builder().build()) {
 *   String url = chain.rpcUrl();
 *   DevAccount deployer = chain.accounts().get(0);
 * }
 * }</pre>
 */
@NullMarked
package org.computerwa.chain.devchain;

import org.jspecify.annotations.NullMarked;
