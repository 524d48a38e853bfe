package org.computerwa.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;

/**
 * A recoverable secp256k1 signature in Ethereum's 65-byte {@code r || s || v} form, always with a
 * low {@code s} (at most half the curve order) and {@code v} of 27 or 28.
 *
 * <pre>{@code
 * Signature sig = Signature.fromBytes(sixtyFiveBytes);
 * Address signer = sig.recover(digest);
 * }</pre>
 *
 * <p>High-s signatures are malleable twins of low-s ones; like OpenZeppelin's {@code ECDSA} this
 * class refuses them, so a signature that parses here is one the contracts accept.
 *
 * @param r the x coordinate part, in {@code [1, n)}
 * @param s the proof part, in {@code [1, n/2]} (always low)
 * @param v the recovery byte, 27 or 28
 * @since 0.1.0
 */
public record Signature(BigInteger r, BigInteger s, int v) {
  /**
   * Checks a signature's components; {@link #of}, {@link #fromBytes} and {@link #decode} are the
   * documented entry points.
   *
   * @param r the x coordinate part, in {@code [1, n)}
   * @param s the proof part, in {@code [1, n/2]} (low-s)
   * @param v the recovery byte, 27 or 28
   * @throws ValidationException if a component is missing or out of range
   */
  public Signature {
    if (r == null || r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new ValidationException("signature.r", r == null ? null : "0x" + r.toString(16),
          "must be in [1, n) of secp256k1");
    }
    if (s == null || s.signum() <= 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new ValidationException("signature.s", s == null ? null : "0x" + s.toString(16),
          "must be in [1, n/2] (low-s; high-s is malleable)");
    }
    if (v != 27 && v != 28) {
      throw new ValidationException("signature.v", v, "must be 27 or 28");
    }
  }

  /**
   * Builds a signature from its components.
   *
   * @param r the x coordinate part, in {@code [1, n)}
   * @param s the proof part, in {@code [1, n/2]} (low-s)
   * @param v the recovery byte, 27 or 28
   * @return the signature
   * @throws ValidationException if a component is out of range
   */
  public static Signature of(BigInteger r, BigInteger s, int v) {
    return new Signature(r, s, v);
  }

  /**
   * Parses the 65-byte {@code r || s || v} encoding ({@code v} of 0/1 is read as 27/28).
   *
   * @param bytes exactly 65 bytes
   * @return the signature
   * @throws ValidationException if the length or a component is wrong
   */
  public static Signature fromBytes(byte[] bytes) {
    if (bytes.length != 65) {
      throw new ValidationException("signature", bytes.length + " bytes", "must be exactly 65 bytes (r || s || v)");
    }
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 32, 64));
    int v = bytes[64] & 0xff;
    return of(r, s, v < 2 ? v + 27 : v);
  }

  /**
   * Decodes a signature as a verifier of untrusted input must: exactly the 65-byte
   * {@code r || s || v} form that OpenZeppelin's {@code ECDSA.recover(bytes32, bytes)} takes, with
   * reasons a caller can act on.
   *
   * <pre>{@code
   * Signature sig = Signature.decode(bytesFromTheWire);   // or RejectedSignatureException
   * }</pre>
   *
   * @param bytes the encoded signature
   * @return the signature
   * @throws RejectedSignatureException {@code MALFORMED_SIGNATURE} for any length but 65 (the
   *     64-byte EIP-2098 compact form included), a bad {@code v} or {@code r}; {@code HIGH_S} for
   *     the malleable twin of a valid signature
   */
  public static Signature decode(byte[] bytes) {
    if (bytes.length != 65) {
      throw new RejectedSignatureException(SignedMessageRejection.MALFORMED_SIGNATURE,
          "signature has " + bytes.length + " bytes, must be the 65-byte r || s || v form"
              + (bytes.length == 64 ? " (the 64-byte EIP-2098 compact form is refused)" : ""));
    }
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 32, 64));
    int v = bytes[64] & 0xff;
    if (s.compareTo(Secp256k1.HALF_N) > 0 && s.compareTo(Secp256k1.N) < 0) {
      throw new RejectedSignatureException(SignedMessageRejection.HIGH_S,
          "signature s 0x" + s.toString(16) + " is above n/2: the malleable twin of a low-s signature");
    }
    try {
      return of(r, s, v < 2 ? v + 27 : v);
    } catch (ValidationException e) {
      throw new RejectedSignatureException(SignedMessageRejection.MALFORMED_SIGNATURE, e.getMessage());
    }
  }




  /**
   * The 65-byte {@code r || s || v} encoding that Solidity's {@code ECDSA.recover} takes.
   *
   * @return a new 65-byte array
   */
  public byte[] toBytes() {
    byte[] out = new byte[65];
    System.arraycopy(Bytes32.fromUint(r).raw(), 0, out, 0, 32);
    System.arraycopy(Bytes32.fromUint(s).raw(), 0, out, 32, 32);
    out[64] = (byte) v;
    return out;
  }

  /**
   * The encoding as {@code 0x}-prefixed hex.
   *
   * @return 132 characters
   */
  public String toHex() {
    return "0x" + Hex.toHexString(toBytes());
  }

  /**
   * Recovers the address that signed {@code digest}.
   *
   * @param digest the 32-byte message digest that was signed (an EIP-712 digest, for instance)
   * @return the signer's address
   * @throws VerificationException with reason {@code BAD_SIGNATURE} if no key produced it
   */
  public Address recover(Bytes32 digest) {
    ECPoint q = Secp256k1.recover(v - 27, r, s, digest.raw());
    if (q == null) {
      throw new VerificationException(
          "BAD_SIGNATURE", "no public key recovers from signature " + toHex() + " over " + digest);
    }
    return Address.ofPublicKey(Secp256k1.encodeXy(q));
  }

  /**
   * Checks that {@code expected} signed {@code digest}.
   *
   * @param digest the signed digest
   * @param expected the address that must have signed it
   * @throws VerificationException with reason {@code WRONG_SIGNER} if another key signed it, or
   *     {@code BAD_SIGNATURE} if none did
   */
  public void verify(Bytes32 digest, Address expected) {
    Address actual = recover(digest);
    if (!actual.equals(expected)) {
      throw new VerificationException(
          "WRONG_SIGNER", "digest " + digest + " was signed by " + actual + ", expected " + expected);
    }
  }

  /**
   * Checks that {@code expected} signed {@code digest}, with a typed reason when not.
   *
   * @param digest the signed digest
   * @param expected the address that must have signed it
   * @param what what was signed, for the message (such as {@code "permit"})
   * @throws RejectedSignatureException {@code WRONG_SIGNER} if another key signed it (which is
   *     also how a signature for another EIP-712 domain shows), {@code MALFORMED_SIGNATURE} if no
   *     key did
   */
  public void requireSigner(Bytes32 digest, Address expected, String what) {
    ECPoint q = Secp256k1.recover(v - 27, r, s, digest.raw());
    if (q == null) {
      throw new RejectedSignatureException(SignedMessageRejection.MALFORMED_SIGNATURE,
          what + ": no public key recovers from signature " + toHex());
    }
    Address actual = Address.ofPublicKey(Secp256k1.encodeXy(q));
    if (!actual.equals(expected)) {
      throw new RejectedSignatureException(SignedMessageRejection.WRONG_SIGNER,
          what + " was signed by " + actual + " over digest " + digest + ", expected " + expected);
    }
  }

  /** Returns the 65-byte encoding as {@code 0x}-prefixed hex, as {@link #toHex()} does. */
  @Override
  public String toString() {
    return toHex();
  }
}
