package org.computerwa.examples.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.LoadPolicies;

/**
 * The summary of kept backtest reports: one row per data set and policy, read from the JSON that
 * {@code computerwa backtest --json} wrote, and the quarters each policy ended below always-mine
 * over all of them. Nothing in it is typed by hand.
 *
 * @param rows one per report, ordered by data set (file name) and then by policy
 */
record BacktestSummary(List<Row> rows) {

  /** One report's figures; shares are fractions (NaN when the report has none). */
  record Row(String file, String dataSet, String policy, double whole, int quarters, int quartersBelow,
      double worstQuarterUsd, String worstQuarter, double outOfSample, double hindsight) {}

  /**
   * Reads every {@code *.json} report of a directory ({@code *.conditions.json} excepted).
   *
   * @param dir the directory
   * @return the summary
   * @throws ValidationException naming the file and field of a malformed report
   */
  static BacktestSummary read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new ValidationException("summary.dir", dir, "must be a directory of backtest JSON reports");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".conditions.json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new ValidationException("summary.dir", dir, "holds no backtest JSON report");
    }
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      rows.add(row(f));
    }
    List<String> order = LoadPolicies.names();
    rows.sort(Comparator.comparing((Row r) -> r.dataSet()).thenComparing(r -> order.indexOf(r.policy()))
        .thenComparing(Row::policy));
    return new BacktestSummary(List.copyOf(rows));
  }

  private static Row row(Path f) throws IOException {
    String name = f.getFileName().toString().replaceFirst("\\.json$", "");
    JsonNode j;
    try {
      j = BacktestReport.JSON.readTree(Files.readString(f));
    } catch (IOException e) {
      throw new ValidationException(name + ".json", f, "must be a backtest JSON report: " + e.getMessage());
    }
    String dataSet = text(j, "dataSet", name);
    String policy = text(j, "policy", name);
    JsonNode seasons = j.path("seasons");
    if (!seasons.isArray() || seasons.isEmpty()) {
      throw new ValidationException(name + ".json.seasons", seasons, "must hold the quarters (run with --seasons)");
    }
    int below = 0;
    double worst = Double.POSITIVE_INFINITY;
    String worstLabel = "";
    for (JsonNode q : seasons) {
      double gain = number(q, "gainOverAlwaysMineUsd", name);
      if (gain < 0) {
        below++;
      }
      if (gain < worst) {
        worst = gain;
        worstLabel = text(q, "label", name);
      }
    }
    JsonNode wf = j.path("walkForward");
    double oos = wf.isObject() ? share(wf.path("outOfSample"), name) : Double.NaN;
    double hindsight = wf.isObject() ? share(wf.path("hindsight"), name) : Double.NaN;
    return new Row(name, dataSet, policy, share(j, name), seasons.size(), below, worst, worstLabel, oos, hindsight);
  }

  private static String text(JsonNode j, String field, String file) {
    JsonNode v = j.path(field);
    if (!v.isTextual()) {
      throw new ValidationException(file + ".json." + field, v, "must be a string");
    }
    return v.asText();
  }

  private static double number(JsonNode j, String field, String file) {
    JsonNode v = j.path(field);
    if (!v.isNumber()) {
      throw new ValidationException(file + ".json." + field, v, "must be a number");
    }
    return v.doubleValue();
  }

  private static double share(JsonNode j, String file) {
    JsonNode v = j.path("capturedFlexibilityValue");
    if (v.isNull()) {
      return Double.NaN;
    }
    return number(j, "capturedFlexibilityValue", file);
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /**
   * The rows whose data set label contains {@code text}, such as the data sets marked fresh.
   *
   * @param text a part of the label, case-sensitive
   * @return the narrower summary
   * @throws ValidationException if no data set label contains it
   */
  BacktestSummary dataSetsContaining(String text) {
    List<Row> kept = rows.stream().filter(r -> r.dataSet().contains(text)).toList();
    if (kept.isEmpty()) {
      throw new ValidationException("summary.dataSetContains", text, "must occur in the label of at least one data set");
    }
    return new BacktestSummary(kept);
  }

  /**
   * The policies that ended no quarter below always-mine in any report, in list order.
   *
   * @return names, possibly none
   */
  List<String> neverBelowAlwaysMine() {
    Map<String, Integer> below = byPolicy(r -> r.quartersBelow());
    return below.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
  }

  private Map<String, Integer> byPolicy(java.util.function.ToIntFunction<Row> f) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.merge(r.policy(), f.applyAsInt(r), Integer::sum);
    }
    return m;
  }

  /**
   * Renders the summary.
   *
   * @param command the command line that wrote it
   * @param reportDir how the pages link the JSON reports, such as {@code reports/backtest}
   * @return Markdown
   */
  String markdown(String command, String reportDir) {
    StringBuilder m = new StringBuilder();
    m.append("Generated by `").append(command).append("` from the ").append(rows.size())
        .append(" JSON reports kept in `").append(reportDir).append("`: defaults on the whole series, each UTC ")
        .append("quarter from a cold start, and the walk-forward evaluation of the policy's parameter grid.\n\n");
    m.append("| data set | policy | defaults, whole series | quarters below always-mine (worst, USD) "
        + "| walk-forward out of sample | same periods in hindsight | details |\n");
    m.append("| --- | --- | ---: | --- | ---: | ---: | --- |\n");
    for (Row r : rows) {
      m.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d (%s) | %s | %s | [page](backtest-report-%s.html), "
              + "[JSON](%s/%s.json) |%n", r.dataSet(), r.policy(), pct(r.whole()), r.quartersBelow(), r.quarters(),
          usd(r.worstQuarterUsd()), pct(r.outOfSample()), pct(r.hindsight()), r.file(), reportDir, r.file()));
    }
    m.append("\nWorst quarter of each policy over all data sets (defaults, each quarter from a cold start):\n\n");
    m.append("| policy | quarters below always-mine | worst quarter vs always-mine (USD) | where |\n");
    m.append("| --- | ---: | ---: | --- |\n");
    Map<String, Row> worst = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Row r : rows) {
      worst.merge(r.policy(), r, (a, b) -> b.worstQuarterUsd() < a.worstQuarterUsd() ? b : a);
      int[] c = counts.computeIfAbsent(r.policy(), k -> new int[2]);
      c[0] += r.quartersBelow();
      c[1] += r.quarters();
    }
    List<String> order = LoadPolicies.names();
    worst.keySet().stream().sorted(Comparator.comparing((String p) -> order.indexOf(p)).thenComparing(p -> p))
        .forEach(p -> {
          Row r = worst.get(p);
          int[] c = counts.get(p);
          m.append(String.format(Locale.ROOT, "| %s | %d of %d | %s | %s %s |%n", p, c[0], c[1],
              usd(Math.min(0, r.worstQuarterUsd())), r.dataSet(), r.worstQuarter()));
        });
    List<String> safe = neverBelowAlwaysMine();
    m.append("\nPolicies that ended no quarter below always-mine on any data set: ")
        .append(safe.isEmpty() ? "**none**" : "**" + String.join(", ", safe) + "**").append(".\n");
    return m.toString();
  }
}
