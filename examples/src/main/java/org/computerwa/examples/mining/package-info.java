/**
 * The mining commands of the {@code computerwa} CLI: {@code sha256}, {@code headers verify},
 * {@code shares verify} and {@code shares hashrate}; the report commands among them can also
 * write their result as Markdown.
 *
 * <pre>{@code
 * computerwa sha256 --double --hex-lines messages.txt
 * computerwa headers verify --network mainnet --markdown headers.md headers.csv
 * computerwa shares verify --pool-difficulty 8192 --markdown shares.md shares.json
 * }</pre>
 */
@NullMarked
package org.computerwa.examples.mining;

import org.jspecify.annotations.NullMarked;
