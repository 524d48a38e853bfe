/**
 * Example program: settling a lease and claiming the holders' revenue with {@code org.computerwa.chain.client.Leases} and {@code org.computerwa.chain.client.Revenue}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.revenue;

import org.jspecify.annotations.NullMarked;
