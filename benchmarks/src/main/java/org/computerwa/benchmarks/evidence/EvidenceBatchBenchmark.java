package org.computerwa.benchmarks.evidence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.StandardMerkleTree;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A site's batching of one million usage statements on one thread: every leaf hash
 * ({@link UsageStatement#leafHash()}), the OpenZeppelin-layout tree and its root, and the
 * inclusion proof of every statement. Target: at most 2 s per operation.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EvidenceBatchBenchmark
 * }</pre>
 *
 * <p>The statements are built once (1,000 devices x 1,000 hourly periods, varied values); the
 * measured operation starts from the statements, as a site holding them does. Signature checks
 * are not part of it (see {@link EvidenceSigningBenchmark} for their cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class EvidenceBatchBenchmark {
  static final int STATEMENTS = 1_000_000;

  private List<UsageStatement> statements = List.of();

  /** Builds the statements. */
  @Setup
  public void setUp() {
    List<UsageStatement> list = new ArrayList<>(STATEMENTS);
    long t0 = 1_795_824_000L;
    for (int device = 0; device < 1_000; device++) {
      byte[] a = new byte[20];
      a[0] = (byte) 0x5a;
      a[18] = (byte) (device >>> 8);
      a[19] = (byte) device;
      Address address = Address.of(a);
      for (int h = 0; h < 1_000; h++) {
        list.add(UsageStatement.builder()
            .assetId(BigInteger.valueOf(1 + device % 16))
            .device(address)
            .periodStart(Instant.ofEpochSecond(t0 + 3600L * h))
            .periodEnd(Instant.ofEpochSecond(t0 + 3600L * (h + 1)))
            .kind(UsageKind.AVAILABILITY)
            .value(BigInteger.valueOf(3000 + (device * 31 + h) % 600))
            .availabilityBps(9000 + (device + h) % 1000)
            .build());
      }
    }
    statements = List.copyOf(list);
  }

  /**
   * Leaf hashes, tree, root and every proof of the million statements.
   *
   * @param bh consumes the proofs
   * @return the root
   */
  @Benchmark
  public Bytes32 oneMillionStatements(Blackhole bh) {
    return batch(bh::consume);
  }

  /** The measured work; {@code sink} receives every proof. */
  Bytes32 batch(java.util.function.Consumer<MerkleProof> sink) {
    List<Bytes32> leaves = new ArrayList<>(statements.size());
    for (UsageStatement s : statements) {
      leaves.add(s.leafHash());
    }
    StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leaves);
    for (int i = 0; i < leaves.size(); i++) {
      sink.accept(tree.proof(i)); // statement i's proof, like OpenZeppelin's getProof(i)
    }
    return tree.root();
  }
}
