/**
 * Example program: offering a lease and accepting it with an EIP-2612 permit with {@code org.computerwa.chain.client.Leases}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.lease;

import org.jspecify.annotations.NullMarked;
