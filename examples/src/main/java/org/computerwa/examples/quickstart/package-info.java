/**
 * {@code computerwa quickstart}: the whole ComputeRWA story on a local chain it starts itself.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar quickstart
 * java -jar examples/target/computerwa.jar quickstart --json
 * }</pre>
 *
 * <p>One class per step of the story, in order: {@code RegisterAct} (deploy; a GPU node and an
 * ASIC fleet), {@code SharesAct} (shares to verified holders; an unverified transfer refused),
 * {@code LeaseAct} (GPUs leased with a permit), {@code DeviceEvidenceAct} (nvidia-smi samples to
 * signed statements, anchored; an SLA credit proven), {@code HashrateAct} (real pool shares to a
 * signed hashrate statement, anchored), {@code SettlementAct} (settle and claim exactly),
 * {@code PledgeAct} (a pledge with consent while leased), {@code DispatchAct} (a real ERCOT day
 * through the load controller) and {@code HeadersAct} (mainnet headers). Each step checks what it
 * produced against an independent computation into a {@code Report}; the command exits 1 if any
 * check failed. The data it replays is bundled beside these classes with its provenance.
 */
@NullMarked
package org.computerwa.examples.quickstart;

import org.jspecify.annotations.NullMarked;
