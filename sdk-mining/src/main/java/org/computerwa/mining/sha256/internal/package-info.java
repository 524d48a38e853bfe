/**
 * Implementation of the SDK's SHA-256: the unrolled compression functions. Not API; may change
 * without notice.
 */
@NullMarked
package org.computerwa.mining.sha256.internal;

import org.jspecify.annotations.NullMarked;
