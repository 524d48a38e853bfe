package org.computerwa.mining.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Optional;
import org.computerwa.mining.sha256.HeaderHasher;
import org.computerwa.mining.sha256.Sha256Engine;
import org.jspecify.annotations.Nullable;

/** Per-thread proof-of-work checker: hashes with a reused hasher, compares against cached target limbs. */
final class PowCheck {
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Network network;
  private final HeaderHasher hasher;
  final byte[] hash = new byte[32];
  private boolean cached;
  private int cachedBits;
  private @Nullable RejectReason cachedReason;
  private long t0;
  private long t1;
  private long t2;
  private long t3;

  PowCheck(Network network, Sha256Engine engine) {
    this.network = network;
    this.hasher = engine.newHeaderHasher();
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

  private void decode(int bits) {
    CompactTarget target = CompactTarget.of(bits);
    Optional<RejectReason> reason = PowRules.checkTarget(network, target);
    cachedReason = reason.orElse(null);
    BigInteger v = target.value();
    t0 = v.longValue();
    t1 = v.shiftRight(64).longValue();
    t2 = v.shiftRight(128).longValue();
    t3 = v.shiftRight(192).longValue();
    cachedBits = bits;
    cached = true;
  }
}
