/**
 * The {@code computerwa} command line's root and what its report commands share: exit codes,
 * Markdown tables and the all-or-nothing Markdown file writer.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar --help
 * }</pre>
 */
@NullMarked
package org.computerwa.examples.cli;

import org.jspecify.annotations.NullMarked;
