package org.computerwa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PermitVerifierTest {
  static final SigningKey OWNER =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
  static final Address TOKEN = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  static final Address SPENDER = Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
  static final Eip712Domain DOMAIN = Eip712Domain.of("Test USD", "1", 31337, TOKEN);
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

  static Permit permit(long nonce, long deadline) {
    return Permit.of(OWNER.address(), SPENDER, BigInteger.valueOf(1_000_000), BigInteger.valueOf(nonce),
        BigInteger.valueOf(deadline));
  }

  static SignedMessageRejection rejection(Runnable r) {
    try {
      r.run();
      throw new AssertionError("accepted");
    } catch (RejectedSignatureException e) {
      assertThat(e.reason()).isEqualTo(e.rejection().name());
      return e.rejection();
    }
  }

  @Test
  void aPermitWorksOnceAndMovesTheNonce() {
    PermitVerifier v = PermitVerifier.forToken(DOMAIN);
    Permit p = permit(0, NOW.getEpochSecond());
    byte[] sig = OWNER.sign(p.digest(DOMAIN)).toBytes();
    v.verify(p, sig, NOW);
    assertThat(rejection(() -> v.verify(p, sig, NOW))).isEqualTo(SignedMessageRejection.REPLAYED);
    Permit next = permit(1, NOW.getEpochSecond() + 60);
    v.verify(next, OWNER.sign(next.digest(DOMAIN)).toBytes(), NOW);
    Permit stale = permit(1, NOW.getEpochSecond() + 61);
    assertThat(rejection(() -> v.verify(stale, OWNER.sign(stale.digest(DOMAIN)).toBytes(), NOW)))
        .isEqualTo(SignedMessageRejection.STALE_NONCE);
  }

  @Test
  void otherDomainsExpiryAndEncodingsAreRefusedWithTheirReasons() {
    PermitVerifier v = PermitVerifier.forToken(DOMAIN);
    Permit p = permit(0, NOW.getEpochSecond() + 60);
    Eip712Domain otherChain = Eip712Domain.of("Test USD", "1", 1, TOKEN);
    assertThat(rejection(() -> v.verify(p, OWNER.sign(p.digest(otherChain)).toBytes(), NOW)))
        .isEqualTo(SignedMessageRejection.WRONG_SIGNER);
    Permit expired = permit(0, NOW.getEpochSecond() - 1);
    assertThat(rejection(() -> v.verify(expired, OWNER.sign(expired.digest(DOMAIN)).toBytes(), NOW)))
        .isEqualTo(SignedMessageRejection.EXPIRED);
    Signature sig = OWNER.sign(p.digest(DOMAIN));
    assertThat(rejection(() -> v.verify(p, java.util.Arrays.copyOf(sig.toBytes(), 64), NOW)))
        .isEqualTo(SignedMessageRejection.MALFORMED_SIGNATURE);
    // nothing was recorded by the refusals: the right permit still passes
    v.verify(p, sig.toBytes(), NOW);
    // a deadline equal to now is still valid, as block.timestamp > deadline is the contract's test
    Permit atDeadline = permit(1, NOW.getEpochSecond());
    v.verify(atDeadline, OWNER.sign(atDeadline.digest(DOMAIN)).toBytes(), NOW);
  }

  @Test
  void decodeRefusesTheHighSTwinAndTheCompactFormButTakesV0And1() {
    Signature sig = OWNER.sign(Keccak256.hashUtf8("message"));
    BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    byte[] twin = sig.toBytes();
    System.arraycopy(Bytes32.fromUint(n.subtract(sig.s())).toBytes(), 0, twin, 32, 32);
    twin[64] = (byte) (sig.v() == 27 ? 28 : 27);
    assertThat(rejection(() -> Signature.decode(twin))).isEqualTo(SignedMessageRejection.HIGH_S);
    assertThatThrownBy(() -> Signature.decode(new byte[64])).hasMessageContaining("EIP-2098");
    byte[] zeroOne = sig.toBytes();
    zeroOne[64] = (byte) (sig.v() - 27);
    assertThat(Signature.decode(zeroOne)).isEqualTo(sig);
    byte[] badV = sig.toBytes();
    badV[64] = 29;
    assertThat(rejection(() -> Signature.decode(badV))).isEqualTo(SignedMessageRejection.MALFORMED_SIGNATURE);
  }
}
