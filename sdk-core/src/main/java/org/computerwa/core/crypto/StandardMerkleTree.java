package org.computerwa.core.crypto;

import java.util.Arrays;
import java.util.Collections;
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
 * <p>Cost: building hashes {@code n - 1} pairs after an {@code n log n} sort; a proof is
 * {@code log2 n} array reads. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class StandardMerkleTree {
  private final Bytes32[] nodes;
  private final Bytes32[] sortedLeaves;
  private final int[] treeIndexOfInput;

  private StandardMerkleTree(Bytes32[] nodes, Bytes32[] sortedLeaves, int[] treeIndexOfInput) {
    this.nodes = nodes;
    this.sortedLeaves = sortedLeaves;
    this.treeIndexOfInput = treeIndexOfInput;
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
    Bytes32[] tree = new Bytes32[2 * n - 1];
    Bytes32[] sorted = new Bytes32[n];
    int[] treeIndexOfInput = new int[n];
    for (int i = 0; i < n; i++) {
      // A fresh copy per leaf, allocated in tree order: hashing and proofs then walk memory in order.
      Bytes32 leaf = Bytes32.wrap(input[order[i]].raw().clone());
      sorted[i] = leaf;
      tree[tree.length - 1 - i] = leaf;
      treeIndexOfInput[order[i]] = tree.length - 1 - i;
    }
    for (int i = tree.length - 1 - n; i >= 0; i--) {
      tree[i] = MerkleProof.hashPair(tree[2 * i + 1], tree[2 * i + 2]);
    }
    return new StandardMerkleTree(tree, sorted, treeIndexOfInput);
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
    return Keccak256.hashTwice(abiEncoded);
  }

  /**
   * The root.
   *
   * @return node 0
   */
  public Bytes32 root() {
    return nodes[0];
  }

  /**
   * The leaf hashes in tree order (ascending).
   *
   * @return an unmodifiable list
   */
  public List<Bytes32> leaves() {
    return Collections.unmodifiableList(Arrays.asList(sortedLeaves));
  }

  /**
   * All nodes in OpenZeppelin's array layout (root first), as its {@code dump().tree} lists them.
   *
   * @return an unmodifiable list of {@code 2n - 1} nodes
   */
  public List<Bytes32> nodes() {
    return List.of(nodes);
  }

  /**
   * The array index of a leaf, as OpenZeppelin's {@code treeIndex}.
   *
   * @param leafHash a leaf of this tree
   * @return its index in {@link #nodes()}
   * @throws ValidationException if the leaf is not in the tree
   */
  public int treeIndex(Bytes32 leafHash) {
    int i = Arrays.binarySearch(sortedLeaves, leafHash);
    if (i < 0) {
      throw new ValidationException("leaf", leafHash, "must be a leaf of this tree");
    }
    return nodes.length - 1 - i;
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
    int depth = 0;
    for (int i = treeIndex; i > 0; i = (i - 1) / 2) {
      depth++;
    }
    Bytes32[] siblings = new Bytes32[depth];
    int index = treeIndex;
    for (int level = 0; level < depth; level++) {
      siblings[level] = nodes[index % 2 == 1 ? index + 1 : index - 1];
      index = (index - 1) / 2;
    }
    return MerkleProof.ofOwned(nodes[treeIndex], siblings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StandardMerkleTree && Arrays.equals(nodes, ((StandardMerkleTree) o).nodes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nodes);
  }

  @Override
  public String toString() {
    return "StandardMerkleTree[root=" + root() + ", leaves=" + sortedLeaves.length + "]";
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
    Arrays.sort(keys);
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
