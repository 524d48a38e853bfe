package org.computerwa.examples.mining;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.computerwa.mining.share.ShareVerificationException;
import org.computerwa.mining.share.ShareVerifier;
import org.computerwa.mining.share.StratumSession;
import org.computerwa.mining.share.VerifiedShare;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa shares verify}: rebuilds and checks each share of a file against the session's
 * pool difficulty and version-rolling mask, one JSON object per share.
 *
 * <pre>{@code
 * computerwa shares verify --pool-difficulty 8192 --version-mask 1fffe000 shares.json
 * computerwa shares verify --markdown shares.md shares-with-set-difficulty.json
 * }</pre>
 *
 * <p>Each share is checked against its session's pool difficulty: {@code --pool-difficulty}, or,
 * without it, the {@code set_difficulty} its row states. There is no default: a share with
 * neither, or whose row contradicts the option, makes the file unusable (exit 2, naming the
 * option or the row), because a default below the session's difficulty would pass shares the
 * pool refused.
 *
 * <p>Each line is {@code {"index":N,"valid":bool,"hash":"<display hex>","shareDifficulty":D,
 * "meetsNetworkTarget":bool,"reason":null|"…"}}; {@code hash} and {@code shareDifficulty} are null
 * for a share refused before hashing (version bits outside the mask). Exit 0 if every share is
 * valid, 1 if any is invalid, 2 if the file cannot be used (unreadable, oversize, not in the
 * format: nothing is printed on stdout then). {@code --markdown FILE} also writes the same result
 * as a Markdown table with a summary, after every share was checked and before anything is
 * printed; the file appears whole or not at all, and a file that cannot be written is exit 2.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {"Verify Stratum v1 shares (a JSON array in the shares.json format); one JSON object per share.",
      "Exit 0 all valid, 1 any invalid, 2 unusable input (nothing printed)."})
public final class SharesVerifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin SessionOptions options = new SessionOptions();

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also writes the shares as a Markdown table with a summary to FILE (whole or not at all).")
  @Nullable Path markdown;

  @Parameters(index = "0", paramLabel = "FILE", description = "The shares file.")
  Path file;

  /** Creates the command; picocli fills the options. */
  public SharesVerifyCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SharesFile.Share> shares;
    List<StratumSession> sessions;
    try {
      options.check();
      if (markdown != null) {
        MarkdownFile.refuseInput(markdown, file);
      }
      shares = SharesFile.read(file);
      sessions = options.perShare(shares);
    } catch (UncheckedIOException e) {
      err.println("shares verify: cannot read " + file + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (ComputeRwaException e) {
      err.println("shares verify: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    ShareVerifier verifier = ShareVerifier.create();
    boolean allValid = true;
    List<Map<String, Object>> rows = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      SharesFile.Share s = shares.get(i);
      try {
        rows.add(row(i, verifier.verify(sessions.get(i), s.job, s.submission), null));
      } catch (ShareVerificationException e) {
        allValid = false;
        rows.add(row(i, e.share().orElse(null), e.reason()));
      } catch (ValidationException e) {
        err.println("shares verify: [" + i + "]: " + e.getMessage());
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    if (markdown != null) {
      try {
        MarkdownFile.write(markdown, SharesVerifyMarkdown.render(String.valueOf(file.getFileName()),
            options.poolDifficulty != null, options.versionMask, sessions, rows));
      } catch (IOException e) {
        err.println("shares verify: cannot write " + markdown + ": " + e.getMessage());
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> row : rows) {
      lines.append(json(row)).append(System.lineSeparator());
    }
    out.print(lines);
    out.flush();
    return allValid ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  static Map<String, Object> row(int index, @Nullable VerifiedShare share,
      @Nullable String reason) {
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
