/**
 * Example program: pledging a leased asset's income to a lender, with the lender's consent, with {@code org.computerwa.chain.client.Pledges}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.pledge;

import org.jspecify.annotations.NullMarked;
