/**
 * The evidence commands of the {@code computerwa} CLI: {@code evidence sample} turns device
 * samples into usage statements, {@code evidence sign} signs them with the device key (EIP-712),
 * {@code evidence batch} checks the signatures and builds the Merkle batch.
 *
 * <pre>{@code
 * computerwa evidence sample --nvidia-smi gpu.csv --zone UTC --asset-id 1 --device 0x... \
 *     --period-start 2026-11-28T00:00:00Z --period-end 2026-11-28T01:00:00Z \
 *     --interval PT10S --gap-tolerance 2 --gpu GPU-604ac76c-... > statements.json
 * computerwa evidence sign --key $DEVICE_KEY --chain-id 31337 --contract 0x... --in statements.json > signed.json
 * computerwa evidence batch --in signed.json > batch.json
 * }</pre>
 */
@NullMarked
package org.computerwa.examples.evidence;

import org.jspecify.annotations.NullMarked;
