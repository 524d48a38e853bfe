/**
 * The one JSON-RPC transport of the chain module (HTTP, classified failures, redacted URLs) and
 * its adapter for web3j's wrappers. Not API.
 */
@NullMarked
package org.computerwa.chain.internal.rpc;

import org.jspecify.annotations.NullMarked;
