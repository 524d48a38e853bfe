package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.HexFormat;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A proof-of-work target in Bitcoin's compact form ("nBits"), decoded exactly as Bitcoin Core's
 * {@code arith_uint256::SetCompact} does and encoded as its {@code GetCompact} does.
 *
 * <pre>{@code
 * CompactTarget t = CompactTarget.of(0x1d00ffff);
 * t.value();      // 0x00000000ffff0000...0000
 * t.isValid();    // not negative, not zero, no overflow
 * t.work();       // floor(2^256 / (target + 1)), the chain work of one block at this target
 * CompactTarget.encode(t.value());   // 0x1d00ffff
 * }</pre>
 *
 * <p>Layout: the top byte is the size in bytes, the low 23 bits the mantissa, bit 0x00800000 the
 * sign. A set sign bit with a non-zero mantissa makes the target {@linkplain #negative()
 * negative}; a mantissa shifted beyond 256 bits makes it {@linkplain #overflow() overflow}. Both,
 * and a zero target, are never valid for proof of work.
 *
 * <p>A hand-written class, not a record (sdk-mining's value style, see its README): it decodes
 * nBits once, at construction, into the value and the two flags; as a record it would either
 * decode again on every {@link #value()} or take the decoded parts as constructor components that
 * a caller could make disagree with {@link #bits()}. Equality is that of {@link #bits()}.
 *
 * @since 0.1.0
 */
public final class CompactTarget {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK_256 = TWO_256.subtract(BigInteger.ONE);
  private static final HexFormat HEX = HexFormat.of();

  private final int bits;
  private final BigInteger value;
  private final boolean negative;
  private final boolean overflow;

  private CompactTarget(int bits) {
    this.bits = bits;
    int size = bits >>> 24;
    int word = bits & 0x007fffff;
    BigInteger v;
    if (size <= 3) {
      word >>>= 8 * (3 - size); // as in Core, the flags below see the shifted mantissa
      v = BigInteger.valueOf(word);
    } else {
      v = BigInteger.valueOf(word).shiftLeft(8 * (size - 3)).and(MASK_256);
    }
    this.value = v;
    this.negative = word != 0 && (bits & 0x00800000) != 0;
    this.overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
  }

  /**
   * Decodes a compact target. Never fails: check {@link #isValid()}.
   *
   * @param bits the compact value, as stored (little-endian) in a header's nBits field
   * @return the decoded target
   */
  public static CompactTarget of(int bits) {
    return new CompactTarget(bits);
  }

  /**
   * Decodes a compact target written as 8 big-endian hex digits, such as {@code "1d00ffff"}.
   *
   * @param hex 8 hex digits
   * @return the decoded target
   * @throws ValidationException if {@code hex} is not 8 hex digits
   */
  public static CompactTarget parseHex(String hex) {
    if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new ValidationException("bits", hex, "must be 8 hex digits");
    }
    return of(Integer.parseUnsignedInt(hex, 16));
  }

  /**
   * Encodes a non-negative 256-bit value as Core's {@code GetCompact(false)}: the mantissa never
   * has its sign bit set (the size grows by one instead).
   *
   * @param value a number in [0, 2^256)
   * @return the compact form
   * @throws ValidationException if {@code value} is negative or not below 2^256
   */
  public static int encode(BigInteger value) {
    return encode(value, false);
  }

  /**
   * Encodes a 256-bit value as Core's {@code GetCompact(negative)}.
   *
   * @param value a number in [0, 2^256)
   * @param negative whether to set the sign bit (only if the mantissa is non-zero)
   * @return the compact form
   * @throws ValidationException if {@code value} is negative or not below 2^256
   */
  public static int encode(BigInteger value, boolean negative) {
    if (value.signum() < 0 || value.compareTo(TWO_256) >= 0) {
      throw new ValidationException("value", value.toString(16), "must be in [0, 2^256)");
    }
    int size = (value.bitLength() + 7) / 8;
    int compact;
    if (size <= 3) {
      compact = value.intValue() << (8 * (3 - size));
    } else {
      compact = value.shiftRight(8 * (size - 3)).intValue();
    }
    if ((compact & 0x00800000) != 0) {
      compact >>>= 8;
      size++;
    }
    compact |= size << 24;
    if (negative && (compact & 0x007fffff) != 0) {
      compact |= 0x00800000;
    }
    return compact;
  }

  /**
   * The compact value this target was decoded from.
   *
   * @return the nBits value
   */
  public int bits() {
    return bits;
  }

  /**
   * The decoded 256-bit magnitude; when the encoding {@linkplain #overflow() overflows}, the bits
   * shifted beyond 256 are dropped, as in Core.
   *
   * @return a number in [0, 2^256)
   */
  public BigInteger value() {
    return value;
  }

  /**
   * Whether the sign bit is set with a non-zero mantissa.
   *
   * @return Core's {@code pfNegative}
   */
  public boolean negative() {
    return negative;
  }

  /**
   * Whether the value does not fit in 256 bits.
   *
   * @return Core's {@code pfOverflow}
   */
  public boolean overflow() {
    return overflow;
  }

  /**
   * Whether the decoded value is zero.
   *
   * @return {@code true} for a zero target
   */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /**
   * Whether this target can be used for proof of work at all: not negative, not zero, no
   * overflow. (Network limits are checked separately.)
   *
   * @return {@code true} if usable
   */
  public boolean isValid() {
    return !negative && !overflow && !isZero();
  }

  /**
   * The expected number of hashes to meet this target, Core's {@code GetBlockProof}:
   * {@code floor(2^256 / (target + 1))}, or zero for an invalid target.
   *
   * @return the work of one block at this target
   */
  public BigInteger work() {
    if (!isValid()) {
      return BigInteger.ZERO;
    }
    return TWO_256.divide(value.add(BigInteger.ONE));
  }

  /**
   * Re-encodes the decoded value as Core's {@code GetCompact(negative())}.
   *
   * @return the canonical compact form of this target
   * @throws ValidationException if the target overflows (it has no 256-bit value to encode)
   */
  public int recompact() {
    if (overflow) {
      throw new ValidationException("bits", toString(), "must not overflow 256 bits to be re-encoded");
    }
    return encode(value, negative);
  }

  /**
   * Whether {@code hash} (raw digest byte order) is at or below this target.
   *
   * @param hash the block hash
   * @return {@code true} if the hash meets the target
   */
  public boolean isMetBy(BlockHash hash) {
    return hash.toBigInteger().compareTo(value) <= 0;
  }

  /**
   * The target as 64 big-endian hex digits.
   *
   * @return the hex of {@link #value()}
   */
  public String valueHex() {
    byte[] out = new byte[32];
    byte[] b = value.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return HEX.formatHex(out);
  }

  /**
   * The compact value as 8 hex digits.
   *
   * @return for example {@code "1d00ffff"}
   */
  @Override
  public String toString() {
    return String.format("%08x", bits);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CompactTarget && ((CompactTarget) o).bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }
}
