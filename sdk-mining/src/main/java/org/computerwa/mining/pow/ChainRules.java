package org.computerwa.mining.pow;

import java.util.Arrays;

/**
 * Bitcoin Core's contextual header rules ({@code ContextualCheckBlockHeader}) over a sequence of
 * headers and whatever ancestry of them is proven by hash linkage. A rule whose context is not
 * proven answers {@link #UNCHECKED}; it is never judged against a header that merely claims the
 * right height.
 *
 * <p>Rules answer {@link #OK}, {@link #UNCHECKED}, {@link #NOT_APPLICABLE} or a {@link
 * RejectReason} ordinal (non-negative). {@link #firstFailure} combines them in Core's order:
 * {@code bad-diffbits}, {@code time-too-old}, {@code time-timewarp-attack}, {@code time-too-new},
 * {@code bad-version}.
 */
abstract class ChainRules {
  static final int OK = -1;
  static final int UNCHECKED = -2;
  static final int NOT_APPLICABLE = -3;

  /** Core's {@code MAX_TIMEWARP}. */
  private static final long MAX_TIMEWARP_SECONDS = 600;

  abstract long height(int i);

  abstract int bits(int i);

  abstract long time(int i);

  abstract int version(int i);

  /** Index of the proven parent of header i, or -1 when it is not proven. */
  abstract int parent(int i);

  /** Index of the proven ancestor of header i at height h, or -1 when it is not proven. */
  abstract int ancestorAt(int i, long h);

  /**
   * Core's {@code GetNextWorkRequired} compared with the header's nBits ({@code bad-diffbits}).
   * Without the period start of a retarget, Core's {@code PermittedDifficultyTransition} still
   * applies (a failure is certain whatever the period start was); otherwise the rule is
   * unchecked. {@code memo} (two ints, initially -1) remembers the last minimum-difficulty
   * walk-back so that consecutive headers walk back in O(1) amortized.
   */
  final int difficulty(Network n, int i, int[] memo) {
    long h = height(i);
    int p = parent(i);
    if (h < 0 || p < 0) {
      return NOT_APPLICABLE;
    }
    int interval = n.difficultyAdjustmentInterval();
    int bits = bits(i);
    int expected;
    if (h % interval != 0) {
      if (n.allowMinDifficultyBlocks()) {
        if (time(i) > time(p) + 2 * n.targetSpacingSeconds()) {
          expected = n.powLimitBits();
        } else {
          int j = p;
          while (height(j) % interval != 0 && bits(j) == n.powLimitBits()) {
            if (j == memo[0]) {
              j = memo[1];
              break;
            }
            int q = parent(j);
            if (q < 0) {
              return UNCHECKED;
            }
            j = q;
          }
          memo[0] = p;
          memo[1] = j;
          expected = bits(j);
        }
      } else {
        expected = bits(p);
      }
    } else if (n.noRetargeting()) {
      expected = bits(p);
    } else {
      int f = ancestorAt(i, h - interval);
      if (f < 0) {
        if (!PowRules.permittedTransition(n, h, bits(p), bits)) {
          return RejectReason.BAD_DIFFICULTY_TRANSITION.ordinal();
        }
        return UNCHECKED;
      }
      expected = PowRules.calculateNextWorkRequired(n, time(f), bits(f), time(p), bits(p));
    }
    return bits == expected ? OK : RejectReason.BAD_DIFFICULTY.ordinal();
  }

  /** Median-time-past over up to 11 proven ancestors ({@code time-too-old}); scratch holds 11 longs. */
  final int medianTimePast(int i, long[] scratch) {
    long h = height(i);
    int p = parent(i);
    if (h < 0 || p < 0) {
      return NOT_APPLICABLE;
    }
    int need = (int) Math.min(11, h);
    int j = p;
    for (int k = 0; k < need; k++) {
      if (j < 0) {
        return UNCHECKED;
      }
      scratch[k] = time(j);
      j = k + 1 < need ? parent(j) : j;
    }
    Arrays.sort(scratch, 0, need);
    long median = scratch[need / 2];
    return time(i) > median ? OK : RejectReason.TIME_TOO_OLD.ordinal();
  }

  /** BIP94 ({@code time-timewarp-attack}): a period's first block at most 600 s before its parent. */
  final int timeWarp(Network n, int i) {
    long h = height(i);
    if (!n.enforceBip94() || h <= 0 || h % n.difficultyAdjustmentInterval() != 0) {
      return NOT_APPLICABLE;
    }
    int p = parent(i);
    if (p < 0) {
      return UNCHECKED;
    }
    return time(i) < time(p) - MAX_TIMEWARP_SECONDS ? RejectReason.TIME_WARP.ordinal() : OK;
  }

  /** Core's {@code bad-version}: needs only the height. */
  final int version(Network n, int i) {
    long h = height(i);
    if (h < 0) {
      return NOT_APPLICABLE;
    }
    return n.versionTooLow(h, version(i)) ? RejectReason.BAD_VERSION.ordinal() : OK;
  }

  /** Indexes of the per-rule codes {@link #contextual} writes. */
  static final int BITS = 0;
  static final int MTP = 1;
  static final int WARP = 2;
  static final int FUTURE = 3;
  static final int VERSION = 4;
  static final int RULES = 5;

  /**
   * Every contextual rule for header i, whose parent is proven, in Core's order: {@code
   * bad-diffbits}, {@code time-too-old}, {@code time-timewarp-attack}, {@code time-too-new} (a time
   * above {@code maxTime}), {@code bad-version}. Writes each rule's code into {@code codes}
   * (indexed by {@link #BITS} ... {@link #VERSION}) and returns the first failure, or {@link #OK}.
   */
  final int contextual(Network n, int i, long maxTime, int[] memo, long[] scratch, int[] codes) {
    codes[BITS] = difficulty(n, i, memo);
    codes[MTP] = medianTimePast(i, scratch);
    codes[WARP] = timeWarp(n, i);
    codes[FUTURE] = time(i) > maxTime ? RejectReason.TIME_TOO_NEW.ordinal() : OK;
    codes[VERSION] = version(n, i);
    for (int r = 0; r < RULES; r++) {
      if (codes[r] >= 0) {
        return codes[r];
      }
    }
    return OK;
  }

  /** The first failing code in the order given, else {@link #OK}. */
  static int firstFailure(int... codes) {
    for (int c : codes) {
      if (c >= 0) {
        return c;
      }
    }
    return OK;
  }

  /** The status of a rule whose answers are combined (any failure fails; else any unchecked). */
  static CheckStatus status(int... codes) {
    boolean unchecked = false;
    boolean applied = false;
    for (int c : codes) {
      if (c >= 0) {
        return CheckStatus.FAIL;
      }
      unchecked |= c == UNCHECKED;
      applied |= c == OK;
    }
    return unchecked ? CheckStatus.UNCHECKED : applied ? CheckStatus.OK : CheckStatus.NOT_APPLICABLE;
  }

  static RejectReason reason(int code) {
    return RejectReason.values()[code];
  }
}
