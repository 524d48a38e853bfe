/**
 * {@code computerwa quickstart}: the whole ComputeRWA story on a local chain it starts itself.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar quickstart
 * }</pre>
 *
 * <p>Registers a GPU node, issues its shares, leases half of it with a permit, lets three hours
 * pass, anchors signed device statements, applies an SLA credit, settles after the lease and
 * lets the holders claim, printing every transaction's hash and gas and every amount.
 */
@NullMarked
package org.computerwa.examples.quickstart;

import org.jspecify.annotations.NullMarked;
