package org.computerwa.mining.pow;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.sha256.Sha256Engine;

/**
 * Verifies header chains against Bitcoin Core's header rules: proof of work, linkage, difficulty
 * retargeting ({@code GetNextWorkRequired} with the 4x clamp, minimum-difficulty blocks, BIP94),
 * median time past over 11 blocks, the two-hour future limit against an injected clock, and
 * cumulative chain work.
 *
 * <pre>{@code
 * HeaderChainVerifier verifier = HeaderChainVerifier.builder()
 *     .network(Network.MAINNET)
 *     .clock(Clock.systemUTC())
 *     .parallelism(4)
 *     .build();
 * ChainVerification r = verifier.verify(554390, concatenatedHeaders);
 * r.orThrow();               // HeaderVerificationException with reason, index and height
 * r.chainWork();
 * }</pre>
 *
 * <p><b>Context.</b> The first header of a chain is its anchor: its proof of work is checked,
 * its linkage and difficulty cannot be. Rules whose context lies before the first header (the
 * period start of a retarget, ancestors for median time past) are counted as unchecked, never
 * assumed; a retarget without its period start is still held to Core's
 * {@code PermittedDifficultyTransition}.
 *
 * <p><b>Parallelism.</b> Long chains are split into ranges hashed and checked on
 * {@link Builder#parallelism(int)} threads (one short-lived pool per call); every rule reads
 * only the immutable input, so the result equals the sequential one.
 *
 * @since 0.1.0
 */
public final class HeaderChainVerifier {
  /** Core's {@code MAX_FUTURE_BLOCK_TIME}. */
  private static final long MAX_FUTURE_SECONDS = 2 * 60 * 60;

  private static final int MIN_RANGE = 4096;

  private final Network network;
  private final Sha256Engine engine;
  private final Clock clock;
  private final int parallelism;

  private HeaderChainVerifier(Builder b) {
    this.network = b.network;
    this.engine = b.engine;
    this.clock = b.clock;
    this.parallelism = b.parallelism;
  }

  /**
   * Starts a builder: default network, fastest engine, system UTC clock, all processors.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The network whose rules apply.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * The SHA-256 engine in use.
   *
   * @return the engine
   */
  public Sha256Engine engine() {
    return engine;
  }

  /**
   * Threads used for long chains.
   *
   * @return the parallelism
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Verifies parsed headers as a contiguous chain.
   *
   * @param firstHeight the height of {@code headers.get(0)}
   * @param headers consecutive headers, at least one
   * @return the result
   * @throws ValidationException if the list is empty or the height negative
   */
  public ChainVerification verify(long firstHeight, List<BlockHeader> headers) {
    byte[] raw = new byte[headers.size() * BlockHeader.SIZE];
    for (int i = 0; i < headers.size(); i++) {
      System.arraycopy(headers.get(i).bytesUnsafe(), 0, raw, i * BlockHeader.SIZE, BlockHeader.SIZE);
    }
    return verify(firstHeight, raw);
  }

  /**
   * Verifies concatenated serialized headers as a contiguous chain.
   *
   * @param firstHeight the height of the first header
   * @param headers 80 bytes per header, at least one header; not modified
   * @return the result
   * @throws HeaderVerificationException with {@link RejectReason#BAD_LENGTH} if the length is not a
   *     multiple of 80
   * @throws ValidationException if there are no headers or the height is negative
   */
  public ChainVerification verify(long firstHeight, byte[] headers) {
    if (headers.length % BlockHeader.SIZE != 0) {
      throw new HeaderVerificationException(RejectReason.BAD_LENGTH,
          "header bytes must be a multiple of 80, got " + headers.length);
    }
    if (headers.length == 0) {
      throw new ValidationException("headers", "0 bytes", "must hold at least one header");
    }
    if (firstHeight < 0) {
      throw new ValidationException("firstHeight", firstHeight, "must be >= 0");
    }
    int n = headers.length / BlockHeader.SIZE;
    Contiguous view = new Contiguous(headers, firstHeight);
    byte[] codes = new byte[n];
    long now = clock.instant().getEpochSecond();
    int threads = (int) Math.min(parallelism, Math.max(1, n / MIN_RANGE));
    int ranges = threads == 1 ? 1 : threads * 4;
    BigInteger[] work = new BigInteger[ranges];
    long[] unchecked = new long[ranges];
    byte[][] lastHash = new byte[ranges][];
    runRanges(threads, ranges, n, (r, from, to) -> {
      RangeResult result = verifyRange(view, codes, now, from, to);
      work[r] = result.work;
      unchecked[r] = result.unchecked;
      lastHash[r] = result.lastHash;
    });
    BigInteger total = BigInteger.ZERO;
    long uncheckedTotal = 0;
    for (int r = 0; r < ranges; r++) {
      total = total.add(work[r]);
      uncheckedTotal += unchecked[r];
    }
    List<HeaderFailure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (codes[i] != 0) {
        RejectReason reason = RejectReason.values()[codes[i] - 1];
        failures.add(new HeaderFailure(i, firstHeight + i, reason, explain(view, i, reason, now)));
      }
    }
    return new ChainVerification(firstHeight, n, failures, total, BlockHash.fromRaw(lastHash[ranges - 1]),
        uncheckedTotal);
  }

  private static final class RangeResult {
    BigInteger work = BigInteger.ZERO;
    long unchecked;
    byte[] lastHash = new byte[32];
  }

  /**
   * Checks headers [from, to) in one pass: proof of work, linkage against the previous header's
   * hash (the header before {@code from} is hashed once more for that), difficulty, median time
   * past and future time, and sums their work. Writes 1 + reason ordinal into {@code codes}.
   */
  private RangeResult verifyRange(Contiguous view, byte[] codes, long now, int from, int to) {
    byte[] headers = view.headers;
    PowCheck check = new PowCheck(network, engine);
    RangeResult result = new RangeResult();
    byte[] prev = result.lastHash;
    if (from > 0) {
      check.check(headers, (from - 1) * BlockHeader.SIZE);
      System.arraycopy(check.hash, 0, prev, 0, 32);
    }
    long[] scratch = new long[11];
    int[] memo = {-1, -1};
    BigInteger sum = BigInteger.ZERO;
    int runBits = 0;
    long run = 0;
    long unchecked = 0;
    for (int i = from; i < to; i++) {
      int off = i * BlockHeader.SIZE;
      RejectReason powReason = check.check(headers, off);
      int code = HeaderView.OK;
      if (i == 0) {
        unchecked += 2; // linkage and difficulty of the anchor
      } else if (!Arrays.equals(headers, off + 4, off + 36, prev, 0, 32)) {
        code = RejectReason.BAD_PREV_HASH.ordinal();
      } else {
        code = view.difficulty(network, i, memo);
      }
      if (code == HeaderView.UNCHECKED) {
        unchecked++;
      }
      int mtp = view.medianTimePast(i, scratch);
      if (mtp == HeaderView.UNCHECKED || mtp == HeaderView.NOT_APPLICABLE && view.height(i) > 0) {
        unchecked++;
      }
      if (code < 0 && mtp >= 0) {
        code = mtp;
      }
      if (code < 0 && view.time(i) > now + MAX_FUTURE_SECONDS) {
        code = RejectReason.TIME_TOO_NEW.ordinal();
      }
      if (powReason != null) {
        codes[i] = (byte) (1 + powReason.ordinal());
      } else if (code >= 0) {
        codes[i] = (byte) (1 + code);
      }
      System.arraycopy(check.hash, 0, prev, 0, 32);
      int bits = BlockHeader.bitsAt(headers, off);
      if (run > 0 && bits != runBits) {
        sum = sum.add(CompactTarget.of(runBits).work().multiply(BigInteger.valueOf(run)));
        run = 0;
      }
      runBits = bits;
      run++;
    }
    if (run > 0) {
      sum = sum.add(CompactTarget.of(runBits).work().multiply(BigInteger.valueOf(run)));
    }
    result.work = sum;
    result.unchecked = unchecked;
    return result;
  }

  private String explain(Contiguous view, int i, RejectReason reason, long now) {
    int bits = view.bits(i);
    switch (reason) {
      case BAD_PREV_HASH:
        return "previous-block hash " + BlockHash.fromRaw(view.headers, i * BlockHeader.SIZE + 4)
            + " is not the hash of the header before it, " + hashAt(view, i - 1);
      case BAD_DIFFICULTY:
      case BAD_DIFFICULTY_TRANSITION:
        return "nBits " + CompactTarget.of(bits) + " is not what the " + network + " difficulty rules require";
      case TIME_TOO_OLD:
        return "time " + view.time(i) + " is not after the median time of the previous 11 blocks";
      case TIME_TOO_NEW:
        return "time " + view.time(i) + " is more than 2 hours after the clock's " + now;
      case TIME_WARP:
        return "time " + view.time(i) + " is more than 600 s before its parent's " + view.time(i - 1);
      default:
        return HeaderVerifier.describe(reason, bits, hashAt(view, i));
    }
  }

  private BlockHash hashAt(Contiguous view, int i) {
    byte[] hash = new byte[32];
    engine.newHeaderHasher().doubleHash80(view.headers, i * BlockHeader.SIZE, hash, 0);
    return BlockHash.fromRaw(hash);
  }

  /**
   * Checks a list of headers that may have gaps, rule by rule. Each entry's proof of work is
   * checked on its own. Where an entry's height is the previous entry's height + 1, its linkage
   * is checked (a stale sibling in between is tolerated: the parent may be any earlier entry at
   * height - 1 with the right hash), and the difficulty and median-time-past rules are checked
   * using earlier entries as context; a rule whose context is missing is {@link
   * CheckStatus#UNCHECKED}. Entries without a height get proof of work only. The future-time
   * rule is not applied here.
   *
   * @param entries the entries, in order
   * @return one check per entry, in order
   */
  public List<HeaderCheck> checkEach(List<HeaderEntry> entries) {
    Rows rows = new Rows(entries.size());
    PowCheck pow = new PowCheck(network, engine);
    Map<BlockHash, Integer> byHash = new HashMap<>();
    Map<Long, Integer> byHeight = new HashMap<>();
    long[] scratch = new long[11];
    int[] memo = {-1, -1};
    List<HeaderCheck> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      HeaderEntry e = entries.get(i);
      byte[] b = e.bytesUnsafe();
      long h = e.rawHeight();
      rows.height[i] = h;
      rows.parent[i] = -1;
      if (b.length != BlockHeader.SIZE) {
        rows.height[i] = -1;
        out.add(new HeaderCheck(i, h, null, CheckStatus.FAIL, CheckStatus.NOT_APPLICABLE,
            CheckStatus.NOT_APPLICABLE, CheckStatus.NOT_APPLICABLE, RejectReason.BAD_LENGTH));
        continue;
      }
      rows.bits[i] = BlockHeader.bitsAt(b, 0);
      rows.time[i] = BlockHeader.timeAt(b, 0);
      RejectReason powReason = pow.check(b, 0);
      BlockHash hash = BlockHash.fromRaw(pow.hash, 0);
      CheckStatus link = CheckStatus.NOT_APPLICABLE;
      CheckStatus difficulty = CheckStatus.NOT_APPLICABLE;
      CheckStatus mtp = CheckStatus.NOT_APPLICABLE;
      RejectReason reason = powReason;
      boolean consecutive = h > 0 && i > 0 && entries.get(i - 1).rawHeight() == h - 1;
      if (consecutive) {
        BlockHash prev = BlockHash.fromRaw(b, 4);
        Integer parent = byHash.get(prev);
        if (parent != null && rows.height[parent] == h - 1) {
          rows.parent[i] = parent;
          link = CheckStatus.OK;
          int d = rows.difficulty(network, i, memo);
          int m = rows.medianTimePast(i, scratch);
          difficulty = HeaderView.status(d);
          mtp = HeaderView.status(m);
          if (reason == null && d >= 0) {
            reason = HeaderView.reason(d);
          }
          if (reason == null && m >= 0) {
            reason = HeaderView.reason(m);
          }
        } else {
          link = CheckStatus.FAIL;
          difficulty = CheckStatus.UNCHECKED;
          mtp = CheckStatus.UNCHECKED;
          if (reason == null) {
            reason = RejectReason.BAD_PREV_HASH;
          }
        }
      }
      out.add(new HeaderCheck(i, h, hash, powReason == null ? CheckStatus.OK : CheckStatus.FAIL, link, difficulty,
          mtp, reason));
      byHash.put(hash, i);
      if (h >= 0) {
        byHeight.put(h, i);
      }
      rows.byHeight = byHeight;
    }
    return out;
  }

  private interface RangeTask {
    void run(int range, int from, int to);
  }

  private static void runRanges(int threads, int ranges, int n, RangeTask task) {
    if (threads == 1) {
      task.run(0, 0, n);
      return;
    }
    AtomicInteger serial = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "computerwa-header-verify-" + serial.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(ranges);
      for (int r = 0; r < ranges; r++) {
        int range = r;
        int from = (int) ((long) n * r / ranges);
        int to = (int) ((long) n * (r + 1) / ranges);
        futures.add(pool.submit(() -> task.run(range, from, to)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeRwaException("header verification was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new ComputeRwaException("header verification failed", cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A contiguous chain in one byte array. */
  private static final class Contiguous extends HeaderView {
    final byte[] headers;
    final long first;

    Contiguous(byte[] headers, long first) {
      this.headers = headers;
      this.first = first;
    }

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
    int parent(int i) {
      return i - 1;
    }

    @Override
    int ancestorAt(int i, long h) {
      return h >= first && h <= first + i ? (int) (h - first) : -1;
    }
  }

  /** Entries with parents resolved by hash, and any earlier entry usable as a period start. */
  private static final class Rows extends HeaderView {
    final long[] height;
    final int[] bits;
    final long[] time;
    final int[] parent;
    Map<Long, Integer> byHeight = Map.of();

    Rows(int n) {
      height = new long[n];
      bits = new int[n];
      time = new long[n];
      parent = new int[n];
    }

    @Override
    long height(int i) {
      return height[i];
    }

    @Override
    int bits(int i) {
      return bits[i];
    }

    @Override
    long time(int i) {
      return time[i];
    }

    @Override
    int parent(int i) {
      return parent[i];
    }

    @Override
    int ancestorAt(int i, long h) {
      int j = i;
      while (j >= 0 && height[j] > h) {
        j = parent[j];
      }
      if (j >= 0 && height[j] == h) {
        return j;
      }
      Integer any = byHeight.get(h);
      return any == null ? -1 : any;
    }
  }

  /** Configures a {@link HeaderChainVerifier}. */
  public static final class Builder {
    private Network network = Network.defaultNetwork();
    private Sha256Engine engine = Sha256Engine.fastest();
    private Clock clock = Clock.systemUTC();
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * Sets the network.
     *
     * @param network whose rules apply
     * @return this builder
     */
    public Builder network(Network network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /**
     * Overrides the SHA-256 engine.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(Sha256Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Sets the clock the future-time rule compares against.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many threads verify long chains.
     *
     * @param threads at least 1
     * @return this builder
     * @throws ValidationException if {@code threads} is below 1
     */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new ValidationException("parallelism", threads, "must be >= 1");
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     */
    public HeaderChainVerifier build() {
      return new HeaderChainVerifier(this);
    }
  }
}
