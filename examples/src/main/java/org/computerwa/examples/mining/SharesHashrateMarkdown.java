package org.computerwa.examples.mining;

import java.util.Locale;
import java.util.Map;
import org.computerwa.examples.cli.MarkdownTable;

/**
 * The {@code shares hashrate} statement as Markdown: the figures (with hashrates also in H/s
 * units a reader can take in), then, when it was signed, the usage statement with its digest,
 * signature and signer. It renders the same map the command prints as JSON, so the two cannot
 * disagree.
 */
final class SharesHashrateMarkdown {
  private static final String[] UNITS = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};

  private SharesHashrateMarkdown() {}

  static String render(String fileName, Map<String, Object> result) {
    StringBuilder md = new StringBuilder();
    md.append("Hashrate the shares of `").append(MarkdownTable.cell(fileName)).append("` prove from ")
        .append(result.get("periodStart")).append(" to ").append(result.get("periodEnd")).append(": ")
        .append(rate(result.get("hashesPerSecond"))).append(", ")
        .append(percent(result.get("confidence"))).append(" interval ").append(rate(result.get("lower")))
        .append(" to ").append(rate(result.get("upper"))).append(".\n\n");
    MarkdownTable figures = MarkdownTable.withColumns("figure", "value", "readable").alignRight(1);
    for (Map.Entry<String, Object> e : result.entrySet()) {
      if (e.getKey().equals("statement")) {
        continue;
      }
      boolean isRate = e.getKey().equals("hashesPerSecond") || e.getKey().equals("lower")
          || e.getKey().equals("upper");
      figures.row(e.getKey(), SharesVerifyCommand.json(e.getValue()).replace("\"", ""),
          isRate ? rate(e.getValue()) : "");
    }
    md.append(figures);
    Object statement = result.get("statement");
    if (!(statement instanceof Map<?, ?> signed)) {
      return md.append("\nNo statement was signed (no `--key`).\n").toString();
    }
    md.append("\nSigned `HASHRATE` usage statement:\n\n");
    MarkdownTable fields = MarkdownTable.withColumns("field", "value");
    ((Map<?, ?>) signed.get("statement")).forEach((k, v) -> fields.row(k, "`" + v + "`"));
    for (String k : new String[] {"digest", "signature", "signer"}) {
      fields.row(k, "`" + signed.get(k) + "`");
    }
    return md.append(fields).toString();
  }

  /** A hashrate with an SI prefix, three significant digits. */
  static String rate(Object hashesPerSecond) {
    double h = ((Number) hashesPerSecond).doubleValue();
    int unit = 0;
    while (Math.abs(h) >= 1000 && unit < UNITS.length - 1) {
      h /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.3g %s", h, UNITS[unit]);
  }

  private static String percent(Object fraction) {
    return java.math.BigDecimal.valueOf(((Number) fraction).doubleValue()).movePointRight(2).stripTrailingZeros()
        .toPlainString() + " %";
  }
}
