package org.computerwa.mining.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import org.computerwa.mining.sha256.HeaderHasher;
import org.computerwa.mining.sha256.Sha256Engine;
import org.jspecify.annotations.Nullable;

/** Per-thread proof-of-work checker: hashes with a reused hasher, compares against cached target limbs. */
final class PowCheck {
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final HeaderHasher hasher;
  final byte[] hash = new byte[32];
  private boolean cached;
  private int cachedBits;
  private @Nullable RejectReason cachedReason;
  private long t0;
  private long t1;
  private long t2;
  private long t3;

  private final long limit0;
  private final long limit1;
  private final long limit2;
  private final long limit3;

  PowCheck(Network network, Sha256Engine engine) {
    this.hasher = engine.newHeaderHasher();
    BigInteger limit = network.powLimit();
    limit0 = limit.longValue();
    limit1 = limit.shiftRight(64).longValue();
    limit2 = limit.shiftRight(128).longValue();
    limit3 = limit.shiftRight(192).longValue();
  }

  /** Hashes the header at {@code offset} into {@link #hash} and checks it; null means valid. */
  @Nullable RejectReason check(byte[] headers, int offset) {
    hasher.doubleHash80(headers, offset, hash, 0);
    int bits = BlockHeader.bitsAt(headers, offset);
    if (!cached || bits != cachedBits) {
      decode(bits);
    }
    if (cachedReason != null) {
      return cachedReason;
    }
    return meetsTarget() ? null : RejectReason.HIGH_HASH;
  }

  private boolean meetsTarget() {
    long h = (long) LONG_LE.get(hash, 24);
    if (h != t3) {
      return Long.compareUnsigned(h, t3) < 0;
    }
    h = (long) LONG_LE.get(hash, 16);
    if (h != t2) {
      return Long.compareUnsigned(h, t2) < 0;
    }
    h = (long) LONG_LE.get(hash, 8);
    if (h != t1) {
      return Long.compareUnsigned(h, t1) < 0;
    }
    return Long.compareUnsigned((long) LONG_LE.get(hash, 0), t0) <= 0;
  }

  /** Decodes nBits into four little-endian 64-bit limbs without allocating (Core's SetCompact). */
  private void decode(int bits) {
    int size = bits >>> 24;
    int word = bits & 0x007fffff;
    long l0 = 0;
    long l1 = 0;
    long l2 = 0;
    long l3 = 0;
    if (size <= 3) {
      word >>>= 8 * (3 - size);
      l0 = word;
    } else {
      int shift = 8 * (size - 3);
      if (shift < 256) {
        int idx = shift >>> 6;
        int off = shift & 63;
        long lo = (long) word << off;
        long hi = off == 0 ? 0 : (long) word >>> (64 - off);
        switch (idx) {
          case 0:
            l0 = lo;
            l1 = hi;
            break;
          case 1:
            l1 = lo;
            l2 = hi;
            break;
          case 2:
            l2 = lo;
            l3 = hi;
            break;
          default:
            l3 = lo;
            break;
        }
      }
    }
    boolean negative = word != 0 && (bits & 0x00800000) != 0;
    boolean overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
    if (negative) {
      cachedReason = RejectReason.BITS_NEGATIVE;
    } else if (overflow) {
      cachedReason = RejectReason.BITS_OVERFLOW;
    } else if ((l0 | l1 | l2 | l3) == 0) {
      cachedReason = RejectReason.BITS_ZERO;
    } else if (compare(l3, l2, l1, l0) > 0) {
      cachedReason = RejectReason.BITS_ABOVE_POW_LIMIT;
    } else {
      cachedReason = null;
    }
    t0 = l0;
    t1 = l1;
    t2 = l2;
    t3 = l3;
    cachedBits = bits;
    cached = true;
  }

  private int compare(long a3, long a2, long a1, long a0) {
    if (a3 != limit3) {
      return Long.compareUnsigned(a3, limit3);
    }
    if (a2 != limit2) {
      return Long.compareUnsigned(a2, limit2);
    }
    if (a1 != limit1) {
      return Long.compareUnsigned(a1, limit1);
    }
    return Long.compareUnsigned(a0, limit0);
  }
}
