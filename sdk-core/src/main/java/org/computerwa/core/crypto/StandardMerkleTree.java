package org.computerwa.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * A Merkle tree laid out exactly like OpenZeppelin's {@code StandardMerkleTree} (JavaScript
 * library {@code @openzeppelin/merkle-tree}, sorted leaves): same root, same proofs.
 *
 * <pre>{@code
 * StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leafHashes);
 * Bytes32 root = tree.root();
 * MerkleProof proof = tree.proof(0);   // of leafHashes.get(0), like OpenZeppelin's getProof(0)
 * }</pre>
 *
 * <p>Layout: the leaf hashes are sorted ascending and stored in an array of {@code 2n - 1} nodes,
 * leaf {@code i} at index {@code 2n - 2 - i}; each inner node {@code i} is
 * {@link MerkleProof#hashPair(Bytes32, Bytes32) hashPair}{@code (node[2i+1], node[2i+2])}; the root
 * is node 0. Leaf hashes are supplied by the caller; the standard leaf is
 * {@link #leafHash(byte[]) keccak256(bytes.concat(keccak256(abi.encode(values...))))}, which
 * protects against second-preimage attacks that pass an inner node off as a leaf.
 *
 * <p>Cost: building hashes {@code n - 1} pairs after a sort of the leaves (on their leading 32
 * bits, a radix sort for large trees; ties by the whole leaf), into one flat array
 * of {@code 32 (2n - 1)} bytes (no object per node). A proof copies nothing: it refers to that
 * array and reads its {@code log2 n} siblings when they are asked for (so a proof keeps its
 * tree's array reachable). Immutable and thread-safe.
 *
 * <p>A tree is a computation over its leaves, not a value: it has no equality of its own (two
 * trees are compared by {@link #root()}), so no caller pays for comparing or hashing its
 * {@code 32 (2n - 1)} bytes.
 *
 * @since 0.1.0
 */
public final class StandardMerkleTree {
  // Node i occupies nodes[32 i, 32 i + 32); leaves sit at the end in descending order.
  /** From this many leaves on, the sort is a radix sort (its count array costs 256 KB). */
  private static final int RADIX_SORT_FROM = 1 << 16;

  private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] nodes;
  private final int nodeCount;
  private final int[] treeIndexOfInput;
  private final Bytes32 root;

  private StandardMerkleTree(byte[] nodes, int[] treeIndexOfInput) {
    this.nodes = nodes;
    this.nodeCount = nodes.length / 32;
    this.treeIndexOfInput = treeIndexOfInput;
    this.root = Bytes32.wrap(Arrays.copyOf(nodes, 32));
  }

  /**
   * Builds the tree over the given leaf hashes (sorted internally).
   *
   * @param leafHashes at least one leaf hash; duplicates are kept, as OpenZeppelin does
   * @return the tree
   * @throws ValidationException if there are no leaves
   */
  public static StandardMerkleTree ofLeaves(List<Bytes32> leafHashes) {
    if (leafHashes.isEmpty()) {
      throw new ValidationException("leaves", "[]", "must contain at least one leaf");
    }
    byte[] flat = new byte[32 * leafHashes.size()];
    int i = 0;
    for (Bytes32 leaf : leafHashes) {
      System.arraycopy(leaf.raw(), 0, flat, 32 * i++, 32);
    }
    return build(flat);
  }

  /**
   * Builds the tree over leaf hashes given as one array of 32-byte words, leaf {@code i} at bytes
   * {@code [32 i, 32 i + 32)}: the same tree as {@link #ofLeaves(List)} over the same leaves in the
   * same order, without an object per leaf. This is how the SDK builds large batches (see {@code
   * UsageStatement.leafHashes}); {@link #proof(int)} takes positions in this array. The array is
   * read, not kept: changing it afterwards does not change the tree.
   *
   * <pre>{@code
   * byte[] leaves = new byte[32 * n];
   * for (int i = 0; i < n; i++) {
   *   StandardMerkleTree.leafHash(abiEncoding(i), leaves, 32 * i);
   * }
   * StandardMerkleTree tree = StandardMerkleTree.ofLeafHashes(leaves);
   * }</pre>
   *
   * @param leafHashes the concatenated leaf hashes: a positive multiple of 32 bytes
   * @return the tree
   * @throws ValidationException if the length is zero or not a multiple of 32
   * @since 0.1.0
   */
  public static StandardMerkleTree ofLeafHashes(byte[] leafHashes) {
    if (leafHashes.length == 0 || leafHashes.length % 32 != 0) {
      throw new ValidationException("leafHashes", leafHashes.length + " bytes", "must be a positive multiple of 32 bytes");
    }
    return build(leafHashes);
  }

  /** The one construction path: sort, place each leaf at its tree index, hash the inner nodes. */
  private static StandardMerkleTree build(byte[] leaves) {
    int n = leaves.length / 32;
    int[] order = sortedOrder(leaves, n);
    int nodeCount = 2 * n - 1;
    byte[] nodes = new byte[32 * nodeCount];
    int[] treeIndexOfInput = new int[n];
    // The leaf of rank j goes to tree index nodeCount - 1 - j. The leaves are copied in input
    // order, so the reads run in sequence and only the writes jump: a load that misses the cache
    // stalls the copy, a store that misses it waits in the store buffer.
    for (int j = 0; j < n; j++) {
      treeIndexOfInput[order[j]] = nodeCount - 1 - j;
    }
    for (int input = 0; input < n; input++) {
      System.arraycopy(leaves, 32 * input, nodes, 32 * treeIndexOfInput[input], 32);
    }
    KeccakBlocks digest = Keccak256.threadDigest();
    for (int i = nodeCount - 1 - n; i >= 0; i--) {
      MerkleProof.hashPairInto(digest, nodes, 32 * (2 * i + 1), 32 * (2 * i + 2), nodes, 32 * i);
    }
    return new StandardMerkleTree(nodes, treeIndexOfInput);
  }

  /**
   * The standard leaf of ABI-encoded values:
   * {@code keccak256(bytes.concat(keccak256(abiEncoded)))}, what OpenZeppelin's library hashes
   * each value tuple to.
   *
   * @param abiEncoded {@code abi.encode(values...)}
   * @return the leaf hash
   */
  public static Bytes32 leafHash(byte[] abiEncoded) {
    byte[] out = new byte[32];
    leafHash(abiEncoded, out, 0);
    return Bytes32.wrap(out);
  }

  /**
   * {@link #leafHash(byte[])} written into the caller's array, for building many leaves without
   * an object per leaf (see {@link #ofLeafHashes(byte[])}).
   *
   * @param abiEncoded {@code abi.encode(values...)}
   * @param out receives the 32-byte leaf hash
   * @param outOffset where it goes in {@code out}
   * @throws IndexOutOfBoundsException if {@code out} has no 32 bytes at {@code outOffset}
   * @since 0.1.0
   */
  public static void leafHash(byte[] abiEncoded, byte[] out, int outOffset) {
    Objects.checkFromIndexSize(outOffset, 32, out.length);
    Keccak256.threadDigest().hashTwice(abiEncoded, abiEncoded.length, out, outOffset);
  }

  /**
   * The root.
   *
   * @return node 0
   */
  public Bytes32 root() {
    return root;
  }

  /**
   * The leaf hashes in tree order (ascending).
   *
   * @return an unmodifiable list
   */
  public List<Bytes32> leaves() {
    int n = treeIndexOfInput.length;
    Bytes32[] sorted = new Bytes32[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = node(nodeCount - 1 - i);
    }
    return List.of(sorted);
  }

  /**
   * All nodes in OpenZeppelin's array layout (root first), as its {@code dump().tree} lists them.
   *
   * @return an unmodifiable list of {@code 2n - 1} nodes
   */
  public List<Bytes32> nodes() {
    Bytes32[] all = new Bytes32[nodeCount];
    for (int i = 0; i < nodeCount; i++) {
      all[i] = node(i);
    }
    return List.of(all);
  }

  /**
   * The array index of a leaf, as OpenZeppelin's {@code treeIndex}.
   *
   * @param leafHash a leaf of this tree
   * @return its index in {@link #nodes()}
   * @throws ValidationException if the leaf is not in the tree
   */
  public int treeIndex(Bytes32 leafHash) {
    byte[] key = leafHash.raw();
    // binary search over the ascending leaves; ascending position j is tree index nodeCount-1-j
    int lo = 0;
    int hi = treeIndexOfInput.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int off = 32 * (nodeCount - 1 - mid);
      int c = Arrays.compareUnsigned(nodes, off, off + 32, key, 0, 32);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return nodeCount - 1 - mid;
      }
    }
    throw new ValidationException("leaf", leafHash, "must be a leaf of this tree");
  }

  /**
   * The inclusion proof of a leaf.
   *
   * @param leafHash a leaf of this tree
   * @return its proof, siblings bottom up
   * @throws ValidationException if the leaf is not in the tree
   */
  public MerkleProof proof(Bytes32 leafHash) {
    return proofAt(treeIndex(leafHash));
  }

  /**
   * The inclusion proof of the leaf given at {@code index} to {@link #ofLeaves(List)}, as
   * OpenZeppelin's {@code getProof(index)}; no search.
   *
   * @param index the position of the leaf in the list the tree was built from
   * @return its proof, siblings bottom up
   * @throws ValidationException if the index is out of range
   */
  public MerkleProof proof(int index) {
    if (index < 0 || index >= treeIndexOfInput.length) {
      throw new ValidationException("index", index, "must be in [0, " + treeIndexOfInput.length + ")");
    }
    return proofAt(treeIndexOfInput[index]);
  }

  private MerkleProof proofAt(int treeIndex) {
    return MerkleProof.inTree(nodes, treeIndex);
  }

  private Bytes32 node(int i) {
    return Bytes32.wrap(Arrays.copyOfRange(nodes, 32 * i, 32 * i + 32));
  }

  @Override
  public String toString() {
    return "StandardMerkleTree[root=" + root() + ", leaves=" + treeIndexOfInput.length + "]";
  }

  /**
   * The input positions in ascending leaf order, equal leaves in input order (JavaScript's stable
   * sort, as OpenZeppelin's library uses). Sorts primitive keys, a leaf's leading 32 bits above its
   * input position, so that a million leaves sort without a comparison of whole leaves; runs whose
   * leading bits tie (for hashes, a handful in a million) are then ordered by the whole leaf.
   */
  private static int[] sortedOrder(byte[] leaves, int n) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) (int) INT_BE.get(leaves, 32 * i) << 32) | i;
    }
    if (n >= RADIX_SORT_FROM) {
      radixSortHigh32(keys);
    } else {
      // unsigned order becomes signed order by flipping the top bit
      for (int i = 0; i < n; i++) {
        keys[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(keys);
      for (int i = 0; i < n; i++) {
        keys[i] ^= Long.MIN_VALUE;
      }
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) keys[i];
    }
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || (keys[i] >>> 32) != (keys[runStart] >>> 32)) {
        if (i - runStart > 1) {
          sortRun(order, runStart, i, leaves);
        }
        runStart = i;
      }
    }
    return order;
  }

  /**
   * Sorts by the unsigned top 32 bits, stably, in two passes of 16 bits (least significant
   * first): equal top halves keep the input order their low halves carry in.
   */
  private static void radixSortHigh32(long[] keys) {
    long[] from = keys;
    long[] to = new long[keys.length];
    int[] start = new int[1 << 16];
    for (int shift = 32; shift < 64; shift += 16) {
      Arrays.fill(start, 0);
      for (long key : from) {
        start[(int) (key >>> shift) & 0xffff]++;
      }
      int sum = 0;
      for (int d = 0; d < start.length; d++) {
        int count = start[d];
        start[d] = sum;
        sum += count;
      }
      for (long key : from) {
        to[start[(int) (key >>> shift) & 0xffff]++] = key;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    // two passes: the sorted keys are back in the caller's array
  }

  /**
   * Orders {@code order[from, to)}, whose leaves share their leading 32 bits, by the whole leaf,
   * stably: insertion for the short runs hashes give, a merge sort for long ones, which only
   * chosen (not hashed) leaf values produce.
   */
  private static void sortRun(int[] order, int from, int to, byte[] leaves) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= from && compareLeaves(leaves, order[j], x) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      return;
    }
    Integer[] run = new Integer[to - from];
    for (int i = from; i < to; i++) {
      run[i - from] = order[i];
    }
    Arrays.sort(run, (x, y) -> compareLeaves(leaves, x, y)); // stable
    for (int i = from; i < to; i++) {
      order[i] = run[i - from];
    }
  }

  private static int compareLeaves(byte[] leaves, int x, int y) {
    return Arrays.compareUnsigned(leaves, 32 * x, 32 * x + 32, leaves, 32 * y, 32 * y + 32);
  }
}
