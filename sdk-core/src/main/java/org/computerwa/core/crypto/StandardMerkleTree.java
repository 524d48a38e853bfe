package org.computerwa.core.crypto;

import java.util.Arrays;
import java.util.List;
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
 * <p>Cost: building hashes {@code n - 1} pairs after an {@code n log n} sort, into one flat array
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
    int n = leafHashes.size();
    Bytes32[] input = leafHashes.toArray(new Bytes32[0]);
    int[] order = sortedOrder(input);
    int nodeCount = 2 * n - 1;
    byte[] nodes = new byte[32 * nodeCount];
    int[] treeIndexOfInput = new int[n];
    for (int i = 0; i < n; i++) {
      treeIndexOfInput[order[i]] = nodeCount - 1 - i;
    }
    // In input order: each leaf is read where it lies, in sequence, and written to its place.
    for (int i = 0; i < n; i++) {
      System.arraycopy(input[i].raw(), 0, nodes, 32 * treeIndexOfInput[i], 32);
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
    return Keccak256.hashTwice(abiEncoded, abiEncoded.length);
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
   * sort, as OpenZeppelin's library uses). Sorts primitive keys, a leaf's leading bits above its
   * input position, so that a million leaves sort without chasing a pointer per comparison; runs
   * whose leading bits tie are then ordered by the whole leaf.
   */
  private static int[] sortedOrder(Bytes32[] leaves) {
    int n = leaves.length;
    int indexBits = n == 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n - 1);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long prefix = prefix64(leaves[i].raw());
      // unsigned order of the prefix becomes signed order by flipping the top bit
      keys[i] = (((prefix >>> indexBits) << indexBits) | i) ^ Long.MIN_VALUE;
    }
    if (n >= RADIX_SORT_FROM) {
      radixSortSigned(keys);
    } else {
      Arrays.sort(keys);
    }
    long indexMask = (1L << indexBits) - 1;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & indexMask);
    }
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || (keys[i] >>> indexBits) != (keys[runStart] >>> indexBits)) {
        if (i - runStart > 1) {
          insertionSort(order, runStart, i, leaves);
        }
        runStart = i;
      }
    }
    return order;
  }

  /**
   * Sorts in signed order, as {@link Arrays#sort(long[])} does, in four stable passes of 16 bits
   * (least significant first): about a third of the time of the comparison sort for a million
   * random keys, whose 64 bits are all significant here.
   */
  private static void radixSortSigned(long[] keys) {
    long[] from = keys;
    long[] to = new long[keys.length];
    int[] start = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      // the top digit is compared with its sign bit flipped, so that negative keys come first
      long flip = shift == 48 ? Long.MIN_VALUE : 0L;
      Arrays.fill(start, 0);
      for (long key : from) {
        start[(int) ((key ^ flip) >>> shift) & 0xffff]++;
      }
      int sum = 0;
      for (int d = 0; d < start.length; d++) {
        int count = start[d];
        start[d] = sum;
        sum += count;
      }
      for (long key : from) {
        to[start[(int) ((key ^ flip) >>> shift) & 0xffff]++] = key;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    // four passes: the sorted keys are back in the caller's array
  }

  private static void insertionSort(int[] order, int from, int to, Bytes32[] leaves) {
    for (int i = from + 1; i < to; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= from && leaves[order[j]].compareTo(leaves[x]) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }

  private static long prefix64(byte[] b) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
