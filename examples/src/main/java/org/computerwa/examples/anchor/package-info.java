/**
 * Example program: a site collecting signed device statements, batching them into a Merkle tree and anchoring the root with {@code org.computerwa.core.evidence.StatementCollector} and {@code org.computerwa.chain.client.Evidence}. One readable file to copy into your own project; the build compiles it,
 * a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.anchor;

import org.jspecify.annotations.NullMarked;
