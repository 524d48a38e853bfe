package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order in which the contextual rules report, against Bitcoin Core's
 * {@code ContextualCheckBlockHeader}: {@code bad-diffbits}, {@code time-too-old},
 * {@code time-timewarp-attack}, {@code time-too-new}, {@code bad-version}. The headers are plain
 * fields (no proof of work is involved in these rules), so every combination can be built.
 */
class ChainRulesTest {
  private static final int INTERVAL = 2016;

  /** Headers at consecutive heights, each the parent of the next. */
  private static final class Fields extends ChainRules {
    final long first;
    final List<long[]> rows = new ArrayList<>(); // {bits, time, version}

    Fields(long first) {
      this.first = first;
    }

    Fields add(int bits, long time, int version) {
      rows.add(new long[] {bits, time, version});
      return this;
    }

    @Override
    long height(int i) {
      return first + i;
    }

    @Override
    int bits(int i) {
      return (int) rows.get(i)[0];
    }

    @Override
    long time(int i) {
      return rows.get(i)[1];
    }

    @Override
    int version(int i) {
      return (int) rows.get(i)[2];
    }

    @Override
    int parent(int i) {
      return i - 1;
    }

    @Override
    int ancestorAt(int i, long h) {
      return h >= first && h <= first + i ? (int) (h - first) : -1;
    }
  }

  /** A testnet4 period of on-time blocks whose last header, at a period start, is given. */
  private static Fields testnet4PeriodThen(int bits, long timeAfterParent, int version) {
    Fields f = new Fields(INTERVAL * 10L);
    long t = 1_700_000_000L;
    for (int i = 0; i < INTERVAL; i++) {
      f.add(0x1c00ffff, t, 0x20000000);
      t += 600;
    }
    f.add(bits, t - 600 + timeAfterParent, version);
    return f;
  }

  private static int evaluate(Fields f, int[] codes) {
    return f.contextual(Network.TESTNET4, f.rows.size() - 1, Long.MAX_VALUE, new int[] {-1, -1}, new long[11], codes);
  }

  private static int required(Fields f) {
    int last = f.rows.size() - 2;
    return PowRules.calculateNextWorkRequired(Network.TESTNET4, f.time(0), f.bits(0), f.time(last), f.bits(last));
  }

  @Test
  void badDiffbitsIsReportedBeforeATimeWarp() {
    Fields f = testnet4PeriodThen(0x1c00ffff, -601, 0x20000000);
    int right = required(f);
    assertThat(right).isNotEqualTo(0x1c00ffff);
    int[] codes = new int[ChainRules.RULES];
    assertThat(evaluate(f, codes)).isEqualTo(RejectReason.BAD_DIFFICULTY.ordinal());
    assertThat(codes[ChainRules.WARP]).isEqualTo(RejectReason.TIME_WARP.ordinal());
  }

  @Test
  void timeTooOldIsReportedBeforeATimeWarp() {
    Fields probe = testnet4PeriodThen(0, 0, 0x20000000);
    // 601 s before its parent is also before the median of the eleven before it (6 blocks back).
    Fields f = testnet4PeriodThen(required(probe), -601 - 6 * 600, 0x20000000);
    int[] codes = new int[ChainRules.RULES];
    assertThat(evaluate(f, codes)).isEqualTo(RejectReason.TIME_TOO_OLD.ordinal());
    assertThat(codes[ChainRules.BITS]).isEqualTo(ChainRules.OK);
    assertThat(codes[ChainRules.WARP]).isEqualTo(RejectReason.TIME_WARP.ordinal());
  }

  @Test
  void aTimeWarpAloneIsReportedAsSuch() {
    Fields probe = testnet4PeriodThen(0, 0, 0x20000000);
    Fields f = testnet4PeriodThen(required(probe), -601, 0x20000000);
    assertThat(evaluate(f, new int[ChainRules.RULES])).isEqualTo(RejectReason.TIME_WARP.ordinal());
    Fields fine = testnet4PeriodThen(required(probe), -600, 0x20000000);
    assertThat(evaluate(fine, new int[ChainRules.RULES])).isEqualTo(ChainRules.OK);
  }

  @Test
  void badVersionComesLast() {
    Fields probe = testnet4PeriodThen(0, 0, 0x20000000);
    Fields both = testnet4PeriodThen(required(probe), -601, 1);
    int[] codes = new int[ChainRules.RULES];
    assertThat(evaluate(both, codes)).isEqualTo(RejectReason.TIME_WARP.ordinal());
    assertThat(codes[ChainRules.VERSION]).isEqualTo(RejectReason.BAD_VERSION.ordinal());
    Fields versionOnly = testnet4PeriodThen(required(probe), 600, 3);
    assertThat(evaluate(versionOnly, new int[ChainRules.RULES])).isEqualTo(RejectReason.BAD_VERSION.ordinal());
  }

  @Test
  void aTimeTooNewIsReportedAfterTheTimeWarpAndBeforeTheVersion() {
    Fields probe = testnet4PeriodThen(0, 0, 0x20000000);
    Fields f = testnet4PeriodThen(required(probe), 600, 1);
    int last = f.rows.size() - 1;
    int code = f.contextual(Network.TESTNET4, last, f.time(last) - 1, new int[] {-1, -1}, new long[11],
        new int[ChainRules.RULES]);
    assertThat(code).isEqualTo(RejectReason.TIME_TOO_NEW.ordinal());
  }
}
