/**
 * Implementation of the chain module: web3j sessions and deployment helpers shared by the
 * module's tests, the examples and the gas report. Not API; may change without notice.
 *
 * <p>The generated contract wrappers live in {@code org.computerwa.chain.internal.contracts}
 * (built from the committed artifacts in {@code org/computerwa/chain/internal/artifacts}).
 */
@NullMarked
package org.computerwa.chain.internal;

import org.jspecify.annotations.NullMarked;
