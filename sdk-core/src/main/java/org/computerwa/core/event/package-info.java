/**
 * Typed on-chain events of the SDK's contracts (asset registered, lease offered, accepted and
 * settled, evidence anchored, revenue deposited and claimed, pledges and defaults, token
 * transfers): plain immutable values, decoded by the chain module's event stream.
 */
@NullMarked
package org.computerwa.core.event;

import org.jspecify.annotations.NullMarked;
