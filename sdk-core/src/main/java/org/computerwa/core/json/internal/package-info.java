/**
 * Implementation of the SDK's JSON handling: strict scalar forms, error translation and the
 * RFC 8785 canonicaliser. Not API.
 */
@NullMarked
package org.computerwa.core.json.internal;

import org.jspecify.annotations.NullMarked;
