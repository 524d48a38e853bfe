/**
 * Example program: following the contracts' typed events across a restart with {@code org.computerwa.chain.events.EventStream}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.events;

import org.jspecify.annotations.NullMarked;
