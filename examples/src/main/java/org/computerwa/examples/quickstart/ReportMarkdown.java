package org.computerwa.examples.quickstart;

import java.util.Locale;
import java.util.Map;

/**
 * The report as Markdown, for a page that shows what a run found: a table of the steps, then
 * each step's checks (the produced figure beside its independent computation) and figures.
 */
final class ReportMarkdown {
  private ReportMarkdown() {}

  static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("| step | | checks | seconds |\n| --- | --- | --- | --- |\n");
    for (Report.Step s : report.steps()) {
      long passed = s.checks.stream().filter(c -> c.ok).count();
      md.append(String.format(Locale.ROOT, "| %d. %s | %s | %d / %d | %.1f |%n", s.number, cell(s.title),
          s.ok() ? "ok" : "**FAILED**", passed, s.checks.size(), s.millis / 1000.0));
    }
    md.append('\n').append(report.ok()
        ? "All " + report.checkCount() + " checks passed.\n"
        : "**" + report.failedCount() + " of " + report.checkCount() + " checks failed.**\n");
    for (Report.Step s : report.steps()) {
      md.append("\n#### ").append(s.number).append(". ").append(s.title).append("\n\n");
      if (s.error != null) {
        md.append("Step failed: `").append(cell(s.error)).append("`\n\n");
      }
      md.append("| check | produced | independent computation | |\n| --- | --- | --- | --- |\n");
      for (Report.Check c : s.checks) {
        md.append("| ").append(cell(c.name)).append(" | `").append(cell(c.actual)).append("` | `")
            .append(cell(c.expected)).append("` | ").append(c.ok ? "ok" : "**mismatch**").append(" |\n");
      }
      if (!s.figures.isEmpty()) {
        md.append("\nFigures: ");
        String sep = "";
        for (Map.Entry<String, Object> f : s.figures.entrySet()) {
          md.append(sep).append('`').append(f.getKey()).append("` ").append(cell(String.valueOf(f.getValue())));
          sep = ", ";
        }
        md.append(".\n");
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
