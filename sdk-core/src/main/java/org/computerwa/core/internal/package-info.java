/**
 * Implementation details of sdk-core shared between its packages: the Immutables style of the
 * values and precondition checks. Not API: may change in any release.
 */
@NullMarked
package org.computerwa.core.internal;

import org.jspecify.annotations.NullMarked;
