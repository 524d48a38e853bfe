package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.computerwa.mining.sha256.Sha256Engine;

/**
 * Verifies one contiguous chain held in one byte array: per header, proof of work, linkage
 * against the previous header's hash, then {@link ChainRules} in Core's order, and the work of
 * the headers before the first failure.
 *
 * <p>Ranges are checked independently, each assuming that the headers before it link (the
 * header before a range is hashed once more for its linkage). If any linkage fails the chain is
 * checked again on one thread, where a failed link cuts the proven ancestry, so that no rule
 * after it is judged against a header that is not an ancestor.
 */
final class ContiguousChain {
  /** Core's {@code MAX_FUTURE_BLOCK_TIME}. */
  private static final long MAX_FUTURE_SECONDS = 2 * 60 * 60;

  private final Network network;
  private final Sha256Engine engine;
  private final byte[] headers;
  private final long first;
  private final long now;
  private final int n;

  ContiguousChain(Network network, Sha256Engine engine, byte[] headers, long first, long now) {
    this.network = network;
    this.engine = engine;
    this.headers = headers;
    this.first = first;
    this.now = now;
    this.n = headers.length / BlockHeader.SIZE;
  }

  ChainVerification verify(int threads) {
    Outcome outcome = run(threads);
    if (threads > 1 && outcome.linkBroken) {
      outcome = run(1);
    }
    List<HeaderFailure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (outcome.codes[i] != 0) {
        RejectReason reason = RejectReason.values()[outcome.codes[i] - 1];
        failures.add(new HeaderFailure(i, first + i, reason, explain(i, reason)));
      }
    }
    return new ChainVerification(first, n, failures, outcome.work, BlockHash.fromRaw(outcome.tip), outcome.unchecked);
  }

  /** Codes per header (0 valid, else 1 + reason ordinal), work, unchecked count, tip. */
  private static final class Outcome {
    byte[] codes;
    BigInteger work = BigInteger.ZERO;
    long unchecked;
    byte[] tip;
    boolean linkBroken;
  }

  private Outcome run(int threads) {
    int actual = (int) Math.min(threads, Math.max(1, n / HeaderChainVerifier.MIN_RANGE));
    int ranges = RangePool.ranges(actual);
    Range[] results = new Range[ranges];
    Outcome outcome = new Outcome();
    outcome.codes = new byte[n];
    RangePool.run(actual, n, (r, from, to) -> results[r] = verifyRange(outcome.codes, from, to));
    boolean failed = false;
    for (Range r : results) {
      outcome.unchecked += r.unchecked;
      outcome.linkBroken |= r.linkBroken;
      if (!failed) {
        outcome.work = outcome.work.add(r.workBeforeFailure);
        failed = r.failed;
      }
    }
    outcome.tip = results[ranges - 1].lastHash;
    return outcome;
  }

  /** One range's share of the result. */
  private static final class Range {
    BigInteger workBeforeFailure = BigInteger.ZERO;
    boolean failed;
    long unchecked;
    boolean linkBroken;
    byte[] lastHash = new byte[32];
  }

  /** The headers in one array; a failed link at index {@code lastBreak} cuts the proven ancestry. */
  private final class View extends ChainRules {
    int lastBreak;

    @Override
    long height(int i) {
      return first + i;
    }

    @Override
    int bits(int i) {
      return BlockHeader.bitsAt(headers, i * BlockHeader.SIZE);
    }

    @Override
    long time(int i) {
      return BlockHeader.timeAt(headers, i * BlockHeader.SIZE);
    }

    @Override
    int version(int i) {
      return BlockHeader.versionAt(headers, i * BlockHeader.SIZE);
    }

    @Override
    int parent(int i) {
      return i <= lastBreak ? -1 : i - 1;
    }

    @Override
    int ancestorAt(int i, long h) {
      long k = h - first;
      return k >= lastBreak && k <= i ? (int) k : -1;
    }
  }

  /**
   * Checks headers [from, to) in one pass and sums the work of those before the range's first
   * failure (in runs of equal nBits, to decode each target once). Writes codes.
   */
  private Range verifyRange(byte[] codes, int from, int to) {
    PowCheck check = new PowCheck(network, engine);
    View view = new View();
    view.lastBreak = 0;
    Range result = new Range();
    byte[] prev = result.lastHash;
    if (from > 0) {
      check.check(headers, (from - 1) * BlockHeader.SIZE);
      System.arraycopy(check.hash, 0, prev, 0, 32);
    }
    long[] scratch = new long[11];
    int[] memo = {-1, -1};
    int[] rules = new int[ChainRules.RULES];
    BigInteger sum = BigInteger.ZERO;
    int runBits = 0;
    long run = 0;
    long unchecked = 0;
    for (int i = from; i < to; i++) {
      int off = i * BlockHeader.SIZE;
      RejectReason powReason = check.check(headers, off);
      int code;
      if (i == 0) {
        unchecked += 2; // linkage and difficulty of the anchor
        code = ChainRules.firstFailure(ChainRules.OK, future(i), view.version(network, i));
        unchecked += uncheckedWithoutParent(i);
      } else if (!Arrays.equals(headers, off + 4, off + 36, prev, 0, 32)) {
        code = RejectReason.BAD_PREV_HASH.ordinal();
        view.lastBreak = i;
        result.linkBroken = true;
      } else {
        code = view.contextual(network, i, now + MAX_FUTURE_SECONDS, memo, scratch, rules);
        for (int rule : rules) {
          unchecked += rule == ChainRules.UNCHECKED ? 1 : 0;
        }
      }
      if (powReason != null) {
        code = powReason.ordinal();
      }
      System.arraycopy(check.hash, 0, prev, 0, 32);
      if (code >= 0) {
        codes[i] = (byte) (1 + code);
      }
      if (result.failed) {
        continue;
      }
      if (code >= 0) {
        result.failed = true;
      } else {
        int bits = BlockHeader.bitsAt(headers, off);
        if (run > 0 && bits != runBits) {
          sum = sum.add(CompactTarget.of(runBits).work().multiply(BigInteger.valueOf(run)));
          run = 0;
        }
        runBits = bits;
        run++;
      }
    }
    if (run > 0) {
      sum = sum.add(CompactTarget.of(runBits).work().multiply(BigInteger.valueOf(run)));
    }
    result.workBeforeFailure = sum;
    result.unchecked = unchecked;
    return result;
  }

  /** The anchor's median time past and BIP94 rule lack their parent. */
  private long uncheckedWithoutParent(int i) {
    long h = first + i;
    long count = h > 0 ? 1 : 0;
    if (network.enforceBip94() && h > 0 && h % network.difficultyAdjustmentInterval() == 0) {
      count++;
    }
    return count;
  }

  private int future(int i) {
    return BlockHeader.timeAt(headers, i * BlockHeader.SIZE) > now + MAX_FUTURE_SECONDS
        ? RejectReason.TIME_TOO_NEW.ordinal() : ChainRules.OK;
  }

  private String explain(int i, RejectReason reason) {
    int off = i * BlockHeader.SIZE;
    int bits = BlockHeader.bitsAt(headers, off);
    long time = BlockHeader.timeAt(headers, off);
    switch (reason) {
      case BAD_PREV_HASH:
        return "previous-block hash " + BlockHash.fromRaw(headers, off + 4)
            + " is not the hash of the header before it, " + hashAt(i - 1);
      case BAD_DIFFICULTY:
      case BAD_DIFFICULTY_TRANSITION:
        return "nBits " + CompactTarget.of(bits) + " is not what the " + network + " difficulty rules require";
      case TIME_TOO_OLD:
        return "time " + time + " is not after the median time of the previous 11 blocks";
      case TIME_TOO_NEW:
        return "time " + time + " is more than 2 hours after the clock's " + now;
      case TIME_WARP:
        return "time " + time + " is more than 600 s before its parent's "
            + BlockHeader.timeAt(headers, off - BlockHeader.SIZE);
      case BAD_VERSION:
        return versionMessage(network, first + i, BlockHeader.versionAt(headers, off));
      default:
        return HeaderVerifier.describe(reason, bits, hashAt(i));
    }
  }

  static String versionMessage(Network network, long height, int version) {
    int minimum = version < 2 && height >= network.bip34Height() ? 2
        : version < 3 && height >= network.bip66Height() ? 3 : 4;
    return String.format("nVersion 0x%08x at height %d is below %d, the minimum on %s there (BIP34 from height %d,"
        + " BIP66 from %d, BIP65 from %d)", version, height, minimum, network, network.bip34Height(),
        network.bip66Height(), network.bip65Height());
  }

  private BlockHash hashAt(int i) {
    byte[] hash = new byte[32];
    engine.newHeaderHasher().doubleHash80(headers, i * BlockHeader.SIZE, hash, 0);
    return BlockHash.fromRaw(hash);
  }
}
