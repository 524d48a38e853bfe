/**
 * Implementation details of sdk-core shared between its packages: the Immutables style, the
 * Keccak-256 helper and hex rendering. Not API: may change in any release.
 */
@NullMarked
package org.computerwa.core.internal;

import org.jspecify.annotations.NullMarked;
