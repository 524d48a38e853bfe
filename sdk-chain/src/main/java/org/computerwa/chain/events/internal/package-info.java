/** Implementation of the event stream: log decoding. Not API. */
@NullMarked
package org.computerwa.chain.events.internal;

import org.jspecify.annotations.NullMarked;
