package org.computerwa.examples.mining;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computerwa.core.ValidationException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.computerwa.mining.pow.HeaderChainVerifier;
import org.computerwa.mining.pow.HeaderCheck;
import org.computerwa.mining.pow.HeaderEntry;
import org.computerwa.mining.pow.Network;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa headers verify}: checks each header of a file and prints one JSON object per
 * row.
 *
 * <pre>{@code
 * computerwa headers verify --network mainnet chain.csv
 * }</pre>
 *
 * <p>Rows are {@code header_hex} or {@code height,header_hex}; a first row naming columns
 * (for example {@code height,header_hex}) is a header row and is skipped (columns named
 * {@code height} and {@code header_hex} are then taken from wherever they are); blank lines are
 * ignored. Rows are numbered from 1. Every header's proof of work is checked against its own
 * nBits and the network limit. Where a row's height is the previous row's height + 1, linkage,
 * the difficulty rules and median time past are also checked with the rows that the
 * previous-block hashes prove to be ancestors as context; missing or unproven context gives
 * {@code unchecked}. A row with a height also has its version checked (Core's {@code bad-version}).
 * The network defaults to mainnet, as in Bitcoin's own tools. Exit 0 if every row is valid, 1 if any is invalid,
 * 2 on unreadable input (nothing is printed on stdout then).
 *
 * <p>{@code --markdown FILE} also writes the same rows as a Markdown table with a one-line
 * summary, after every row was checked and before anything is printed; the file appears whole or
 * not at all, and a file that cannot be written is exit 2 with nothing on stdout.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {"Verify block headers (one per line: header_hex or height,header_hex); one JSON object per row.",
      "Exit 0 all valid, 1 any invalid, 2 unusable input (nothing printed)."})
public final class HeadersVerifyCommand implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--network", paramLabel = "NAME", defaultValue = "mainnet",
      description = "mainnet, testnet3, testnet4, signet or regtest (default: ${DEFAULT-VALUE}).")
  String network;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also writes the rows as a Markdown table with a summary to FILE (whole or not at all).")
  @Nullable Path markdown;

  @Parameters(index = "0", paramLabel = "FILE", description = "The headers file.")
  Path file;

  /** Creates the command; picocli fills the options. */
  public HeadersVerifyCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Network net;
    List<HeaderEntry> entries;
    try {
      net = Network.named(network);
      if (markdown != null) {
        MarkdownFile.refuseInput(markdown, file);
      }
      entries = read(file);
    } catch (ValidationException e) {
      err.println("headers verify: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (UncheckedIOException e) {
      err.println("headers verify: cannot read " + file + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    List<HeaderCheck> checks = HeaderChainVerifier.builder().network(net).build().checkEach(entries);
    List<Map<String, Object>> rows = new ArrayList<>(checks.size());
    boolean allValid = true;
    for (HeaderCheck c : checks) {
      allValid &= c.valid();
      rows.add(row(c));
    }
    if (markdown != null) {
      try {
        MarkdownFile.write(markdown, HeadersVerifyMarkdown.render(net.name(), String.valueOf(file.getFileName()), rows));
      } catch (IOException e) {
        err.println("headers verify: cannot write " + markdown + ": " + e.getMessage());
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    for (Map<String, Object> row : rows) {
      out.println(json(row));
    }
    out.flush();
    return allValid ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  private static String json(Map<String, Object> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row's result, in the order of the JSON object printed for it. */
  static Map<String, Object> row(HeaderCheck c) {
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("pow", c.pow().label());
    checks.put("link", c.link().label());
    checks.put("difficulty", c.difficulty().label());
    checks.put("mtp", c.mtp().label());
    checks.put("version", c.version().label());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("row", c.index() + 1);
    row.put("height", c.height().isPresent() ? c.height().getAsLong() : null);
    row.put("hash", c.hash().map(Object::toString).orElse(null));
    row.put("valid", c.valid());
    row.put("checks", checks);
    row.put("reason", c.reason().map(Enum::name).orElse(null));
    return row;
  }

  /** Reads the rows; a ValidationException names the line and what is wrong with it. */
  static List<HeaderEntry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int heightColumn = 0;
    int hexColumn = 1;
    boolean columnsNamed = false;
    List<HeaderEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (entries.isEmpty() && !columnsNamed && isHeaderRow(cells)) {
        List<String> names = Arrays.asList(cells);
        hexColumn = names.indexOf("header_hex");
        heightColumn = names.indexOf("height");
        if (hexColumn < 0) {
          throw new ValidationException("line 1", line, "must name a header_hex column");
        }
        columnsNamed = true;
        continue;
      }
      String field = "line " + (i + 1);
      String hex;
      String height;
      if (columnsNamed) {
        if (cells.length <= hexColumn || heightColumn >= 0 && cells.length <= heightColumn) {
          throw new ValidationException(field, line, "must have the columns of the header row");
        }
        hex = cells[hexColumn].strip();
        height = heightColumn >= 0 ? cells[heightColumn].strip() : "";
      } else if (cells.length == 1) {
        hex = cells[0].strip();
        height = "";
      } else if (cells.length == 2) {
        height = cells[0].strip();
        hex = cells[1].strip();
      } else {
        throw new ValidationException(field, line, "must be header_hex or height,header_hex");
      }
      byte[] bytes;
      try {
        bytes = HEX.parseHex(hex);
      } catch (IllegalArgumentException e) {
        throw new ValidationException(field + ".header_hex", hex, "must be hex digits (0-9, a-f), an even number of them", e);
      }
      if (height.isEmpty()) {
        entries.add(HeaderEntry.withoutHeight(bytes));
      } else {
        long h;
        try {
          h = Long.parseLong(height);
        } catch (NumberFormatException e) {
          throw new ValidationException(field + ".height", height, "must be a non-negative integer", e);
        }
        if (h < 0) {
          throw new ValidationException(field + ".height", height, "must be a non-negative integer");
        }
        entries.add(HeaderEntry.of(h, bytes));
      }
    }
    return entries;
  }

  private static boolean isHeaderRow(String[] cells) {
    for (String c : cells) {
      if (c.strip().toLowerCase(Locale.ROOT).equals("header_hex")) {
        return true;
      }
    }
    return false;
  }
}
