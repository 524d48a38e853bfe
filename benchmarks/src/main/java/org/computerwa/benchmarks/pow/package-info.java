/**
 * JMH benchmarks of proof-of-work verification: the SDK against its peers over the same real
 * headers, whole-chain scaling over threads, and the speed ratios measured in concurrent pairs
 * ({@code PairedRatioBenchmark}) so that a shared machine's load hits both sides alike.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HeaderVerificationBenchmark
 * java -jar benchmarks/target/benchmarks.jar PairedRatioBenchmark
 * }</pre>
 */
@NullMarked
package org.computerwa.benchmarks.pow;

import org.jspecify.annotations.NullMarked;
