/**
 * JMH benchmarks of Stratum share verification: one miner's stream of shares on a real job, from
 * the SHA-256 midstate and by rebuilding every share.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar "HeaderVerificationBenchmark|ShareVerificationBenchmark"
 * }</pre>
 */
@NullMarked
package org.computerwa.benchmarks.share;

import org.jspecify.annotations.NullMarked;
