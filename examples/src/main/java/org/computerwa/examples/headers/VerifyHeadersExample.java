package org.computerwa.examples.headers;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.pow.BlockHeader;
import org.computerwa.mining.pow.ChainVerification;
import org.computerwa.mining.pow.HeaderChainVerifier;
import org.computerwa.mining.pow.HeaderVerifier;
import org.computerwa.mining.pow.Network;
import org.computerwa.mining.pow.RejectReason;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: verify real Bitcoin mainnet headers with the SDK's proof-of-work verifier, one at a
 * time and as a chain, and see a tampered header refused with its reason.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-verify-headers
 * }</pre>
 *
 * <p>The headers are mainnet blocks 562,621 to 562,626 (public chain data, 80 bytes each as
 * hex). Needs only {@code org.computerwa:sdk-mining}; picocli only makes it a subcommand.
 */
@Command(
    name = "example-verify-headers",
    mixinStandardHelpOptions = true,
    description = "Example program: verifies six real mainnet headers, then refuses a tampered one.")
public final class VerifyHeadersExample implements Callable<Integer> {
  /** Mainnet blocks 562,621 to 562,626, serialized headers as hex. */
  static final List<String> MAINNET_562621_TO_562626 = List.of(
      "00000020db62962b5989325f30f357762ae456b2ec340432278e14000000000000000000d1dd4e30908c361dfeabfb1e560281c1a270bde3c8719dbda7c848005317594440bf615c886f2e17bd6b082d",
      "000000204615614beedb06491a82e78b38eb6650e29116cc9cce21000000000000000000b034884fc285ff1acc861af67be0d87f5a610daa459d75a58503a01febcc287a34c0615c886f2e17046e7325",
      "00000020b8b580a399f4b15078b28c0d0bba705a6894833b8a490f000000000000000000b16c32aa36d3b70749e7febbb9e733321530cc9a390ccb62dfb78e3955859d4c44c0615c886f2e1744ea7cc4",
      "00000020f549a985f656ab3416afa5734917d8bb7339829e536620000000000000000000af9c9fe22494c39cf382b5c8dcef91f079ad84cb9838387aaa17948fbf25753430c2615c886f2e170a654758",
      "00e0ff3f8bfff9ae28af2aa90adfdb92b218829727886488dcc914000000000000000000e78265c12495ef469b3e85aa570667fdcb5bf534304fcbe4621c706d0e7ca8149dc3615c886f2e171c3fa2b8",
      "00000020fee20039fe494f7408c090e03970ec9b132366066f380d0000000000000000006f510b84a156d42cb64f30b97a7fc6dd030c9b77e19bbcd850c9f3c69bc533dacec3615c886f2e170a1a921d");

  /** The height of the first header. */
  static final long FIRST_HEIGHT = 562_621;

  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public VerifyHeadersExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new VerifyHeadersExample()).execute(args));
  }

  @Override
  public Integer call() {
    return run(Objects.requireNonNull(spec).commandLine().getOut()) ? 0 : 1;
  }

  /**
   * Verifies the headers, prints what it found and returns whether everything came out as
   * expected (all six valid, the tampered one refused).
   *
   * @param out where the results go
   * @return true when the real headers verified and the tampered one was refused
   */
  public static boolean run(PrintWriter out) {
    List<BlockHeader> headers = new ArrayList<>();
    for (String hex : MAINNET_562621_TO_562626) {
      headers.add(BlockHeader.parseHex(hex));
    }

    // tag::verify-one[]
    HeaderVerifier verifier = HeaderVerifier.builder()
        .network(Network.MAINNET)          // the network's proof-of-work limit applies: say which
        .build();
    for (int i = 0; i < headers.size(); i++) {
      BlockHash hash = verifier.verify(headers.get(i));   // HeaderVerificationException if invalid
      out.println("block " + (FIRST_HEIGHT + i) + " " + hash);
    }
    // end::verify-one[]

    // tag::verify-chain[]
    HeaderChainVerifier chainVerifier = HeaderChainVerifier.builder()
        .network(Network.MAINNET)
        .clock(Clock.systemUTC())          // headers over two hours ahead of it are refused
        .parallelism(1)
        .build();
    ChainVerification chain = chainVerifier.verify(FIRST_HEIGHT, headers);
    out.println("chain valid: " + chain.valid()
        + ", tip " + chain.tipHash()
        + ", rules without context (before the first header): " + chain.uncheckedRules());
    // end::verify-chain[]

    // tag::tampered[]
    byte[] tampered = headers.get(5).toBytes();
    tampered[76] ^= 0x01;                  // flip one bit of the nonce
    Optional<RejectReason> refused = verifier.check(tampered, 0);
    out.println("tampered header: " + refused.map(RejectReason::name).orElse("accepted"));
    // end::tampered[]

    out.flush();
    return chain.valid() && refused.equals(Optional.of(RejectReason.HIGH_HASH));
  }
}
