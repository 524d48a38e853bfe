/**
 * The site runtime: the chain's leases, a price feed, the load controller, actuators and the
 * evidence flow in one loop, and {@code computerwa site replay}, which runs it over a price file
 * on a local anvil chain.
 *
 * <pre>{@code
 * computerwa site replay --prices ercot.csv --days 2
 * }</pre>
 *
 * <p>Each concept is one small type behind an interface, so a live site swaps the replay parts
 * for its own: {@link org.computerwa.examples.site.LeaseSource} (committed leases),
 * {@link org.computerwa.examples.site.PriceFeed} (market views),
 * {@link org.computerwa.mining.policy.Actuator} ({@link org.computerwa.examples.site.LoggingActuator},
 * {@link org.computerwa.examples.site.SimulatedFleet}) and
 * {@link org.computerwa.examples.site.StatementSink} (signed, batched, anchored evidence).
 * {@link org.computerwa.examples.site.SiteLoop} runs one interval at a time.
 */
@NullMarked
package org.computerwa.examples.site;

import org.jspecify.annotations.NullMarked;
