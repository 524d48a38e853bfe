package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The worked example of the EIP-712 specification ("Ether Mail"), with its published values. */
class Eip712DomainTest {
  private static final String MAIL_TYPE =
      "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
  private static final String PERSON_TYPE = "Person(string name,address wallet)";

  private static final Eip712Domain DOMAIN = Eip712Domain.of(
      "Ether Mail", "1", 1, Address.fromHex("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));

  private static Bytes32 person(String name, String wallet) {
    return Eip712Struct.of(PERSON_TYPE).string(name).address(Address.fromHex(wallet)).hash();
  }

  private static Bytes32 mail() {
    return Eip712Struct.of(MAIL_TYPE)
        .word(person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
        .word(person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"))
        .string("Hello, Bob!")
        .hash();
  }

  @Test
  void domainSeparatorMatchesTheSpecification() {
    assertThat(DOMAIN.separator())
        .isEqualTo(Bytes32.fromHex("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"));
  }

  @Test
  void mailStructHashMatchesTheSpecification() {
    assertThat(mail())
        .isEqualTo(Bytes32.fromHex("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"));
  }

  @Test
  void mailDigestMatchesTheSpecification() {
    assertThat(DOMAIN.digest(mail()))
        .isEqualTo(Bytes32.fromHex("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
  }

  @Test
  void cowKeySignsTheMailDigestWithThePublishedSignature() {
    SigningKey cow = SigningKey.fromSecret(Keccak256.hashUtf8("cow").toUint());
    assertThat(cow.address()).isEqualTo(Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    Signature sig = cow.sign(DOMAIN.digest(mail()));
    assertThat(sig.v()).isEqualTo(28);
    assertThat(sig.r()).isEqualTo(new BigInteger("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", 16));
    assertThat(sig.s()).isEqualTo(new BigInteger("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", 16));
  }

  @Test
  void anotherChainIdGivesAnotherSeparator() {
    Eip712Domain other = Eip712Domain.of("Ether Mail", "1", 2, DOMAIN.verifyingContract());
    assertThat(other.separator()).isNotEqualTo(DOMAIN.separator());
  }
}
