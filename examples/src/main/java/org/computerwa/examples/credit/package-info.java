/**
 * Example program: proving an SLA credit from an anchored availability statement with {@code org.computerwa.chain.client.Evidence}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.credit;

import org.jspecify.annotations.NullMarked;
