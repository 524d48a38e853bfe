/**
 * Implementation details of sdk-core shared between its packages: the precondition checks of its
 * values. Not API: may change in any release.
 */
@NullMarked
package org.computerwa.core.internal;

import org.jspecify.annotations.NullMarked;
