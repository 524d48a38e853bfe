package org.computerwa.mining.pow;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.sha256.Sha256Engine;
import org.jspecify.annotations.Nullable;

/**
 * Verifies header chains against Bitcoin Core's header rules: proof of work, linkage, difficulty
 * retargeting ({@code GetNextWorkRequired} with the 4x clamp, minimum-difficulty blocks, BIP94),
 * median time past over 11 blocks, the two-hour future limit against an injected clock, the
 * buried deployments' minimum versions ({@code bad-version}), and cumulative chain work.
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
 * <p><b>Context.</b> The first header of a chain is its anchor: its proof of work and version are
 * checked, its linkage and difficulty cannot be. Context is only what hash linkage proves: rules
 * whose context lies before the first header or behind a failed link (the period start of a
 * retarget, ancestors for median time past) are counted as unchecked, never assumed; a retarget
 * without its period start is still held to Core's {@code PermittedDifficultyTransition}.
 *
 * <p><b>Order and work.</b> A header's reported reason is the first rule it breaks in Core's
 * order: proof of work ({@code high-hash} and the nBits checks), linkage, {@code bad-diffbits},
 * {@code time-too-old}, {@code time-timewarp-attack}, {@code time-too-new}, {@code bad-version}.
 * Chain work credits only the headers before the first failure: Core credits neither a failed
 * header nor anything built on it.
 *
 * <p><b>Parallelism.</b> Long chains are split into ranges hashed and checked on
 * {@link Builder#parallelism(int)} threads (one short-lived pool per call); every rule reads
 * only the immutable input, and a chain with a failed link is checked again on one thread, so the
 * result equals the sequential one.
 *
 * @since 0.1.0
 */
public final class HeaderChainVerifier {
  /** Chains shorter than this per thread are verified on fewer threads. */
  static final int MIN_RANGE = 4096;

  private final Network network;
  private final Sha256Engine engine;
  private final Clock clock;
  private final int parallelism;

  private HeaderChainVerifier(Builder b, Network network) {
    this.network = network;
    this.engine = b.engine;
    this.clock = b.clock;
    this.parallelism = b.parallelism;
  }

  /**
   * Starts a builder: no network (it must be set), fastest engine, system UTC clock, all processors.
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
    long now = clock.instant().getEpochSecond();
    return new ContiguousChain(network, engine, headers, firstHeight, now).verify(parallelism);
  }

  /**
   * Checks a list of headers that may have gaps, rule by rule. Each entry's proof of work is
   * checked on its own, and so is its version against its height. Where an entry's height is the
   * previous entry's height + 1, its linkage is checked (a stale sibling in between is tolerated:
   * the parent may be any earlier entry at height - 1 with the right hash), and the difficulty and
   * median-time-past rules are checked using its proven ancestors, the earlier entries reached by
   * following previous-block hashes; a rule whose context is not proven that way is {@link
   * CheckStatus#UNCHECKED}, even when some entry claims the needed height. Entries without a
   * height get proof of work only. The future-time rule is not applied here.
   *
   * @param entries the entries, in order
   * @return one check per entry, in order
   */
  public List<HeaderCheck> checkEach(List<HeaderEntry> entries) {
    return new EntryChecks(network, engine).check(entries);
  }

  /** Configures a {@link HeaderChainVerifier}. */
  public static final class Builder {
    private @Nullable Network network;
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
     * @throws ValidationException if no network was set: there is no default
     */
    public HeaderChainVerifier build() {
      if (network == null) {
        throw new ValidationException("network", null,
            "must be set: choose Network.MAINNET, TESTNET3, TESTNET4, SIGNET or REGTEST (there is no default)");
      }
      return new HeaderChainVerifier(this, network);
    }
  }
}
