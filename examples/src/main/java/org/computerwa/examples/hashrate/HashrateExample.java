package org.computerwa.examples.hashrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.mining.share.DeliveredHashrate;
import org.computerwa.mining.share.HashrateEstimate;
import org.computerwa.mining.share.HashrateEstimator;
import org.computerwa.mining.share.ShareSubmission;
import org.computerwa.mining.share.ShareVerificationException;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumJob;
import org.computerwa.mining.share.StratumSession;
import org.computerwa.mining.share.VerifiedShare;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Example: rebuild and verify a real Stratum v1 share from the pool's own messages, see a forged
 * one refused, then state the hashrate the accepted shares prove as a signed usage statement.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-hashrate \
 *     --key 0x... --chain-id 31337 --anchor 0x... --asset-id 1
 * }</pre>
 *
 * <p>The session is the subscribe / notify / submit example of slush pool's Stratum
 * documentation (a 2012 testnet3 job; see {@code hashrate/PROVENANCE.md}). Needs
 * {@code org.computerwa:sdk-mining}; Jackson reads the pool's JSON, picocli only makes it a
 * subcommand.
 */
@Command(
    name = "example-hashrate",
    mixinStandardHelpOptions = true,
    description = "Example program: verifies a real Stratum share and states the hashrate it proves.")
public final class HashrateExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "HEX", description = "The miner's device key (0x + 64 hex).")
  private String key = "";

  @Option(names = "--chain-id", required = true, paramLabel = "N", description = "Chain id of the signing domain.")
  private long chainId;

  @Option(names = "--anchor", required = true, paramLabel = "ADDR", description = "The evidence anchor contract of the signing domain.")
  private String anchor = "";

  @Option(names = "--asset-id", required = true, paramLabel = "N", description = "The ASIC fleet's token id.")
  private BigInteger assetId = BigInteger.ZERO;

  /** Creates the example (picocli runs it). */
  public HashrateExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args {@code --key HEX --chain-id N --anchor ADDR --asset-id N}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new HashrateExample()).execute(args));
  }

  @Override
  public Integer call() {
    CommandLine cli = Objects.requireNonNull(spec).commandLine();
    try {
      Eip712Domain domain = UsageStatement.domain(chainId, Address.fromHex(anchor));
      run(poolSession(), assetId, SigningKey.fromHex(key), domain, cli.getOut());
      return 0;
    } catch (ComputeRwaException e) {
      cli.getErr().println("example-hashrate: " + e.getMessage());
      cli.getErr().flush();
      return 2;
    }
  }

  /**
   * The pool's messages of the session: {@code mining.subscribe}'s result, {@code mining.notify}'s
   * job and the miner's {@code mining.submit}, as JSON.
   *
   * @return the session's messages
   */
  public static JsonNode poolSession() {
    try (InputStream in = HashrateExample.class.getResourceAsStream("shares.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource shares.json beside " + HashrateExample.class.getName());
      }
      return new ObjectMapper().readTree(in).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Verifies the session's share, refuses a forged copy, and signs the hashrate it proves.
   *
   * @param pool the pool's messages (see {@link #poolSession()})
   * @param assetId the ASIC fleet's token id
   * @param deviceKey the miner's device key
   * @param usageDomain the deployment's usage domain
   * @param out where the results go
   * @return the signed {@code HASHRATE} statement
   */
  public static SignedUsageStatement run(
      JsonNode pool, BigInteger assetId, SigningKey deviceKey, Eip712Domain usageDomain, PrintWriter out) {
    // tag::verify-share[]
    JsonNode subscribe = pool.get("subscribe");
    JsonNode notify = pool.get("notify");
    JsonNode submit = pool.get("submit");
    List<String> branch = new ArrayList<>();
    notify.get("merkle_branch").forEach(h -> branch.add(h.asText()));
    StratumJob job = StratumJob.builder()            // mining.notify, field by field
        .prevHash(notify.get("prevhash").asText())
        .coinbase1(notify.get("coinb1").asText())
        .coinbase2(notify.get("coinb2").asText())
        .merkleBranch(branch)
        .version(notify.get("version").asText())
        .bits(notify.get("nbits").asText())
        .time(notify.get("ntime").asText())
        .extranonce1(subscribe.get("extranonce1").asText())      // from mining.subscribe
        .extranonce2Size(subscribe.get("extranonce2_size").asInt())
        .build();
    StratumSession session = StratumSession.builder()
        .poolDifficulty(1)                           // mining.set_difficulty; no version rolling here
        .build();
    ShareSubmission submission = ShareSubmission.of(
        submit.get("extranonce2").asText(), submit.get("ntime").asText(), submit.get("nonce").asText());

    ShareVerifier verifier = ShareVerifier.create();
    VerifiedShare share = verifier.verify(session, job, submission);  // ShareVerificationException if not
    out.println("share " + share.hash() + " difficulty " + share.difficulty()
        + (share.meetsNetworkTarget() ? " (also meets the network target)" : ""));
    // end::verify-share[]

    // tag::forged[]
    String nonce = submit.get("nonce").asText();
    String otherNonce = (nonce.charAt(0) == '0' ? "1" : "0") + nonce.substring(1);
    try {
      verifier.verify(session, job, ShareSubmission.of(
          submit.get("extranonce2").asText(), submit.get("ntime").asText(), otherNonce));
      out.println("forged share: accepted");
    } catch (ShareVerificationException e) {
      out.println("forged share: " + e.reason());
    }
    // end::forged[]

    // tag::hashrate[]
    // The period the miner worked on this job: from the job's time to the share's time.
    Instant from = Instant.ofEpochSecond(job.time() & 0xffffffffL);
    Instant to = Instant.ofEpochSecond(Long.parseLong(submit.get("ntime").asText(), 16));
    DeliveredHashrate delivered = DeliveredHashrate.of(session, 1, from, to,
        HashrateEstimator.withConfidence(0.95));      // one accepted share at the pool difficulty
    HashrateEstimate e = delivered.estimate();
    out.printf(Locale.ROOT, "%s .. %s: %.4g H/s, 95 %% interval %.4g .. %.4g H/s%n",
        from, to, e.hashesPerSecond(), e.lower(), e.upper());

    // State the lower bound: the miner delivered at least this, at 95 % confidence.
    UsageStatement statement = delivered.statement(assetId, deviceKey.address(),
        DeliveredHashrate.Claim.LOWER_BOUND,
        UsageStatement.FULL_AVAILABILITY_BPS);      // the miner stayed connected the whole period
    SignedUsageStatement signed = statement.sign(deviceKey, usageDomain);
    out.println(statement.kind() + " " + statement.value() + " H/s signed by " + statement.device()
        + ", leaf " + statement.leafHash());
    // end::hashrate[]
    out.flush();
    return signed;
  }
}
