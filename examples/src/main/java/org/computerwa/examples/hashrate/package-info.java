/**
 * Example program: verifying Stratum v1 shares with {@code org.computerwa.mining.share} and
 * stating the hashrate they prove as a signed usage statement. One readable file to copy into
 * your own project; the build compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.hashrate;

import org.jspecify.annotations.NullMarked;
