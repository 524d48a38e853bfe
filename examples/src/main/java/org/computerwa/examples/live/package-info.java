/**
 * Example program: running a load policy live with {@code org.computerwa.mining.policy}'s
 * {@code LoadController}, fed with market views of real prices released as the market published
 * them. One readable file to copy into your own project; the build compiles it, a test runs it
 * and the site shows it.
 */
@NullMarked
package org.computerwa.examples.live;

import org.jspecify.annotations.NullMarked;
