package org.computerwa.examples.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.computerwa.examples.cli.MarkdownFile;

/**
 * Writes a {@link GasReport} as Markdown tables for the site, from the report's own JSON so that
 * the page shows exactly what {@code gas-report --json} prints.
 *
 * <pre>{@code
 * GasReportMarkdown.write(report, path);
 * }</pre>
 */
public final class GasReportMarkdown {
  private GasReportMarkdown() {}

  /**
   * The report as Markdown: holder-dependent operations with one column per holder count, then
   * one-off operations, then the verdicts.
   *
   * @param report the measured report
   * @return Markdown, ending with a newline
   */
  public static String of(GasReport report) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(report.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> counts = new ArrayList<>();
    root.path("holderCounts").forEach(c -> counts.add(c.asText()));
    StringBuilder sb = new StringBuilder();
    sb.append("Measured on ").append(root.path("environment").asText()).append(".\n\n");
    StringBuilder head = new StringBuilder("| scenario | operation |");
    StringBuilder align = new StringBuilder("| --- | --- |");
    for (String c : counts) {
      head.append(' ').append(gas(Long.parseLong(c))).append(" holders |");
      align.append(" ---: |");
    }
    sb.append(head).append(" target | same at every count | within target |\n");
    sb.append(align).append(" ---: | --- | --- |\n");
    List<String> notes = new ArrayList<>();
    for (JsonNode op : root.path("operations")) {
      if (!op.has("gasByHolders")) {
        continue;
      }
      sb.append("| ").append(cell(op, "scenario")).append(" | ").append(cell(op, "operation")).append(" |");
      for (String c : counts) {
        JsonNode g = op.path("gasByHolders").path(c);
        sb.append(' ').append(g.isNumber() ? gas(g.asLong()) : "-").append(" |");
      }
      sb.append(' ').append(target(op)).append(" | ")
          .append(op.path("independentOfHolders").asBoolean() ? "yes" : "**no**").append(" | ")
          .append(verdict(op)).append(" |\n");
      if (op.has("note")) {
        notes.add("- " + cell(op, "operation") + ": " + op.path("note").asText());
      }
    }
    if (!notes.isEmpty()) {
      sb.append('\n').append(String.join("\n", notes)).append('\n');
    }
    sb.append("\nOne-off operations:\n\n| scenario | operation | gas | target | within target |\n")
        .append("| --- | --- | ---: | ---: | --- |\n");
    for (JsonNode op : root.path("operations")) {
      if (op.has("gas")) {
        sb.append("| ").append(cell(op, "scenario")).append(" | ").append(cell(op, "operation"))
            .append(" | ").append(gas(op.path("gas").asLong())).append(" | ").append(target(op))
            .append(" | ").append(verdict(op)).append(" |\n");
      }
    }
    sb.append("\nEvery operation with a target within it: **")
        .append(root.path("allWithinTarget").asBoolean() ? "yes" : "no")
        .append("**. Every holder-dependent operation the same at every holder count: **")
        .append(root.path("allIndependentOfHolders").asBoolean() ? "yes" : "no")
        .append("**.\n");
    return sb.toString();
  }

  /**
   * Writes the Markdown to a file, creating its folder.
   *
   * @param report the measured report
   * @param file where to write
   * @throws IOException when the file cannot be written
   */
  public static void write(GasReport report, Path file) throws IOException {
    MarkdownFile.write(file, of(report));
  }

  private static String target(JsonNode op) {
    return op.has("target") ? gas(op.path("target").asLong()) : "-";
  }

  private static String verdict(JsonNode op) {
    if (!op.has("withinTarget")) {
      return "-";
    }
    return op.path("withinTarget").asBoolean() ? "yes" : "**no**";
  }

  private static String cell(JsonNode op, String field) {
    return op.path(field).asText().replace("|", "\\|");
  }

  private static String gas(long g) {
    return String.format(Locale.ROOT, "%,d", g);
  }
}
