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
 * @since 0.1.0
 */
public final class MerkleProof {
  // The leaf, then the siblings bottom up, 32 bytes each: one array per proof, however deep.
  private final byte[] path;

  private MerkleProof(byte[] path) {
    this.path = path;
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
    return new MerkleProof(path);
  }

  /** A proof over a path (leaf, then siblings) this package just filled and will not change. */
  static MerkleProof ofOwnedPath(byte[] path) {
    return new MerkleProof(path);
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
    if (Arrays.compareUnsigned(src, aOff, aOff + 32, src, bOff, bOff + 32) <= 0) {
      Keccak256.hashPairInto(src, aOff, bOff, dst, dstOff);
    } else {
      Keccak256.hashPairInto(src, bOff, aOff, dst, dstOff);
    }
  }

  /**
   * The proven leaf hash.
   *
   * @return the leaf
   */
  public Bytes32 leaf() {
    return Bytes32.wrap(Arrays.copyOfRange(path, 0, 32));
  }

  /**
   * The number of siblings, the leaf's depth in the tree.
   *
   * @return {@code siblings().size()}, without building the list
   */
  public int depth() {
    return path.length / 32 - 1;
  }

  /**
   * The sibling hashes, bottom up.
   *
   * @return an unmodifiable list
   */
  public List<Bytes32> siblings() {
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

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleProof && Arrays.equals(path, ((MerkleProof) o).path);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(path);
  }

  @Override
  public String toString() {
    return "MerkleProof[leaf=" + leaf() + ", siblings=" + siblings() + "]";
  }
}
