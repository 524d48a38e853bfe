package org.computerwa.chain.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Revert data decoded into error names and arguments: known-answer vectors. */
class RevertDecoderTest {
  static final String WORD_7 = "0000000000000000000000000000000000000000000000000000000000000007";
  static final String WORD_3 = "0000000000000000000000000000000000000000000000000000000000000003";

  static Stream<Arguments> knownReverts() {
    return Stream.of(
        // require(false, "boom"): Error(string), selector 0x08c379a0 (Solidity ABI spec)
        Arguments.of(
            "0x08c379a0"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000004"
                + "626f6f6d00000000000000000000000000000000000000000000000000000000",
            "Error", List.of("boom")),
        // arithmetic overflow: Panic(0x11), selector 0x4e487b71
        Arguments.of("0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011",
            "Panic", List.of("17")),
        // LeaseManager.WrongStatus(uint256 leaseId, uint8 status) = keccak("WrongStatus(uint256,uint8)")[0..4]
        Arguments.of("0xa5d15e1f" + WORD_7 + WORD_3, "WrongStatus", List.of("7", "3")),
        // LeaseManager.InvalidTerms(), no arguments
        Arguments.of("0x0256965f", "InvalidTerms", List.of()),
        // AssetShareToken.NotVerified(address)
        Arguments.of("0xb12c8f91000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            "NotVerified", List.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("knownReverts")
  void knownRevertDataDecodesToTheErrorAndItsArguments(String data, String name, List<String> arguments) {
    RevertDecoder.Decoded d = RevertDecoder.decode(data);
    assertThat(d).isNotNull();
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.arguments()).isEqualTo(arguments);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x", "0x1234", "0xdeadbeef", ""})
  void emptyShortOrUnknownDataDecodesToNothing(String data) {
    assertThat(RevertDecoder.decode(data)).isNull();
  }
}
