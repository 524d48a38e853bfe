/**
 * Example program: SHA-256 and SHA-256d with {@code org.computerwa.mining.sha256}. One readable file to copy
 * into your own project; the build compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.sha256;

import org.jspecify.annotations.NullMarked;
