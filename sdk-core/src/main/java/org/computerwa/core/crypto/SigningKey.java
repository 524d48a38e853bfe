package org.computerwa.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.ValidationException;

/**
 * A secp256k1 private key that signs 32-byte digests the way Ethereum accounts do: deterministic
 * nonces (RFC 6979), low-s, recoverable 65-byte signatures.
 *
 * <pre>{@code
 * SigningKey device = SigningKey.generate(new SecureRandom());
 * Signature sig = device.sign(statement.digest(domain));
 * sig.recover(statement.digest(domain));   // == device.address()
 * }</pre>
 *
 * <p>{@link #toString()} shows the address only; the key itself is never printed.
 *
 * @since 0.1.0
 */
public final class SigningKey {
  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private final BigInteger secret;
  private final Address address;

  private SigningKey(BigInteger secret) {
    this.secret = secret;
    ECPoint publicPoint = BASE_MULTIPLIER.multiply(Secp256k1.PARAMS.getG(), secret).normalize();
    this.address = Address.ofPublicKey(Secp256k1.encodeXy(publicPoint));
  }

  /**
   * Wraps a private key scalar.
   *
   * @param secret a number in {@code [1, n)} of secp256k1
   * @return the key
   * @throws ValidationException if the scalar is out of range (the value is not shown)
   */
  public static SigningKey fromSecret(BigInteger secret) {
    if (secret.signum() <= 0 || secret.compareTo(Secp256k1.N) >= 0) {
      throw new ValidationException("privateKey", "<hidden>", "must be in [1, n) of secp256k1");
    }
    return new SigningKey(secret);
  }

  /**
   * Parses a private key from 64 hex digits, with or without {@code 0x}.
   *
   * @param hex the key in hex
   * @return the key
   * @throws ValidationException if the text is malformed or out of range (the value is not shown)
   */
  public static SigningKey fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 64) {
      throw new ValidationException("privateKey", "<hidden>", "must be 64 hex digits (32 bytes)");
    }
    try {
      return fromSecret(new BigInteger(1, Hex.decodeStrict(digits)));
    } catch (DecoderException e) {
      throw new ValidationException("privateKey", "<hidden>", "must contain only hex digits");
    }
  }

  /**
   * Generates a fresh key.
   *
   * @param random the entropy source, normally a {@link SecureRandom}
   * @return a new key
   */
  public static SigningKey generate(SecureRandom random) {
    BigInteger k;
    do {
      k = new BigInteger(256, random);
    } while (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0);
    return new SigningKey(k);
  }

  /**
   * The account address of this key.
   *
   * @return the address
   */
  public Address address() {
    return address;
  }

  /**
   * Signs a 32-byte digest (for instance an EIP-712 digest).
   *
   * @param digest what to sign
   * @return a low-s recoverable signature
   */
  public Signature sign(Bytes32 digest) {
    // ECDSA as BouncyCastle's ECDSASigner computes it (RFC 6979 nonce, fixed-point comb multiplier
    // for k*G), but the recovery id is read from R itself instead of trying public-key recoveries
    // afterwards: two fewer scalar multiplications per signature.
    byte[] message = digest.raw();
    BigInteger n = Secp256k1.N;
    BigInteger e = new BigInteger(1, message);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(n, secret, message);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint bigR = BASE_MULTIPLIER.multiply(Secp256k1.PARAMS.getG(), k).normalize();
      BigInteger x = bigR.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(n);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(n, k).multiply(e.add(secret.multiply(r))).mod(n);
      if (s.signum() == 0 || x.compareTo(n) >= 0) {
        // x >= n (probability about 2^-128) needs recovery id 2 or 3, which Ethereum's v cannot
        // carry; the next RFC 6979 nonce is used instead.
        continue;
      }
      int recoveryId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
      if (s.compareTo(Secp256k1.HALF_N) > 0) {
        s = n.subtract(s); // the low-s twin signs with -R, whose y has the other parity
        recoveryId ^= 1;
      }
      return Signature.of(r, s, 27 + recoveryId);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + address.toChecksumHex() + "]";
  }
}
