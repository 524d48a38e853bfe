package org.computerwa.examples.mining;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.computerwa.mining.share.DeliveredHashrate;
import org.computerwa.mining.share.HashrateEstimate;
import org.computerwa.mining.share.HashrateEstimator;
import org.computerwa.mining.share.ShareVerificationException;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa shares hashrate}: the hashrate a file of one session's shares proves for a
 * period, with its confidence interval, and optionally the signed usage statement of kind
 * {@code HASHRATE} that states it.
 *
 * <pre>{@code
 * computerwa shares hashrate --pool-difficulty 8192 --from 2026-11-28T00:00:00Z \
 *     --to 2026-11-28T01:00:00Z shares.json
 * computerwa shares hashrate ... --key HEX --chain-id 31337 --contract 0x… --asset-id 1 \
 *     --claim lower --availability-bps 10000 shares.json
 * }</pre>
 *
 * <p>The shares of the file are taken as the shares the session submitted in the period. Every
 * share is verified; only valid ones count, each as the pool difficulty. Prints one JSON object:
 * {@code periodStart}, {@code periodEnd}, {@code poolDifficulty}, {@code acceptedShares},
 * {@code rejectedShares}, {@code confidence}, {@code hashesPerSecond}, {@code lower},
 * {@code upper}, and {@code statement} ({@code null} without {@code --key}; else the statement's
 * fields as strings, its EIP-712 {@code digest}, {@code signature} and {@code signer}). Exit 0 if
 * every share was valid, 1 if some were rejected (the estimate then rests on the others), 2 if
 * the input cannot be used (nothing is printed then).
 *
 * <p>The pool difficulty is {@code --pool-difficulty} or, without it, the {@code set_difficulty}
 * every share's row states; it has no default (one below the session's would accept shares the
 * pool refused and misstate the hashrate), and shares of different difficulties are refused, as a
 * statement is for one session at one difficulty. {@code --markdown FILE} also writes the same
 * result as Markdown (figures, then the signed statement), after everything was checked and
 * before anything is printed; the file appears whole or not at all, and a file that cannot be
 * written is exit 2.
 */
@Command(
    name = "hashrate",
    mixinStandardHelpOptions = true,
    description = {"State the hashrate a session's shares prove for a period (95%% interval by default), "
        + "optionally as a signed HASHRATE usage statement.",
      "Exit 0 every share valid, 1 some rejected (the estimate rests on the others), 2 unusable input (nothing printed)."})
public final class SharesHashrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SessionOptions options = new SessionOptions();

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Period start, ISO-8601 UTC.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TIME", description = "Period end, ISO-8601 UTC.")
  String to;

  @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
      description = "Two-sided confidence level of the interval (default ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--key", paramLabel = "HEX", description = "Device key that signs the statement (0x + 64 hex).")
  @Nullable String key;

  @Option(names = "--chain-id", paramLabel = "N", description = "Chain id of the signing domain (with --key).")
  @Nullable Long chainId;

  @Option(names = "--contract", paramLabel = "ADDR", description = "Evidence anchor contract of the domain (with --key).")
  @Nullable String contract;

  @Option(names = "--asset-id", paramLabel = "N", description = "The asset's token id (with --key).")
  @Nullable String assetId;

  @Option(names = "--claim", paramLabel = "lower|point",
      description = "Which figure the statement states: the interval's lower bound or the point estimate (with --key).")
  @Nullable String claim;

  @Option(names = "--availability-bps", paramLabel = "N",
      description = "Share of the period the miner was up, in basis points (with --key).")
  @Nullable Integer availabilityBps;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also writes the statement of delivered hashrate as Markdown to FILE (whole or not at all).")
  @Nullable Path markdown;

  @Parameters(index = "0", paramLabel = "FILE", description = "The shares file (shares verify's format).")
  Path file;

  /** Creates the command; picocli fills the options. */
  public SharesHashrateCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      options.check();
      if (markdown != null) {
        MarkdownFile.refuseInput(markdown, file);
      }
      Instant start = instant("--from", from);
      Instant end = instant("--to", to);
      HashrateEstimator estimator = HashrateEstimator.withConfidence(confidence);
      Signing signing = key == null ? null : signing();
      List<SharesFile.Share> shares = SharesFile.read(file);
      StratumSession session = options.single(shares);
      ShareVerifier verifier = ShareVerifier.create();
      long accepted = 0;
      long rejected = 0;
      for (SharesFile.Share s : shares) {
        try {
          verifier.verify(session, s.job, s.submission);
          accepted++;
        } catch (ShareVerificationException e) {
          rejected++;
        }
      }
      DeliveredHashrate delivered = DeliveredHashrate.of(session, accepted, start, end, estimator);
      HashrateEstimate e = delivered.estimate();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("periodStart", start.toString());
      result.put("periodEnd", end.toString());
      result.put("poolDifficulty", session.poolDifficulty());
      result.put("acceptedShares", accepted);
      result.put("rejectedShares", rejected);
      result.put("confidence", e.confidence());
      result.put("hashesPerSecond", e.hashesPerSecond());
      result.put("lower", e.lower());
      result.put("upper", e.upper());
      result.put("statement", signing == null ? null : signing.sign(delivered));
      if (markdown != null) {
        try {
          MarkdownFile.write(markdown, SharesHashrateMarkdown.render(String.valueOf(file.getFileName()), result));
        } catch (IOException ex) {
          err.println("shares hashrate: cannot write " + markdown + ": " + ex.getMessage());
          return ComputerwaCli.EXIT_USAGE;
        }
      }
      out.println(SharesVerifyCommand.json(result));
      out.flush();
      return rejected == 0 ? 0 : ComputerwaCli.EXIT_INVALID;
    } catch (UncheckedIOException e) {
      err.println("shares hashrate: cannot read " + file + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (ComputeRwaException e) {
      err.println("shares hashrate: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
  }

  private static Instant instant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationException(option, text, "must be an ISO-8601 UTC instant such as 2026-11-28T00:00:00Z", e);
    }
  }

  private Signing signing() {
    if (chainId == null || contract == null || assetId == null || claim == null || availabilityBps == null) {
      throw new ValidationException("--key", "given", "needs --chain-id, --contract, --asset-id, --claim and"
          + " --availability-bps as well");
    }
    DeliveredHashrate.Claim c;
    switch (claim.toLowerCase(Locale.ROOT)) {
      case "lower":
        c = DeliveredHashrate.Claim.LOWER_BOUND;
        break;
      case "point":
        c = DeliveredHashrate.Claim.POINT_ESTIMATE;
        break;
      default:
        throw new ValidationException("--claim", claim, "must be lower or point");
    }
    BigInteger asset;
    try {
      asset = new BigInteger(assetId);
    } catch (NumberFormatException e) {
      throw new ValidationException("--asset-id", assetId, "must be a decimal integer", e);
    }
    return new Signing(SigningKey.fromHex(key), UsageStatement.domain(chainId, Address.fromHex(contract)), asset, c,
        availabilityBps);
  }

  /** What signing a statement needs. */
  private static final class Signing {
    final SigningKey key;
    final Eip712Domain domain;
    final BigInteger assetId;
    final DeliveredHashrate.Claim claim;
    final int availabilityBps;

    Signing(SigningKey key, Eip712Domain domain, BigInteger assetId, DeliveredHashrate.Claim claim,
        int availabilityBps) {
      this.key = key;
      this.domain = domain;
      this.assetId = assetId;
      this.claim = claim;
      this.availabilityBps = availabilityBps;
    }

    Map<String, Object> sign(DeliveredHashrate delivered) {
      UsageStatement s = delivered.statement(assetId, key.address(), claim, availabilityBps);
      SignedUsageStatement signed = s.sign(key, domain);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("assetId", s.assetId().toString());
      fields.put("device", s.device().toHex());
      fields.put("periodStart", s.periodStart().toString());
      fields.put("periodEnd", s.periodEnd().toString());
      fields.put("kind", s.kind().name());
      fields.put("value", s.value().toString());
      fields.put("availabilityBps", s.availabilityBps());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("statement", fields);
      out.put("digest", s.digest(domain).toHex());
      out.put("signature", signed.signature().toHex());
      out.put("signer", key.address().toHex());
      return out;
    }
  }
}
