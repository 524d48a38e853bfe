package org.computerwa.examples.mining;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.mining.sha256.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa sha256}: SHA-256 (or SHA-256d) of each hex line of a file, with the SDK's own
 * implementation.
 *
 * <pre>{@code
 * computerwa sha256 --hex-lines messages.txt
 * computerwa sha256 --double --hex-lines headers.txt
 * }</pre>
 *
 * <p>Prints one lowercase hex digest per input line, in order, in raw digest byte order. An empty
 * line is the empty message. Exit 2, printing nothing on stdout, if a line is not hex or the file
 * cannot be read.
 */
@Command(
    name = "sha256",
    mixinStandardHelpOptions = true,
    description = "Print SHA-256 (or SHA-256d) of each hex line of a file, one digest per line.")
public final class Sha256Command implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();

  @Spec CommandSpec spec;

  @Option(names = "--double", description = "Hash twice (SHA-256d, Bitcoin's double hash).")
  boolean twice;

  @Option(names = "--hex-lines", required = true, paramLabel = "FILE",
      description = "File with one hex message per line; an empty line is the empty message.")
  Path file;

  /** Creates the command; picocli fills the options. */
  public Sha256Command() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("sha256: cannot read " + file + ": " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    List<byte[]> messages = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      try {
        messages.add(HEX.parseHex(line));
      } catch (IllegalArgumentException e) {
        err.println("sha256: line " + (i + 1) + " of " + file + " must be hex digits (0-9, a-f), an even number of them, was '"
            + abbreviate(line) + "'");
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    for (byte[] message : messages) {
      out.println(HEX.formatHex(twice ? Sha256.doubleHash(message) : Sha256.hash(message)));
    }
    out.flush();
    return 0;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
