package org.computerwa.mining.sha256;

import java.lang.management.ManagementFactory;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.sha256.internal.Sha256Core;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A way to compute SHA-256d over block headers: the SDK's own pure-Java code ({@link #portable()})
 * or the JDK's {@code MessageDigest} ({@link #jdk()}), which HotSpot compiles to SHA or AVX2
 * instructions on most x86-64 and AArch64 CPUs.
 *
 * <pre>{@code
 * Sha256Engine engine = Sha256Engine.fastest();   // chosen once per JVM
 * engine.name();                                  // "jdk" or "portable"
 * HeaderVerifier verifier = HeaderVerifier.builder().engine(Sha256Engine.portable()).build();
 * }</pre>
 *
 * <p><b>How {@link #fastest()} chooses.</b> Both engines first hash a known header and must
 * reproduce its published hash; an engine that fails this self-check is never chosen. Then, on a
 * HotSpot JVM, the JDK engine is chosen exactly when the VM option {@code UseSHA256Intrinsics} is
 * on (the JIT then replaces the JDK's SHA-256 block function by machine instructions, which no
 * pure-Java code can match); when it is off, the portable engine is chosen. On a JVM that does
 * not expose HotSpot options, the JDK engine is chosen, since such JVMs (OpenJ9 for example) back
 * {@code MessageDigest} with native code. The rule is deterministic: no timing is involved. The
 * choice is logged at DEBUG and can always be overridden through the verifiers' builders.
 *
 * <p>Engines are immutable and thread-safe; the {@link HeaderHasher}s they create are not.
 *
 * @since 0.1.0
 */
public abstract class Sha256Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Sha256Engine.class);

  /** Block 1 of the Bitcoin main chain, and its SHA-256d in raw byte order. */
  private static final String SELF_CHECK_HEADER =
      "010000006fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000982051fd1e4ba744"
          + "bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e61bc6649ffff001d01e36299";

  private static final String SELF_CHECK_HASH =
      "4860eb18bf1b1620e37e9490fc8a427514416fd75159ab86688e9a8300000000";

  private Sha256Engine() {}

  /**
   * The SDK's own pure-Java SHA-256: one compact body of 64 rounds (eight per loop iteration) for
   * every block, no allocation per hash, the padding of 80-byte headers and of the 32-byte second
   * pass written as constant schedule words rather than hashed through a buffer.
   *
   * @return the portable engine
   */
  public static Sha256Engine portable() {
    return Portable.INSTANCE;
  }

  /**
   * The JDK's {@code MessageDigest} SHA-256, one reused instance per hasher.
   *
   * @return the JDK engine
   */
  public static Sha256Engine jdk() {
    return Jdk.INSTANCE;
  }

  /**
   * The fastest correct engine on this JVM, chosen once by the rule in the class description.
   *
   * @return the chosen engine
   */
  public static Sha256Engine fastest() {
    return Fastest.CHOSEN;
  }

  /**
   * Looks an engine up by its {@link #name()}.
   *
   * @param name {@code "portable"}, {@code "jdk"} or {@code "fastest"}
   * @return the engine
   * @throws ValidationException if the name is unknown
   */
  public static Sha256Engine named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "portable":
        return portable();
      case "jdk":
        return jdk();
      case "fastest":
        return fastest();
      default:
        throw new ValidationException("engine", name, "must be one of portable, jdk, fastest");
    }
  }

  /**
   * The engine's stable name.
   *
   * @return {@code "portable"} or {@code "jdk"}
   */
  public abstract String name();

  /**
   * Creates a header hasher for one thread.
   *
   * @return a new hasher using this engine
   */
  public abstract HeaderHasher newHeaderHasher();

  /**
   * Creates a hasher for 80-byte messages sharing a 64-byte prefix (the headers of one job).
   *
   * @return a new hasher; not thread-safe
   */
  public abstract MidstateHasher newMidstateHasher();

  /**
   * Whether this engine reproduces the published SHA-256d of Bitcoin block 1.
   *
   * @return {@code true} if the self-check passes
   */
  public final boolean selfCheck() {
    try {
      byte[] header = hex(SELF_CHECK_HEADER);
      byte[] out = new byte[32];
      newHeaderHasher().doubleHash80(header, 0, out, 0);
      return Arrays.equals(out, hex(SELF_CHECK_HASH));
    } catch (RuntimeException e) {
      LOG.debug("SHA-256 engine {} failed its self-check", name(), e);
      return false;
    }
  }

  @Override
  public final String toString() {
    return name();
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  /** Whether HotSpot reports SHA-256 intrinsics, or empty when the JVM does not say. */
  static Optional<Boolean> sha256Intrinsics() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean bean =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      if (bean == null) {
        return Optional.empty();
      }
      return Optional.of(Boolean.parseBoolean(bean.getVMOption("UseSHA256Intrinsics").getValue()));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("JVM does not expose UseSHA256Intrinsics", e);
      return Optional.empty();
    }
  }

  static Sha256Engine choose(boolean jdkCorrect, boolean portableCorrect, Optional<Boolean> intrinsics) {
    if (!jdkCorrect) {
      return portable();
    }
    if (!portableCorrect) {
      return jdk();
    }
    return intrinsics.orElse(Boolean.TRUE) ? jdk() : portable();
  }

  private static final class Fastest {
    static final Sha256Engine CHOSEN = pick();

    private static Sha256Engine pick() {
      Optional<Boolean> intrinsics = sha256Intrinsics();
      Sha256Engine chosen = choose(Jdk.INSTANCE.selfCheck(), Portable.INSTANCE.selfCheck(), intrinsics);
      LOG.debug("SHA-256 engine: {} (UseSHA256Intrinsics={})", chosen.name(), intrinsics.map(String::valueOf).orElse("unknown"));
      return chosen;
    }
  }

  private static final class Portable extends Sha256Engine {
    static final Portable INSTANCE = new Portable();

    @Override
    public String name() {
      return "portable";
    }

    @Override
    public HeaderHasher newHeaderHasher() {
      return new HeaderHasher() {
        private final int[] state = new int[8];
        private final int[] scratch = new int[Sha256Core.SCRATCH_WORDS];

        @Override
        public void doubleHash80(byte[] input, int offset, byte[] out, int outOffset) {
          Objects.checkFromIndexSize(offset, 80, input.length);
          Objects.checkFromIndexSize(outOffset, 32, out.length);
          Sha256Core.doubleHash80(input, offset, state, scratch);
          Sha256Core.store(state, out, outOffset);
        }

        @Override
        public Sha256Engine engine() {
          return INSTANCE;
        }
      };
    }

    @Override
    public MidstateHasher newMidstateHasher() {
      return new MidstateHasher() {
        private final int[] midstate = new int[8];
        private final int[] state = new int[8];
        private final int[] scratch = new int[Sha256Core.SCRATCH_WORDS];
        private boolean ready;

        @Override
        public void prefix(byte[] input, int offset) {
          Objects.checkFromIndexSize(offset, 64, input.length);
          Sha256Core.initialize(midstate);
          Sha256Core.compress(midstate, input, offset, scratch);
          ready = true;
        }

        @Override
        public void doubleHash80(byte[] tail, int offset, byte[] out, int outOffset) {
          if (!ready) {
            throw new IllegalStateException("set the 64-byte prefix first");
          }
          Objects.checkFromIndexSize(offset, 16, tail.length);
          Objects.checkFromIndexSize(outOffset, 32, out.length);
          Sha256Core.doubleHash80FromMidstate(midstate, tail, offset, state, scratch);
          Sha256Core.store(state, out, outOffset);
        }

        @Override
        public Sha256Engine engine() {
          return INSTANCE;
        }
      };
    }
  }

  private static final class Jdk extends Sha256Engine {
    static final Jdk INSTANCE = new Jdk();

    @Override
    public String name() {
      return "jdk";
    }

    @Override
    public HeaderHasher newHeaderHasher() {
      final MessageDigest digest;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform must provide SHA-256", e);
      }
      return new HeaderHasher() {
        @Override
        public void doubleHash80(byte[] input, int offset, byte[] out, int outOffset) {
          Objects.checkFromIndexSize(offset, 80, input.length);
          Objects.checkFromIndexSize(outOffset, 32, out.length);
          try {
            digest.update(input, offset, 80);
            digest.digest(out, outOffset, 32);
            digest.update(out, outOffset, 32);
            digest.digest(out, outOffset, 32);
          } catch (DigestException e) {
            digest.reset();
            throw new IllegalStateException("SHA-256 digest failed", e);
          }
        }

        @Override
        public Sha256Engine engine() {
          return INSTANCE;
        }
      };
    }

    /**
     * The JDK's digest state cannot be set, only copied: the prefix is hashed into one digest,
     * which each message clones (cheaper than compressing the prefix again where the JIT uses
     * SHA instructions).
     */
    @Override
    public MidstateHasher newMidstateHasher() {
      final MessageDigest second = newDigest();
      return new MidstateHasher() {
        private @Nullable MessageDigest primed;

        @Override
        public void prefix(byte[] input, int offset) {
          Objects.checkFromIndexSize(offset, 64, input.length);
          MessageDigest d = newDigest();
          d.update(input, offset, 64);
          primed = d;
        }

        @Override
        public void doubleHash80(byte[] tail, int offset, byte[] out, int outOffset) {
          MessageDigest p = primed;
          if (p == null) {
            throw new IllegalStateException("set the 64-byte prefix first");
          }
          Objects.checkFromIndexSize(offset, 16, tail.length);
          Objects.checkFromIndexSize(outOffset, 32, out.length);
          try {
            MessageDigest d = (MessageDigest) p.clone();
            d.update(tail, offset, 16);
            d.digest(out, outOffset, 32);
            second.update(out, outOffset, 32);
            second.digest(out, outOffset, 32);
          } catch (CloneNotSupportedException | DigestException e) {
            second.reset();
            throw new IllegalStateException("SHA-256 digest failed", e);
          }
        }

        @Override
        public Sha256Engine engine() {
          return INSTANCE;
        }
      };
    }

    private static MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform must provide SHA-256", e);
      }
    }
  }
}
