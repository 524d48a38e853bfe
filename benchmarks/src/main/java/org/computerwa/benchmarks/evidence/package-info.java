/**
 * JMH benchmarks of the evidence path: batching a million usage statements (leaf hashes, root and
 * every proof) and secp256k1 signing and recovery against web3j's {@code Sign} on the same digests.
 */
@NullMarked
package org.computerwa.benchmarks.evidence;

import org.jspecify.annotations.NullMarked;
