/**
 * The local chain the chain example programs run on when started as {@code computerwa example-…}
 * subcommands: a {@code DevChain} (anvil) with the contracts deployed by the public
 * {@code Deployer}, the parties' development keys, and the steps that bring the chain to where
 * each example starts. Not part of any example: the examples take an RPC URL, a chain id, the
 * contract addresses and keys, as a program of your own would.
 */
@NullMarked
package org.computerwa.examples.devnet;

import org.jspecify.annotations.NullMarked;
