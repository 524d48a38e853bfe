/**
 * The mining commands of the {@code computerwa} CLI: {@code sha256} and {@code headers verify}.
 *
 * <pre>{@code
 * computerwa sha256 --double --hex-lines messages.txt
 * computerwa headers verify --network mainnet headers.csv
 * }</pre>
 */
@NullMarked
package org.computerwa.examples.mining;

import org.jspecify.annotations.NullMarked;
