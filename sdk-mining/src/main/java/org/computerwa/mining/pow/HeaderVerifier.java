package org.computerwa.mining.pow;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.computerwa.mining.sha256.Sha256Engine;
import org.jspecify.annotations.Nullable;

/**
 * Checks a block header's proof of work: its nBits is a valid target within the network limit
 * and its SHA-256d is at or below that target (Core's {@code CheckProofOfWork}).
 *
 * <pre>{@code
 * HeaderVerifier verifier = HeaderVerifier.builder().network(Network.MAINNET).build();
 * BlockHash hash = verifier.verify(header);            // throws HeaderVerificationException
 * boolean ok = verifier.isValid(headers, 80 * i);      // allocation-free hot path
 * verifier.engine().name();                            // "jdk" or "portable"
 * }</pre>
 *
 * <p>Thread-safe: each thread gets its own hasher and scratch space. The default engine is
 * {@link Sha256Engine#fastest()}; there is no default network.
 *
 * @since 0.1.0
 */
public final class HeaderVerifier {
  private final Network network;
  private final Sha256Engine engine;
  private final ThreadLocal<PowCheck> checks;
  /** The first thread to use this verifier skips the thread-local lookup. */
  private final AtomicReference<@Nullable Thread> owner = new AtomicReference<>();
  private final PowCheck ownerCheck;

  private HeaderVerifier(Builder b, Network network) {
    this.network = network;
    this.engine = b.engine;
    this.checks = ThreadLocal.withInitial(() -> new PowCheck(network, engine));
    this.ownerCheck = new PowCheck(network, engine);
  }

  private PowCheck check() {
    Thread current = Thread.currentThread();
    Thread o = owner.get();
    if (o == current || o == null && owner.compareAndSet(null, current)) {
      return ownerCheck;
    }
    return checks.get();
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the fastest engine and no network (it must be set)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The network whose limit applies.
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
   * Verifies a header's proof of work.
   *
   * @param header the header
   * @return its hash
   * @throws HeaderVerificationException if the proof of work is invalid, with the reason
   */
  public BlockHash verify(BlockHeader header) {
    PowCheck check = check();
    RejectReason reason = check.check(header.bytesUnsafe(), 0);
    BlockHash hash = BlockHash.fromRaw(check.hash, 0);
    if (reason != null) {
      throw new HeaderVerificationException(reason, describe(reason, header.bits(), hash));
    }
    return hash;
  }

  /**
   * Verifies a serialized header.
   *
   * @param header the serialized header
   * @return its hash
   * @throws HeaderVerificationException if it is not 80 bytes ({@link RejectReason#BAD_LENGTH}) or
   *     its proof of work is invalid
   */
  public BlockHash verify(byte[] header) {
    return verify(BlockHeader.parse(header));
  }

  /**
   * Checks the header at {@code offset} without allocating.
   *
   * @param headers bytes holding one or more headers
   * @param offset where the header starts
   * @return empty if valid, else the reason
   * @throws IndexOutOfBoundsException if fewer than 80 bytes remain
   */
  public Optional<RejectReason> check(byte[] headers, int offset) {
    return Optional.ofNullable(check().check(headers, offset));
  }

  /**
   * Whether the header at {@code offset} has valid proof of work; allocation-free.
   *
   * @param headers bytes holding one or more headers
   * @param offset where the header starts
   * @return {@code true} if valid
   * @throws IndexOutOfBoundsException if fewer than 80 bytes remain
   */
  public boolean isValid(byte[] headers, int offset) {
    return check().check(headers, offset) == null;
  }

  static String describe(RejectReason reason, int bits, BlockHash hash) {
    CompactTarget t = CompactTarget.of(bits);
    switch (reason) {
      case HIGH_HASH:
        return "hash " + hash + " is above target " + t.valueHex() + " (nBits " + t + ")";
      case BITS_ABOVE_POW_LIMIT:
        return "nBits " + t + " is easier than the network limit";
      default:
        return "nBits " + t + " is not a usable target (" + reason + ")";
    }
  }

  /** Configures a {@link HeaderVerifier}. */
  public static final class Builder {
    private @Nullable Network network;
    private Sha256Engine engine = Sha256Engine.fastest();

    private Builder() {}

    /**
     * Sets the network.
     *
     * @param network the network whose limit applies
     * @return this builder
     */
    public Builder network(Network network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /**
     * Overrides the SHA-256 engine.
     *
     * @param engine the engine, for example {@link Sha256Engine#portable()}
     * @return this builder
     */
    public Builder engine(Sha256Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws org.computerwa.core.ValidationException if no network was set: there is no default
     */
    public HeaderVerifier build() {
      if (network == null) {
        throw new org.computerwa.core.ValidationException("network", null,
            "must be set: choose Network.MAINNET, TESTNET3, TESTNET4, SIGNET or REGTEST (there is no default)");
      }
      return new HeaderVerifier(this, network);
    }
  }
}
