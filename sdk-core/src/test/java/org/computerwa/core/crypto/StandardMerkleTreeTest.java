package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from OpenZeppelin's own regression dump of {@code @openzeppelin/merkle-tree}
 * 1.0.6: {@code test/dumps/standard-v1.sorted.1_0_6.json} in github.com/OpenZeppelin/merkle-tree
 * (MIT licence) — a sorted StandardMerkleTree over the values "a".."f" with leaf encoding
 * {@code ["string"]}.
 */
class StandardMerkleTreeTest {
  private static final List<String> OZ_TREE = List.of(
      "0x6deb52b5da8fd108f79fab00341f38d2587896634c646ee52e49f845680a70c8",
      "0x52426e0f1f65ff7e209a13b8c29cffe82e3acaf3dad0a9b9088f3b9a61a929c3",
      "0xfd3cf45654e88d1cc5d663578c82c76f4b5e3826bacaa1216441443504538f51",
      "0x8076923e76cf01a7c048400a2304c9a9c23bbbdac3a98ea3946340fdafbba34f",
      "0x965b92c6cf08303cc4feb7f3e0819c436c2cec17c6f0688a6af139c9a368707c",
      "0xeba909cf4bb90c6922771d7f126ad0fd11dfde93f3937a196274e1ac20fd2f5b",
      "0xc62a8cfa41edc0ef6f6ae27a2985b7d39c7fea770787d7e104696c6e81f64848",
      "0x9cf5a63718145ba968a01c1d557020181c5b252f665cf7386d370eddb176517b",
      "0x9c15a6a0eaeed500fd9eed4cbeab71f797cefcc67bfd46683e4d2e6ff7f06d1c",
      "0x9a4f64e953595df82d1b4f570d34c4f4f0cfaf729a61e9d60e83e579e1aa283e",
      "0x19ba6c6333e0e9a15bf67523e0676e2f23eb8e574092552d5e888c64a4bb3681");

  /** The standard leaf of a single {@code string} value: keccak256(keccak256(abi.encode(s))). */
  static Bytes32 stringLeaf(String value) {
    byte[] data = value.getBytes(StandardCharsets.UTF_8);
    int padded = (data.length + 31) / 32 * 32;
    byte[] encoded = new byte[64 + padded];
    System.arraycopy(Bytes32.fromUint(BigInteger.valueOf(32)).toBytes(), 0, encoded, 0, 32);
    System.arraycopy(Bytes32.fromUint(BigInteger.valueOf(data.length)).toBytes(), 0, encoded, 32, 32);
    System.arraycopy(data, 0, encoded, 64, data.length);
    return Keccak256.hash(Keccak256.hash(encoded).toBytes());
  }

  private static StandardMerkleTree ozTree() {
    return StandardMerkleTree.ofLeaves(
        Stream.of("a", "b", "c", "d", "e", "f").map(StandardMerkleTreeTest::stringLeaf).collect(Collectors.toList()));
  }

  @Test
  void rootAndEveryNodeMatchOpenZeppelinsDump() {
    StandardMerkleTree tree = ozTree();
    assertThat(tree.root().toHex()).isEqualTo(OZ_TREE.get(0));
    assertThat(tree.nodes().stream().map(Bytes32::toHex)).containsExactlyElementsOf(OZ_TREE);
  }

  @ParameterizedTest(name = "\"{0}\" at tree index {1}")
  @CsvSource({"a, 8", "b, 10", "c, 7", "d, 5", "e, 9", "f, 6"})
  void leafPositionsMatchOpenZeppelinsDump(String value, int treeIndex) {
    assertThat(ozTree().treeIndex(stringLeaf(value))).isEqualTo(treeIndex);
  }

  @ParameterizedTest(name = "proof of \"{0}\"")
  @CsvSource({"a", "b", "c", "d", "e", "f"})
  void everyProofLeadsToTheRoot(String value) {
    StandardMerkleTree tree = ozTree();
    MerkleProof proof = tree.proof(stringLeaf(value));
    proof.verify(tree.root());
    assertThat(proof.root()).isEqualTo(tree.root());
  }

  @Test
  void singleLeafTreeHasTheLeafAsRootAndAnEmptyProof() {
    Bytes32 leaf = stringLeaf("only");
    StandardMerkleTree tree = StandardMerkleTree.ofLeaves(List.of(leaf));
    assertThat(tree.root()).isEqualTo(leaf);
    assertThat(tree.proof(leaf).siblings()).isEmpty();
  }

  @Test
  void randomTreesProveEveryLeafAndRejectTamperedProofs() {
    long seed = org.computerwa.core.Seeds.seed("StandardMerkleTreeTest.randomTrees");
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      int n = 1 + random.nextInt(40);
      List<Bytes32> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        leaves.add(Bytes32.of(b));
      }
      StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leaves);
      for (Bytes32 leaf : leaves) {
        MerkleProof proof = tree.proof(leaf);
        assertThat(proof.root()).as("seed %d", seed).isEqualTo(tree.root());
        if (!proof.siblings().isEmpty()) {
          List<Bytes32> tampered = new ArrayList<>(proof.siblings());
          byte[] flipped = tampered.get(0).toBytes();
          flipped[random.nextInt(32)] ^= 1;
          tampered.set(0, Bytes32.of(flipped));
          MerkleProof bad = MerkleProof.of(leaf, tampered);
          assertThatThrownBy(() -> bad.verify(tree.root()))
              .as("seed %d", seed)
              .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.reason()).isEqualTo("ROOT_MISMATCH"));
        }
      }
    }
  }

  @Test
  void emptyTreeIsRejected() {
    assertThatThrownBy(() -> StandardMerkleTree.ofLeaves(List.of()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leaves"));
  }

  @Test
  void proofOfAForeignLeafIsRejected() {
    assertThatThrownBy(() -> ozTree().proof(stringLeaf("z")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leaf"));
  }

  @Test
  void proofByInputIndexIsTheProofOfThatLeafEvenWithDuplicates() {
    long seed = org.computerwa.core.Seeds.seed("StandardMerkleTreeTest.proofByIndex");
    java.util.Random r = new java.util.Random(seed);
    for (int round = 0; round < 20; round++) {
      java.util.List<Bytes32> leaves = new java.util.ArrayList<>();
      int n = 1 + r.nextInt(70);
      for (int i = 0; i < n; i++) {
        leaves.add(i > 0 && r.nextInt(8) == 0 ? leaves.get(r.nextInt(i)) : Keccak256.hashUtf8("leaf " + r.nextLong()));
      }
      StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leaves);
      for (int i = 0; i < n; i++) {
        MerkleProof byIndex = tree.proof(i);
        org.assertj.core.api.Assertions.assertThat(byIndex.leaf()).as("seed %d", seed).isEqualTo(leaves.get(i));
        byIndex.verify(tree.root());
      }
    }
  }

  @Test
  void theFlatLayoutIsOpenZeppelinsArrayAndProofsRoundTrip() {
    long seed = org.computerwa.core.Seeds.seed("StandardMerkleTreeTest.flatLayout");
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 30; round++) {
      int n = 1 + random.nextInt(70);
      List<Bytes32> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        leaves.add(Bytes32.of(b));
      }
      StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leaves);
      List<Bytes32> nodes = tree.nodes();
      assertThat(nodes).as("seed %d", seed).hasSize(2 * n - 1);
      assertThat(nodes.get(0)).isEqualTo(tree.root());
      for (int i = 0; i < n - 1; i++) {
        assertThat(nodes.get(i)).as("seed %d node %d", seed, i)
            .isEqualTo(MerkleProof.hashPair(nodes.get(2 * i + 1), nodes.get(2 * i + 2)));
      }
      List<Bytes32> sorted = new ArrayList<>(leaves);
      sorted.sort(null);
      assertThat(tree.leaves()).as("seed %d", seed).isEqualTo(sorted);
      for (int i = 0; i < n; i++) {
        Bytes32 leaf = leaves.get(i);
        assertThat(nodes.get(tree.treeIndex(leaf))).isEqualTo(leaf);
        MerkleProof proof = tree.proof(i);
        assertThat(proof.depth()).as("seed %d", seed).isEqualTo(proof.siblings().size());
        assertThat(MerkleProof.of(proof.leaf(), proof.siblings())).isEqualTo(proof).hasSameHashCodeAs(proof);
        assertThat(proof).as("a proof read out of the tree equals its copy, both ways")
            .isEqualTo(MerkleProof.of(proof.leaf(), proof.siblings()));
        assertThat(proof.root()).isEqualTo(tree.root());
      }
      if (n > 1) {
        assertThatThrownBy(() -> tree.proof(tree.root()))
            .as("the root is not a leaf, seed %d", seed)
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leaf"));
      }
      assertThatThrownBy(() -> tree.proof(n)).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.field()).isEqualTo("index"));
    }
  }

  @Test
  void aLargeTreeSortsItsLeavesAsASmallOneDoesAndProvesThem() {
    // Past 65,536 leaves the tree sorts by radix; the oracle here is the textbook construction
    // over Bytes32's own ordering: sort a copy, then hash level by level in the array layout.
    long seed = org.computerwa.core.Seeds.seed("StandardMerkleTreeTest.largeTree");
    SplittableRandom random = new SplittableRandom(seed);
    int n = 70_001;
    List<Bytes32> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      if (i % 7 == 0) {
        b[0] = (byte) 0x80; // many shared leading bytes, and both signs of the top byte
        b[1] = 0;
        b[2] = (byte) (i % 3);
      }
      if (i % 1000 == 1) {
        b = leaves.get(random.nextInt(i)).raw().clone(); // duplicates
      }
      leaves.add(Bytes32.of(b));
    }
    List<Bytes32> sorted = new ArrayList<>(leaves);
    sorted.sort(null);
    Bytes32[] oracle = new Bytes32[2 * n - 1];
    for (int i = 0; i < n; i++) {
      oracle[2 * n - 2 - i] = sorted.get(i);
    }
    for (int i = n - 2; i >= 0; i--) {
      oracle[i] = MerkleProof.hashPair(oracle[2 * i + 1], oracle[2 * i + 2]);
    }
    StandardMerkleTree tree = StandardMerkleTree.ofLeaves(leaves);
    assertThat(tree.leaves()).as("seed %d", seed).isEqualTo(sorted);
    assertThat(tree.root()).as("seed %d", seed).isEqualTo(oracle[0]);
    for (int i = 0; i < n; i += 97) {
      MerkleProof proof = tree.proof(i);
      assertThat(proof.leaf()).as("seed %d leaf %d", seed, i).isEqualTo(leaves.get(i));
      proof.verify(oracle[0]);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {300, 70_001})
  void leavesSharingTheirLeadingWordsSortByTheWholeLeaf(int n) {
    // The sort keys are a leaf's leading 32 bits; leaves that tie there are ordered by the whole
    // leaf. Chosen (not hashed) leaves can tie by the thousand: a long run, with duplicates in it,
    // in a small tree (comparison sort) and a large one (radix sort).
    long seed = org.computerwa.core.Seeds.seed("StandardMerkleTreeTest.sharedLeadingWords");
    SplittableRandom random = new SplittableRandom(seed);
    byte[] flat = new byte[32 * n];
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      if (i % 3 != 0) {
        b[0] = (byte) 0xc0;
        b[1] = 0x01;
        b[2] = 0x02;
        b[3] = (byte) 0x83;
        if (i % 11 == 0) {
          b[4] = 0; // a longer shared prefix inside the run
        }
      }
      if (i % 50 == 7 && i > 7) {
        System.arraycopy(flat, 32 * random.nextInt(i), b, 0, 32); // a duplicate of an earlier leaf
      }
      System.arraycopy(b, 0, flat, 32 * i, 32);
    }
    List<Bytes32> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(Bytes32.of(java.util.Arrays.copyOfRange(flat, 32 * i, 32 * i + 32)));
    }
    List<Bytes32> sorted = new ArrayList<>(leaves);
    sorted.sort(null);
    Bytes32[] oracle = new Bytes32[2 * n - 1];
    for (int i = 0; i < n; i++) {
      oracle[2 * n - 2 - i] = sorted.get(i);
    }
    for (int i = n - 2; i >= 0; i--) {
      oracle[i] = MerkleProof.hashPair(oracle[2 * i + 1], oracle[2 * i + 2]);
    }
    StandardMerkleTree tree = StandardMerkleTree.ofLeafHashes(flat);
    java.util.Arrays.fill(flat, (byte) 0); // the tree kept no reference to its input
    assertThat(tree.leaves()).as("seed %d", seed).isEqualTo(sorted);
    assertThat(tree.root()).as("seed %d", seed).isEqualTo(oracle[0]);
    assertThat(StandardMerkleTree.ofLeaves(leaves).nodes()).as("seed %d", seed).isEqualTo(tree.nodes());
    for (int i = 0; i < n; i += n / 150) {
      MerkleProof proof = tree.proof(i);
      assertThat(proof.leaf()).as("seed %d leaf %d", seed, i).isEqualTo(leaves.get(i));
      proof.verify(oracle[0]);
    }
  }

  @Test
  void flatLeafHashesOfTheWrongLengthAreRejectedByName() {
    assertThatThrownBy(() -> StandardMerkleTree.ofLeafHashes(new byte[0]))
        .isInstanceOf(org.computerwa.core.ValidationException.class)
        .hasMessageContaining("leafHashes").hasMessageContaining("0 bytes").hasMessageContaining("multiple of 32");
    assertThatThrownBy(() -> StandardMerkleTree.ofLeafHashes(new byte[33]))
        .isInstanceOf(org.computerwa.core.ValidationException.class)
        .hasMessageContaining("leafHashes").hasMessageContaining("33 bytes");
  }

  @Test
  void aLeafHashWrittenIntoAnArrayEqualsTheReturnedOne() {
    byte[] encoded = "an ABI encoding of any length, here not a multiple of 32".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[40];
    StandardMerkleTree.leafHash(encoded, out, 5);
    assertThat(java.util.Arrays.copyOfRange(out, 5, 37)).isEqualTo(StandardMerkleTree.leafHash(encoded).toBytes());
    assertThat(Keccak256.hash(Keccak256.hash(encoded).toBytes())).isEqualTo(StandardMerkleTree.leafHash(encoded));
    assertThatThrownBy(() -> StandardMerkleTree.leafHash(encoded, out, 9)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
