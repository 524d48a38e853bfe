/**
 * Implementation of the SDK's SHA-256: the compression function (generated). Not API; may change
 * without notice.
 */
@NullMarked
package org.computerwa.mining.sha256.internal;

import org.jspecify.annotations.NullMarked;
