package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.jspecify.annotations.Nullable;

/** The secp256k1 curve parameters and public-key recovery (SEC 1, section 4.1.6). */
final class Secp256k1 {
  static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  static final BigInteger N = PARAMS.getN();
  static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /** The 64-byte {@code x || y} encoding of a public point. */
  static byte[] encodeXy(ECPoint point) {
    byte[] encoded = point.normalize().getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, 65);
  }

  /**
   * Recovers the public key that produced {@code (r, s)} over {@code digest} with recovery id
   * {@code recId} (0 or 1), or returns null when no such key exists.
   */
  static @Nullable ECPoint recover(int recId, BigInteger r, BigInteger s, byte[] digest) {
    BigInteger prime = PARAMS.getCurve().getField().getCharacteristic();
    if (r.compareTo(prime) >= 0) {
      return null;
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (recId == 0 ? 0x02 : 0x03);
    byte[] x = Bytes32.fromUint(r).raw();
    System.arraycopy(x, 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = PARAMS.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    // No n*R == infinity check: secp256k1's cofactor is 1, so every point on the curve is in the
    // group of order n (the check would cost a full scalar multiplication per recovery).
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInv = r.modInverse(N);
    BigInteger eInvRInv = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger sRInv = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(PARAMS.getG(), eInvRInv, bigR, sRInv);
    return q.isInfinity() ? null : q.normalize();
  }
}
