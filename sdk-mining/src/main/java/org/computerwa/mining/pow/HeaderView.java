package org.computerwa.mining.pow;

/** A sequence of headers with whatever ancestry is known; the contextual rules read it. */
abstract class HeaderView {
  static final int OK = -1;
  static final int UNCHECKED = -2;
  static final int NOT_APPLICABLE = -3;

  abstract long height(int i);

  abstract int bits(int i);

  abstract long time(int i);

  /** Index of the parent of header i, or -1 when it is not known. */
  abstract int parent(int i);

  /** Index of the ancestor of header i at height h, or -1 when it is not known. */
  abstract int ancestorAt(int i, long h);

  /**
   * Core's GetNextWorkRequired plus BIP94's time-warp rule. Returns OK, UNCHECKED, NOT_APPLICABLE
   * or a RejectReason ordinal. {@code memo} (two ints, initially -1) remembers the last
   * minimum-difficulty walk-back so that consecutive headers walk back in O(1) amortized.
   */
  final int difficulty(Network n, int i, int[] memo) {
    long h = height(i);
    int p = parent(i);
    if (h < 0 || p < 0) {
      return NOT_APPLICABLE;
    }
    int interval = n.difficultyAdjustmentInterval();
    int bits = bits(i);
    boolean boundary = h % interval == 0;
    if (n.enforceBip94() && boundary && time(i) < time(p) - 600) {
      return RejectReason.TIME_WARP.ordinal();
    }
    int expected;
    if (!boundary) {
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

  /** Median-time-past over up to 11 ancestors; scratch holds at least 11 longs. */
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
    java.util.Arrays.sort(scratch, 0, need);
    long median = scratch[need / 2];
    return time(i) > median ? OK : RejectReason.TIME_TOO_OLD.ordinal();
  }

  static CheckStatus status(int code) {
    switch (code) {
      case OK:
        return CheckStatus.OK;
      case UNCHECKED:
        return CheckStatus.UNCHECKED;
      case NOT_APPLICABLE:
        return CheckStatus.NOT_APPLICABLE;
      default:
        return CheckStatus.FAIL;
    }
  }

  static RejectReason reason(int code) {
    return RejectReason.values()[code];
  }
}
