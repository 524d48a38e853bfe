package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningKeyTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "0x0000000000000000000000000000000000000000000000000000000000000001, 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf",
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80, 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d, 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  })
  void addressOfAKnownKeyMatchesItsPublishedAccount(String key, String address) {
    assertThat(SigningKey.fromHex(key).address().toChecksumHex()).isEqualTo(address);
  }

  @Test
  void signaturesRecoverToTheSignerAndAreAlwaysLowS() {
    long seed = new SecureRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      byte[] secret = new byte[32];
      byte[] message = new byte[32];
      random.nextBytes(secret);
      random.nextBytes(message);
      secret[0] &= 0x7f; // stays below n
      secret[31] |= 1; // never zero
      SigningKey key = SigningKey.fromSecret(new BigInteger(1, secret));
      Bytes32 digest = Bytes32.of(message);
      Signature sig = key.sign(digest);
      assertThat(sig.s().compareTo(Secp256k1.HALF_N)).as("seed %d", seed).isLessThanOrEqualTo(0);
      assertThat(sig.recover(digest)).as("seed %d", seed).isEqualTo(key.address());
      assertThat(Signature.fromBytes(sig.toBytes())).as("seed %d", seed).isEqualTo(sig);
    }
  }

  @Test
  void highSTwinOfAValidSignatureIsRejected() {
    SigningKey key = SigningKey.fromHex("0x0000000000000000000000000000000000000000000000000000000000000001");
    Signature sig = key.sign(Keccak256.hashUtf8("message"));
    byte[] bytes = sig.toBytes();
    byte[] highS = Bytes32.fromUint(Secp256k1.N.subtract(sig.s())).toBytes();
    System.arraycopy(highS, 0, bytes, 32, 32);
    bytes[64] = (byte) (sig.v() == 27 ? 28 : 27);
    assertThatThrownBy(() -> Signature.fromBytes(bytes))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("signature.s"));
  }

  @Test
  void signatureOverAnotherDigestRecoversAnotherSigner() {
    SigningKey key = SigningKey.fromHex("0x0000000000000000000000000000000000000000000000000000000000000002");
    Signature sig = key.sign(Keccak256.hashUtf8("one"));
    assertThatThrownBy(() -> sig.verify(Keccak256.hashUtf8("two"), key.address()))
        .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.reason()).isEqualTo("WRONG_SIGNER"));
  }

  @Test
  void toStringShowsTheAddressButNeverTheKey() {
    SigningKey key = SigningKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(key.toString()).contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266").doesNotContain("ac0974");
  }

  @Test
  void outOfRangeSecretIsRejectedWithoutShowingIt() {
    assertThatThrownBy(() -> SigningKey.fromSecret(Secp256k1.N))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("<hidden>"));
  }
}
