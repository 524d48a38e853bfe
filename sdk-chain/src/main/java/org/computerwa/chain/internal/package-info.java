/**
 * Implementation of the chain module (JSON-RPC access, generated contract wrappers). Not API;
 * may change without notice.
 *
 * <p>The generated contract wrappers live in {@code org.computerwa.chain.internal.contracts}
 * (built from the committed artifacts in {@code org/computerwa/chain/internal/artifacts}).
 */
@NullMarked
package org.computerwa.chain.internal;

import org.jspecify.annotations.NullMarked;
