package org.computerwa.examples.quickstart;

import java.io.PrintWriter;
import java.util.Locale;

/** The report's readable summary: one line per step with its checks and time, then the verdict. */
final class ReportText {
  private ReportText() {}

  static void summary(Report report, PrintWriter out) {
    out.println();
    out.println("Summary");
    for (Report.Step s : report.steps()) {
      long passed = s.checks.stream().filter(c -> c.ok).count();
      out.printf(Locale.ROOT, "  %s %d. %-82s %2d/%-2d checks %5.1f s%n", s.ok() ? "ok  " : "FAIL", s.number, s.title,
          passed, s.checks.size(), s.millis / 1000.0);
      for (Report.Check c : s.checks) {
        if (!c.ok) {
          out.println("         " + c.name + ": " + c.actual + " (expected " + c.expected + ")");
        }
      }
      if (s.error != null) {
        out.println("         error: " + s.error);
      }
    }
    out.println();
    out.println(report.ok()
        ? "Done: all " + report.checkCount() + " checks passed."
        : "FAILED: " + report.failedCount() + " of " + report.checkCount() + " checks failed"
            + (report.errors() > 0 ? ", " + report.errors() + " step(s) could not finish" : "") + ".");
    out.flush();
  }
}
