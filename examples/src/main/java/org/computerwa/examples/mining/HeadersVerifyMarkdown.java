package org.computerwa.examples.mining;

import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.MarkdownTable;

/**
 * The {@code headers verify} result as Markdown: a one-line summary, then one table row per
 * header row with each check's label. It renders the same row maps the command prints as JSON,
 * so the two cannot disagree.
 */
final class HeadersVerifyMarkdown {
  private HeadersVerifyMarkdown() {}

  static String render(String network, String fileName, List<Map<String, Object>> rows) {
    long valid = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("valid"))).count();
    StringBuilder md = new StringBuilder();
    md.append("Headers of `").append(MarkdownTable.cell(fileName)).append("` checked against ").append(network)
        .append("'s rules: ").append(rows.size()).append(rows.size() == 1 ? " row, " : " rows, ").append(valid)
        .append(" valid, ").append(rows.size() - valid).append(" invalid.\n\n");
    MarkdownTable table = MarkdownTable.withColumns("row", "height", "block hash", "valid", "pow", "link",
        "difficulty", "mtp", "version", "reason").alignRight(0, 1);
    for (Map<String, Object> r : rows) {
      Map<?, ?> checks = (Map<?, ?>) r.get("checks");
      Object hash = r.get("hash");
      table.row(r.get("row"), r.get("height"), hash == null ? null : "`" + hash + "`",
          Boolean.TRUE.equals(r.get("valid")) ? "yes" : "**no**", checks.get("pow"), checks.get("link"),
          checks.get("difficulty"), checks.get("mtp"), checks.get("version"), r.get("reason"));
    }
    md.append(table);
    md.append("\nChecks: `ok` passed, `fail` failed, `unchecked` lacked proven context (an ancestor the file does not"
        + " link), `n/a` does not apply to the row.\n");
    return md.toString();
  }
}
