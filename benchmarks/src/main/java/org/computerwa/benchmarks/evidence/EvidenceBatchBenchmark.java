package org.computerwa.benchmarks.evidence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.StandardMerkleTree;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A site's batching of one million usage statements on one thread: every leaf hash, the
 * OpenZeppelin-layout tree and its root, and the inclusion proof of every statement, through the
 * path {@code StatementBatch} takes ({@link UsageStatement#leafHashes(List)} into one array, then
 * {@link StandardMerkleTree#ofLeafHashes(byte[])}). Target: at most 2 s per operation.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EvidenceBatchBenchmark
 * }</pre>
 *
 * <p>The statements are built once (1,000 devices x 1,000 hourly periods, varied values); the
 * measured operation starts from the statements, as a site holding them does. Signature checks
 * are not part of it (see {@link EvidenceSigningBenchmark} for their cost).
 *
 * <p>{@link #keccakFloor} is the floor of that operation in the same run: BouncyCastle's
 * {@code KeccakDigest} absorbing exactly as many 136-byte blocks as the batch needs Keccak-f[1600]
 * permutations ({@link #PERMUTATIONS}), and nothing else. Each leaf costs three (its 224-byte ABI
 * encoding spans two blocks, OpenZeppelin's second hash of the 32-byte digest one more) and each of
 * the {@code n - 1} inner nodes one: 3,999,999 for a million statements. The ratio of the two
 * scores is what the batch spends beyond the permutations; the floor is also a bound on the 2 s
 * target, which a machine whose BouncyCastle permutation takes 500 ns or more cannot meet, whatever
 * the batch does around it. The group {@code batchVsFloor} runs the
 * two at the same time, one thread each, so that on a shared machine both see the same load:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EvidenceBatchBenchmark.batchVsFloor
 * }</pre>
 *
 * <p>The fork touches its whole heap at start-up ({@code -XX:+AlwaysPreTouch}), so the scores are
 * the steady state of a process that has batched before. A batch allocates large arrays (the
 * tree's nodes, the leaf array, the sort's keys; {@code -prof gc} reports the bytes per operation)
 * in regions of the heap it may not have used yet; in a fresh heap without pre-touching, each first use of a page
 * also costs the operating system's page fault, which a long-running process pays once and which
 * a few-operation run would otherwise charge to every operation. {@link EvidenceBatchCpuTimeCheck}
 * shows both: run it with and without the flag.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class EvidenceBatchBenchmark {
  static final int STATEMENTS = 1_000_000;

  /** Keccak-256's rate in bytes. */
  static final int RATE = 136;

  /** The permutations of one batch: per leaf two blocks of encoding and one of re-hashing, per inner node one. */
  static final long PERMUTATIONS = (7 * 32 / RATE + 1 + 1) * (long) STATEMENTS + (STATEMENTS - 1);

  private final byte[] blocks = new byte[RATE * 1024];
  private final byte[] digest = new byte[32];
  private final KeccakDigest keccak = new KeccakDigest(256);

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

  /**
   * BouncyCastle's Keccak-256 absorbing {@link #PERMUTATIONS} blocks: the batch's permutations
   * alone.
   *
   * @return the digest
   */
  @Benchmark
  public byte[] keccakFloor() {
    return floor();
  }

  /**
   * {@link #oneMillionStatements}, paired with {@link #pairedFloor}.
   *
   * @param bh consumes the proofs
   * @return the root
   */
  @Benchmark
  @Group("batchVsFloor")
  @GroupThreads(1)
  public Bytes32 pairedBatch(Blackhole bh) {
    return batch(bh::consume);
  }

  /**
   * {@link #keccakFloor}, paired with {@link #pairedBatch}, on a digest of its own thread.
   *
   * @param floor the thread's digest and blocks
   * @return the digest
   */
  @Benchmark
  @Group("batchVsFloor")
  @GroupThreads(1)
  public byte[] pairedFloor(Floor floor) {
    return floor.run();
  }

  /** A thread's own digest and blocks for the floor, so that paired threads share nothing. */
  @State(Scope.Thread)
  public static class Floor {
    private final byte[] blocks = new byte[RATE * 1024];
    private final byte[] digest = new byte[32];
    private final KeccakDigest keccak = new KeccakDigest(256);

    byte[] run() {
      return absorbPermutations(keccak, blocks, digest);
    }
  }

  /** {@link #PERMUTATIONS} - 1 whole blocks, then the padded empty block {@code doFinal} permutes. */
  byte[] floor() {
    return absorbPermutations(keccak, blocks, digest);
  }

  private static byte[] absorbPermutations(KeccakDigest keccak, byte[] blocks, byte[] digest) {
    long whole = PERMUTATIONS - 1;
    int perUpdate = blocks.length / RATE;
    for (long done = 0; done < whole; done += perUpdate) {
      keccak.update(blocks, 0, RATE * (int) Math.min(perUpdate, whole - done));
    }
    keccak.doFinal(digest, 0);
    return digest;
  }

  /** The measured work; {@code sink} receives every proof. */
  Bytes32 batch(java.util.function.Consumer<MerkleProof> sink) {
    StandardMerkleTree tree = StandardMerkleTree.ofLeafHashes(UsageStatement.leafHashes(statements));
    for (int i = 0; i < statements.size(); i++) {
      sink.accept(tree.proof(i)); // statement i's proof, like OpenZeppelin's getProof(i)
    }
    return tree.root();
  }
}
