package org.computerwa.core.crypto;

import java.util.Arrays;
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
 * <p>A final class, not a record (the SDK's value style): a proof taken from a
 * {@link StandardMerkleTree} shares the tree's node array instead of copying its siblings, so it
 * has two representations; equality and hash code are over the leaf and siblings either way.
 *
 * @since 0.1.0
 */
public final class MerkleProof {
  // Either a path (the leaf, then the siblings bottom up, 32 bytes each) when treeIndex < 0, or
  // the node array of the StandardMerkleTree the proof was taken from, in OpenZeppelin's layout,
  // and the leaf's index in it: the siblings are then read out of the tree when asked for, so the
  // proofs of a million-leaf batch share the tree's 64 MB instead of copying 21 hashes each.
  // Neither array is ever written after construction.
  private final byte[] nodes;
  private final int treeIndex;

  private MerkleProof(byte[] nodes, int treeIndex) {
    this.nodes = nodes;
    this.treeIndex = treeIndex;
  }

  /**
   * Creates a proof.
   *
   * @param leaf the leaf hash
   * @param siblings sibling hashes from the bottom up
   * @return the proof
   */
  public static MerkleProof of(Bytes32 leaf, List<Bytes32> siblings) {
    byte[] path = new byte[32 * (1 + siblings.size())];
    System.arraycopy(leaf.raw(), 0, path, 0, 32);
    for (int i = 0; i < siblings.size(); i++) {
      System.arraycopy(siblings.get(i).raw(), 0, path, 32 * (i + 1), 32);
    }
    return new MerkleProof(path, -1);
  }

  /**
   * The proof of node {@code treeIndex} of a tree's node array ({@link StandardMerkleTree}'s
   * layout), which the caller never changes afterwards: nothing is copied.
   */
  static MerkleProof inTree(byte[] treeNodes, int treeIndex) {
    return new MerkleProof(treeNodes, treeIndex);
  }

  /**
   * Hashes a pair the OpenZeppelin way: the smaller value first.
   *
   * @param a one node
   * @param b the other node
   * @return {@code keccak256(min(a,b) || max(a,b))}
   */
  public static Bytes32 hashPair(Bytes32 a, Bytes32 b) {
    byte[] pair = new byte[64];
    boolean aFirst = a.compareTo(b) <= 0;
    System.arraycopy((aFirst ? a : b).raw(), 0, pair, 0, 32);
    System.arraycopy((aFirst ? b : a).raw(), 0, pair, 32, 32);
    byte[] out = new byte[32];
    Keccak256.hashPairInto(pair, 0, 32, out, 0);
    return Bytes32.wrap(out);
  }

  /**
   * Hashes the pair at {@code aOff} and {@code bOff} of {@code src} the OpenZeppelin way (the
   * smaller first) into {@code dst} at {@code dstOff}.
   */
  static void hashPairInto(byte[] src, int aOff, int bOff, byte[] dst, int dstOff) {
    hashPairInto(Keccak256.threadDigest(), src, aOff, bOff, dst, dstOff);
  }

  /** {@link #hashPairInto(byte[], int, int, byte[], int)} with a digest the caller holds. */
  static void hashPairInto(KeccakBlocks digest, byte[] src, int aOff, int bOff, byte[] dst, int dstOff) {
    if (Arrays.compareUnsigned(src, aOff, aOff + 32, src, bOff, bOff + 32) <= 0) {
      Keccak256.hashPairInto(digest, src, aOff, bOff, dst, dstOff);
    } else {
      Keccak256.hashPairInto(digest, src, bOff, aOff, dst, dstOff);
    }
  }

  /**
   * The proven leaf hash.
   *
   * @return the leaf
   */
  public Bytes32 leaf() {
    int off = treeIndex < 0 ? 0 : 32 * treeIndex;
    return Bytes32.wrap(Arrays.copyOfRange(nodes, off, off + 32));
  }

  /**
   * The number of siblings, the leaf's depth in the tree.
   *
   * @return {@code siblings().size()}, without building the list
   */
  public int depth() {
    // in the tree, floor(log2(treeIndex + 1)) steps lead from node treeIndex up to node 0
    return treeIndex < 0 ? nodes.length / 32 - 1 : 31 - Integer.numberOfLeadingZeros(treeIndex + 1);
  }

  /**
   * The sibling hashes, bottom up.
   *
   * @return an unmodifiable list
   */
  public List<Bytes32> siblings() {
    byte[] path = path();
    Bytes32[] siblings = new Bytes32[depth()];
    for (int i = 0; i < siblings.length; i++) {
      siblings[i] = Bytes32.wrap(Arrays.copyOfRange(path, 32 * (i + 1), 32 * (i + 2)));
    }
    return List.of(siblings);
  }

  /**
   * The root this proof leads to.
   *
   * @return the recomputed root
   */
  public Bytes32 root() {
    // work[0..32) holds the running node, work[32..64) the next sibling
    byte[] path = path();
    byte[] work = new byte[64];
    System.arraycopy(path, 0, work, 0, 32);
    for (int off = 32; off < path.length; off += 32) {
      System.arraycopy(path, off, work, 32, 32);
      hashPairInto(work, 0, 32, work, 0);
    }
    return Bytes32.wrap(Arrays.copyOf(work, 32));
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
          "ROOT_MISMATCH", "proof of leaf " + leaf() + " leads to " + actual + ", not " + expectedRoot);
    }
  }

  /** The leaf, then the siblings bottom up, 32 bytes each; the caller must not change it. */
  private byte[] path() {
    if (treeIndex < 0) {
      return nodes;
    }
    int depth = depth();
    byte[] path = new byte[32 * (1 + depth)];
    System.arraycopy(nodes, 32 * treeIndex, path, 0, 32);
    int index = treeIndex;
    for (int level = 1; level <= depth; level++) {
      int sibling = (index & 1) == 1 ? index + 1 : index - 1;
      System.arraycopy(nodes, 32 * sibling, path, 32 * level, 32);
      index = (index - 1) >> 1;
    }
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleProof && Arrays.equals(path(), ((MerkleProof) o).path());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(path());
  }

  @Override
  public String toString() {
    return "MerkleProof[leaf=" + leaf() + ", siblings=" + siblings() + "]";
  }
}
