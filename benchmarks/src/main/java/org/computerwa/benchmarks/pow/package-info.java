/**
 * JMH benchmarks of proof-of-work verification: the SDK against its peers over the same real
 * headers, and whole-chain scaling over threads.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HeaderVerificationBenchmark
 * }</pre>
 */
@NullMarked
package org.computerwa.benchmarks.pow;

import org.jspecify.annotations.NullMarked;
