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
  void signaturesAreBouncyCastleEcdsaSignerOutputsNormalisedToLowSWithTheRecoveringV() {
    long seed = org.computerwa.core.Seeds.seed("SigningKeyTest.bouncyCastle");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      byte[] secret = new byte[32];
      byte[] message = new byte[32];
      random.nextBytes(secret);
      random.nextBytes(message);
      secret[0] &= 0x7f;
      secret[31] |= 1;
      BigInteger d = new BigInteger(1, secret);
      org.bouncycastle.crypto.signers.ECDSASigner reference = new org.bouncycastle.crypto.signers.ECDSASigner(
          new org.bouncycastle.crypto.signers.HMacDSAKCalculator(new org.bouncycastle.crypto.digests.SHA256Digest()));
      reference.init(true, new org.bouncycastle.crypto.params.ECPrivateKeyParameters(d, Secp256k1.DOMAIN));
      BigInteger[] rs = reference.generateSignature(message);
      BigInteger lowS = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
      Signature sig = SigningKey.fromSecret(d).sign(Bytes32.of(message));
      assertThat(sig.r()).as("seed %d", seed).isEqualTo(rs[0]);
      assertThat(sig.s()).as("seed %d", seed).isEqualTo(lowS);
      // the other recovery id must not recover the key: v is the one that does
      Signature flipped = Signature.of(sig.r(), sig.s(), sig.v() == 27 ? 28 : 27);
      assertThat(flipped.recover(Bytes32.of(message))).as("seed %d", seed).isNotEqualTo(sig.recover(Bytes32.of(message)));
      assertThat(sig.recover(Bytes32.of(message))).as("seed %d", seed).isEqualTo(SigningKey.fromSecret(d).address());
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
