package org.computerwa.core.crypto;

import java.util.ArrayList;
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
 * MerkleProof proof = tree.proof(leafHashes.get(0));
 * }</pre>
 *
 * <p>Layout: the leaf hashes are sorted ascending and stored in an array of {@code 2n - 1} nodes,
 * leaf {@code i} at index {@code 2n - 2 - i}; each inner node {@code i} is
 * {@link MerkleProof#hashPair(Bytes32, Bytes32) hashPair}{@code (node[2i+1], node[2i+2])}; the root
 * is node 0. Leaf hashes are supplied by the caller; the standard leaf is
 * {@code keccak256(bytes.concat(keccak256(abi.encode(values...))))}, which protects against
 * second-preimage attacks that pass an inner node off as a leaf.
 *
 * @since 0.1.0
 */
public final class StandardMerkleTree {
  private final Bytes32[] nodes;
  private final List<Bytes32> sortedLeaves;

  private StandardMerkleTree(Bytes32[] nodes, List<Bytes32> sortedLeaves) {
    this.nodes = nodes;
    this.sortedLeaves = sortedLeaves;
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
    List<Bytes32> sorted = new ArrayList<>(leafHashes);
    Collections.sort(sorted);
    int n = sorted.size();
    Bytes32[] tree = new Bytes32[2 * n - 1];
    for (int i = 0; i < n; i++) {
      tree[tree.length - 1 - i] = sorted.get(i);
    }
    for (int i = tree.length - 1 - n; i >= 0; i--) {
      tree[i] = MerkleProof.hashPair(tree[2 * i + 1], tree[2 * i + 2]);
    }
    return new StandardMerkleTree(tree, List.copyOf(sorted));
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
    return sortedLeaves;
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
    int i = Collections.binarySearch(sortedLeaves, leafHash);
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
    int index = treeIndex(leafHash);
    List<Bytes32> siblings = new ArrayList<>();
    while (index > 0) {
      int sibling = index % 2 == 1 ? index + 1 : index - 1;
      siblings.add(nodes[sibling]);
      index = (index - 1) / 2;
    }
    return MerkleProof.of(leafHash, siblings);
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
    return "StandardMerkleTree[root=" + root() + ", leaves=" + sortedLeaves.size() + "]";
  }
}
