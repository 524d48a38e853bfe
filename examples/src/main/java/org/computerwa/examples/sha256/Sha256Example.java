package org.computerwa.examples.sha256;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.mining.sha256.Sha256;
import org.computerwa.mining.sha256.Sha256Hasher;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Example: SHA-256 and Bitcoin's SHA-256d with the SDK's own pure-Java engine, in one call and
 * streaming.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-sha256 "hello"
 * }</pre>
 *
 * <p>Needs only {@code org.computerwa:sdk-mining}; picocli only makes it a subcommand.
 */
@Command(
    name = "example-sha256",
    mixinStandardHelpOptions = true,
    description = "Example program: SHA-256 and SHA-256d of a text, in one call and streaming.")
public final class Sha256Example implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  @Parameters(index = "0", defaultValue = "abc", paramLabel = "TEXT",
      description = "The text to hash, as UTF-8 (default: ${DEFAULT-VALUE}).")
  private String text = "abc";

  /** Creates the example (picocli runs it). */
  public Sha256Example() {}

  /**
   * Runs the example on its own.
   *
   * @param args the text to hash
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Sha256Example()).execute(args));
  }

  @Override
  public Integer call() {
    run(text, Objects.requireNonNull(spec).commandLine().getOut());
    return 0;
  }

  /**
   * Hashes the text three ways and prints the digests as hex.
   *
   * @param text the text, hashed as UTF-8
   * @param out where the digests go
   */
  public static void run(String text, PrintWriter out) {
    // tag::one-call[]
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    byte[] digest = Sha256.hash(message);              // FIPS 180-4 SHA-256, 32 bytes
    byte[] doubleDigest = Sha256.doubleHash(message);  // SHA-256(SHA-256(m)), raw byte order
    out.println("sha256  " + HexFormat.of().formatHex(digest));
    out.println("sha256d " + HexFormat.of().formatHex(doubleDigest));
    // end::one-call[]

    // tag::streaming[]
    Sha256Hasher hasher = Sha256.newHasher();          // one per thread; reusable after digest()
    int half = message.length / 2;
    hasher.update(message, 0, half);
    hasher.update(message, half, message.length - half);
    out.println("streamed " + HexFormat.of().formatHex(hasher.digest()));
    // end::streaming[]
    out.flush();
  }
}
