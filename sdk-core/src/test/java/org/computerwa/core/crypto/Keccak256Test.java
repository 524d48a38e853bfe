package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Keccak256Test {

  @ParameterizedTest(name = "keccak256(\"{0}\")")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        "abc|0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        "The quick brown fox jumps over the lazy dog|0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
            + "|0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f",
      })
  void hashesMatchPublishedVectors(String input, String expected) {
    assertThat(Keccak256.hashUtf8(input).toHex()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "split at {0}")
  @CsvSource({"0", "1", "20", "43"})
  void hashingPartsEqualsHashingTheirConcatenation(int split) {
    byte[] all = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    byte[] a = java.util.Arrays.copyOfRange(all, 0, split);
    byte[] b = java.util.Arrays.copyOfRange(all, split, all.length);
    assertThat(Keccak256.hash(a, b)).isEqualTo(Keccak256.hash(all));
  }

  @org.junit.jupiter.api.Test
  void thePaddedBlockPathEqualsBouncyCastlesDigestForEveryLengthAndReuse() {
    long seed = org.computerwa.core.Seeds.seed("Keccak256Test.paddedBlocks");
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    KeccakBlocks blocks = new KeccakBlocks();
    org.bouncycastle.crypto.digests.KeccakDigest reference = new org.bouncycastle.crypto.digests.KeccakDigest(256);
    for (int length = 0; length <= 3 * KeccakBlocks.RATE + 1; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      byte[] inner = new byte[32];
      reference.update(input, 0, length);
      reference.doFinal(inner, 0);
      byte[] expected = new byte[32];
      reference.update(inner, 0, 32);
      reference.doFinal(expected, 0);
      byte[] leaf = new byte[32];
      blocks.hashTwice(input, length, leaf, 0);
      assertThat(leaf).as("keccak256(keccak256(%d bytes)), seed %d", length, seed).isEqualTo(expected);
      // the same object then serves the general path, and the pair path after it
      blocks.update(input, 0, length);
      byte[] general = new byte[32];
      blocks.doFinal(general, 0);
      assertThat(general).as("length %d, seed %d", length, seed).isEqualTo(inner);
      byte[] pair = new byte[64];
      random.nextBytes(pair);
      byte[] pairHash = new byte[32];
      blocks.hashPair(pair, 32, 0, pairHash, 0);
      reference.update(pair, 32, 32);
      reference.update(pair, 0, 32);
      byte[] pairExpected = new byte[32];
      reference.doFinal(pairExpected, 0);
      assertThat(pairHash).as("pair after %d bytes, seed %d", length, seed).isEqualTo(pairExpected);
    }
  }

  @org.junit.jupiter.api.Test
  void repeatedAndAlternatingLengthsReuseThePaddingCorrectly() {
    // A run of one length writes the padding once; a change of length (shorter, longer, or across
    // a block boundary) must rewrite it.
    long seed = org.computerwa.core.Seeds.seed("Keccak256Test.repeatedLengths");
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    KeccakBlocks blocks = new KeccakBlocks();
    org.bouncycastle.crypto.digests.KeccakDigest reference = new org.bouncycastle.crypto.digests.KeccakDigest(256);
    int[] lengths = {224, 224, 0, 224, 135, 136, 224, 224, 271, 272, 300, 224, 31, 32, 224};
    for (int round = 0; round < 400; round++) {
      int length = round < lengths.length ? lengths[round] : lengths[random.nextInt(lengths.length)];
      byte[] input = new byte[length];
      random.nextBytes(input);
      byte[] inner = new byte[32];
      reference.update(input, 0, length);
      reference.doFinal(inner, 0);
      byte[] expected = new byte[32];
      reference.update(inner, 0, 32);
      reference.doFinal(expected, 0);
      byte[] leaf = new byte[32];
      blocks.hashTwice(input, length, leaf, 0);
      assertThat(leaf).as("round %d, %d bytes, seed %d", round, length, seed).isEqualTo(expected);
    }
  }

  @org.junit.jupiter.api.Test
  void aPairHashedIntoItsOwnArrayIsStillRight() {
    byte[] nodes = new byte[96];
    for (int i = 0; i < 96; i++) {
      nodes[i] = (byte) (7 * i + 1);
    }
    Bytes32 expected = Keccak256.hash(java.util.Arrays.copyOfRange(nodes, 32, 96));
    new KeccakBlocks().hashPair(nodes, 32, 64, nodes, 32);
    assertThat(java.util.Arrays.copyOfRange(nodes, 32, 64)).isEqualTo(expected.raw());
  }

  @org.junit.jupiter.api.Test
  void anUnfinishedGeneralHashDoesNotLeakIntoThePaddedPath() {
    KeccakBlocks blocks = new KeccakBlocks();
    blocks.update(new byte[] {1, 2, 3}, 0, 3); // left unfinished on purpose
    byte[] pair = new byte[64];
    byte[] out = new byte[32];
    blocks.hashPair(pair, 0, 32, out, 0);
    assertThat(out).isEqualTo(Keccak256.hash(pair).raw());
  }
}
