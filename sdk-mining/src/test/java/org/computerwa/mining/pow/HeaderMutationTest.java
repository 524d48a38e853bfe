package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.computerwa.mining.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real headers with single bits flipped, wrong lengths and swapped byte orders must be rejected. */
class HeaderMutationTest {
  private static final HeaderVerifier MAINNET = HeaderVerifier.builder().network(Network.MAINNET).build();

  /** Field name, offset, length. */
  static final List<Object[]> FIELDS = List.of(
      new Object[] {"version", 0, 4}, new Object[] {"prev_hash", 4, 32}, new Object[] {"merkle_root", 36, 32},
      new Object[] {"time", 68, 4}, new Object[] {"bits", 72, 4}, new Object[] {"nonce", 76, 4});

  static Stream<Arguments> realHeadersAndFields() {
    List<String> headers = Stream.concat(
        TestData.csv("headers/famous_headers.csv").stream(),
        TestData.csv("headers/mainnet_checkpoints.csv").stream().filter(r -> r.get("height").endsWith("0")).limit(6))
        .map(r -> r.get("header_hex")).collect(Collectors.toList());
    return headers.stream().flatMap(h -> FIELDS.stream().map(f -> Arguments.of(f[0], f[1], f[2], h)));
  }

  /** The reason a header with these bits must get, given that its hash changed. */
  private static RejectReason expectedFor(int bits) {
    Optional<RejectReason> target = PowRules.checkTarget(Network.MAINNET, CompactTarget.of(bits));
    return target.orElse(RejectReason.HIGH_HASH);
  }

  @ParameterizedTest(name = "{0} of {3}")
  @MethodSource("realHeadersAndFields")
  void everySingleBitFlipIsRejectedWithTheRightReason(String field, int offset, int length, String hex) {
    byte[] original = TestData.hex(hex);
    assertThat(MAINNET.check(original, 0)).isEmpty();
    for (int bit = 0; bit < 8 * length; bit++) {
      byte[] mutated = original.clone();
      mutated[offset + bit / 8] ^= (byte) (1 << (bit % 8));
      RejectReason expected = field.equals("bits") ? expectedFor(BlockHeader.bitsAt(mutated, 0)) : RejectReason.HIGH_HASH;
      assertThat(MAINNET.check(mutated, 0)).as("%s bit %d", field, bit).contains(expected);
      if (expected == RejectReason.HIGH_HASH) {
        BlockHeader h = BlockHeader.parse(mutated);
        assertThat(h.hash().toBigInteger()).isGreaterThan(h.target().value());
      }
    }
  }

  @ParameterizedTest(name = "{0} of {3}")
  @MethodSource("realHeadersAndFields")
  void aFieldWithSwappedByteOrderIsRejectedWithTheRightReason(String field, int offset, int length, String hex) {
    byte[] original = TestData.hex(hex);
    byte[] mutated = original.clone();
    for (int i = 0; i < length; i++) {
      mutated[offset + i] = original[offset + length - 1 - i];
    }
    if (java.util.Arrays.equals(mutated, original)) {
      return; // a palindromic field (the genesis block's all-zero parent) has no other byte order
    }
    RejectReason expected = field.equals("bits") ? expectedFor(BlockHeader.bitsAt(mutated, 0)) : RejectReason.HIGH_HASH;
    assertThatThrownBy(() -> MAINNET.verify(mutated))
        .isInstanceOfSatisfying(HeaderVerificationException.class, e -> {
          assertThat(e.rejectReason()).isEqualTo(expected);
          assertThat(e.reason()).isEqualTo(expected.name());
        });
  }

  static Stream<Arguments> famous() {
    return TestData.csv("headers/famous_headers.csv").stream().map(r -> Arguments.of(r.get("name"), r.get("header_hex")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("famous")
  void aWholeHeaderInReverseByteOrderIsRejected(String name, String hex) {
    byte[] reversed = TestData.reversed(TestData.hex(hex));
    assertThat(MAINNET.check(reversed, 0)).contains(expectedFor(BlockHeader.bitsAt(reversed, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("famous")
  void wrongLengthsAreRejectedAsBadLength(String name, String hex) {
    byte[] header = TestData.hex(hex);
    for (int len : new int[] {0, 79, 81, 160}) {
      byte[] b = java.util.Arrays.copyOf(header, len);
      assertThatThrownBy(() -> MAINNET.verify(b))
          .isInstanceOfSatisfying(HeaderVerificationException.class,
              e -> assertThat(e.rejectReason()).isEqualTo(RejectReason.BAD_LENGTH));
    }
    assertThatThrownBy(() -> BlockHeader.parseHex(hex + "00"))
        .isInstanceOfSatisfying(HeaderVerificationException.class,
            e -> assertThat(e.rejectReason()).isEqualTo(RejectReason.BAD_LENGTH));
  }

}
