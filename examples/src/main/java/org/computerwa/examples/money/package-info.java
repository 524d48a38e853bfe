/**
 * Example program: exact money, rates and hardened JSON with {@code org.computerwa.core.money}
 * and {@code org.computerwa.core.json}. One readable file to copy into your own project; the
 * build compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.money;

import org.jspecify.annotations.NullMarked;
