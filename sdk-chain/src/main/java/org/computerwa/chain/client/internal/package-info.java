/**
 * Implementation of the chain client: JSON-RPC submission (simulate, estimate, sign, send, wait,
 * check) and revert decoding. Not API; may change without notice.
 */
@NullMarked
package org.computerwa.chain.client.internal;

import org.jspecify.annotations.NullMarked;
