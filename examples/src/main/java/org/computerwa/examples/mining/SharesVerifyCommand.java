package org.computerwa.examples.mining;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.mining.share.ShareVerificationException;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumSession;
import org.computerwa.mining.share.VerifiedShare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa shares verify}: rebuilds and checks each share of a file against the session's
 * pool difficulty and version-rolling mask, one JSON object per share.
 *
 * <pre>{@code
 * computerwa shares verify --pool-difficulty 8192 --version-mask 1fffe000 shares.json
 * }</pre>
 *
 * <p>Each line is {@code {"index":N,"valid":bool,"hash":"<display hex>","shareDifficulty":D,
 * "meetsNetworkTarget":bool,"reason":null|"…"}}; {@code hash} and {@code shareDifficulty} are null
 * for a share refused before hashing (version bits outside the mask). Exit 0 if every share is
 * valid, 1 if any is invalid, 2 if the file cannot be used (unreadable, oversize, not in the
 * format: nothing is printed on stdout then).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify Stratum v1 shares (a JSON array in the shares.json format); one JSON object per share.")
public final class SharesVerifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin SessionOptions options = new SessionOptions();

  @Parameters(index = "0", paramLabel = "FILE", description = "The shares file.")
  Path file;

  /** Creates the command; picocli fills the options. */
  public SharesVerifyCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StratumSession session;
    List<SharesFile.Share> shares;
    try {
      session = options.session();
      shares = SharesFile.read(file);
    } catch (UncheckedIOException e) {
      err.println("shares verify: cannot read " + file + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (ComputeRwaException e) {
      err.println("shares verify: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    ShareVerifier verifier = ShareVerifier.create();
    boolean allValid = true;
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < shares.size(); i++) {
      SharesFile.Share s = shares.get(i);
      Map<String, Object> row;
      try {
        row = row(i, verifier.verify(session, s.job, s.submission), null);
      } catch (ShareVerificationException e) {
        allValid = false;
        row = row(i, e.share().orElse(null), e.reason());
      } catch (ValidationException e) {
        err.println("shares verify: [" + i + "]: " + e.getMessage());
        return ComputerwaCli.EXIT_USAGE;
      }
      lines.append(json(row)).append(System.lineSeparator());
    }
    out.print(lines);
    out.flush();
    return allValid ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  static Map<String, Object> row(int index, @org.jspecify.annotations.Nullable VerifiedShare share,
      @org.jspecify.annotations.Nullable String reason) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("index", index);
    row.put("valid", reason == null);
    row.put("hash", share == null ? null : share.hash().toString());
    row.put("shareDifficulty", share == null ? null : share.difficulty());
    row.put("meetsNetworkTarget", share != null && share.meetsNetworkTarget());
    row.put("reason", reason);
    return row;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
