/**
 * Example program: registering a compute asset and issuing its shares to verified holders with {@code org.computerwa.chain.client.Assets}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.assets;

import org.jspecify.annotations.NullMarked;
