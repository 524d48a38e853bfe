/**
 * Chain examples: the {@code computerwa gas-report} command, which starts a local anvil node,
 * deploys the contracts and measures the gas of each operation.
 *
 * <p>Each group of operations is a {@link org.computerwa.examples.chain.GasScenario}; adding a
 * group is one line in {@link org.computerwa.examples.chain.GasScenarios#all()}.
 */
@NullMarked
package org.computerwa.examples.chain;

import org.jspecify.annotations.NullMarked;
