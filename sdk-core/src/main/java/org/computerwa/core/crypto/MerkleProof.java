package org.computerwa.core.crypto;

import java.util.List;
import org.computerwa.core.VerificationException;

/**
 * A Merkle inclusion proof in OpenZeppelin's format: a leaf and the sibling hashes from the leaf
 * up to the root, combined with sorted-pair Keccak-256 hashing.
 *
 * <pre>{@code
 * MerkleProof proof = tree.proof(2);
 * proof.root();                 // recomputed from leaf and siblings
 * proof.verify(anchoredRoot);   // throws VerificationException on mismatch
 * }</pre>
 *
 * <p>Exactly what {@code MerkleProof.verify(proof, root, leaf)} in OpenZeppelin Contracts checks,
 * so {@link #siblings()} can be passed to a contract unchanged.
 *
 * @since 0.1.0
 */
public final class MerkleProof {
  private final Bytes32 leaf;
  private final List<Bytes32> siblings;

  private MerkleProof(Bytes32 leaf, List<Bytes32> siblings) {
    this.leaf = leaf;
    this.siblings = siblings;
  }

  /**
   * Creates a proof.
   *
   * @param leaf the leaf hash
   * @param siblings sibling hashes from the bottom up
   * @return the proof
   */
  public static MerkleProof of(Bytes32 leaf, List<Bytes32> siblings) {
    return new MerkleProof(leaf, List.copyOf(siblings));
  }

  /** A proof over siblings this package just built and will not change (no copy). */
  static MerkleProof ofOwned(Bytes32 leaf, Bytes32[] siblings) {
    return new MerkleProof(leaf, java.util.Collections.unmodifiableList(java.util.Arrays.asList(siblings)));
  }

  /**
   * Hashes a pair the OpenZeppelin way: the smaller value first.
   *
   * @param a one node
   * @param b the other node
   * @return {@code keccak256(min(a,b) || max(a,b))}
   */
  public static Bytes32 hashPair(Bytes32 a, Bytes32 b) {
    return a.compareTo(b) <= 0 ? Keccak256.hashPair(a.raw(), b.raw()) : Keccak256.hashPair(b.raw(), a.raw());
  }

  /**
   * The proven leaf hash.
   *
   * @return the leaf
   */
  public Bytes32 leaf() {
    return leaf;
  }

  /**
   * The sibling hashes, bottom up.
   *
   * @return an unmodifiable list
   */
  public List<Bytes32> siblings() {
    return siblings;
  }

  /**
   * The root this proof leads to.
   *
   * @return the recomputed root
   */
  public Bytes32 root() {
    Bytes32 node = leaf;
    for (Bytes32 sibling : siblings) {
      node = hashPair(node, sibling);
    }
    return node;
  }

  /**
   * Checks that the proof leads to {@code expectedRoot}.
   *
   * @param expectedRoot the root to prove against, for example an anchored one
   * @throws VerificationException with reason {@code ROOT_MISMATCH} otherwise
   */
  public void verify(Bytes32 expectedRoot) {
    Bytes32 actual = root();
    if (!actual.equals(expectedRoot)) {
      throw new VerificationException(
          "ROOT_MISMATCH", "proof of leaf " + leaf + " leads to " + actual + ", not " + expectedRoot);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleProof
        && leaf.equals(((MerkleProof) o).leaf)
        && siblings.equals(((MerkleProof) o).siblings);
  }

  @Override
  public int hashCode() {
    return 31 * leaf.hashCode() + siblings.hashCode();
  }

  @Override
  public String toString() {
    return "MerkleProof[leaf=" + leaf + ", siblings=" + siblings + "]";
  }
}
