/**
 * Example program: verifying Bitcoin headers with {@code org.computerwa.mining.pow}. One readable file to copy
 * into your own project; the build compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.headers;

import org.jspecify.annotations.NullMarked;
