/**
 * The on-chain half of the ComputeRWA SDK: contracts, their bindings and a local dev chain.
 *
 * <p>Topic packages: {@code devchain} starts a local anvil node for tests, demos and reports.
 * Contract bindings live in internal packages and never appear in public signatures.
 */
@NullMarked
package org.computerwa.chain;

import org.jspecify.annotations.NullMarked;
