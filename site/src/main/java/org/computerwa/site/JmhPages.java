package org.computerwa.site;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Renders kept JMH runs as Markdown: the conditions, a chart, the table of scores, and ratio
 * checks against targets.
 */
public final class JmhPages {
  private JmhPages() {}

  /**
   * The conditions, chart and table of one run.
   *
   * @param run the run
   * @param chartHref the chart's address relative to the page
   * @param jsonHref the JSON file's address relative to the page
   * @return Markdown, ending with a newline
   */
  public static String section(JmhRun run, String chartHref, String jsonHref) {
    StringBuilder sb = new StringBuilder();
    sb.append("Measured with `").append(run.conditions().get("command")).append("`, ")
        .append(run.started());
    String finished = run.conditions().get("finished");
    if (finished != null) {
      sb.append(" to ").append(finished);
    }
    sb.append(".\n\n");
    for (Map.Entry<String, String> c : run.conditions().entrySet()) {
      if (!List.of("command", "started", "finished").contains(c.getKey()) && !c.getValue().equals(run.started())) {
        sb.append("- ").append(label(c.getKey())).append(": ").append(c.getValue()).append('\n');
      }
    }
    sb.append("- Settings: ").append(run.settings()).append('\n');
    sb.append("- Raw result: [").append(run.name()).append(".json](").append(jsonHref).append(")\n\n");
    sb.append("![").append(run.name()).append(" scores](").append(chartHref).append(")\n\n");
    sb.append(table(run).render());
    return sb.toString();
  }

  /**
   * The table of scores of one run.
   *
   * @param run the run
   * @return the table
   */
  public static MarkdownTable table(JmhRun run) {
    MarkdownTable t = MarkdownTable.of("benchmark", "method", "mode", "score ± 99.9 % error>", "unit");
    for (JmhRun.Result r : run.results()) {
      t.row(r.benchmarkClass(), "`" + r.label() + "`", r.mode(), Figures.scoreWithError(r.score(), r.error()), r.unit());
    }
    return t;
  }

  /**
   * Ratio checks: each line {@code A / B >= TARGET} (or {@code <=}) names two results of the run
   * by label; the table shows the measured ratio, the target and whether it is met. A line
   * {@code A <= TARGET} (or {@code >=}) checks one result's score itself, in its own unit (an
   * absolute target such as "at most 2,000 ms per operation").
   *
   * @param run the run
   * @param lines the checks
   * @param where where the checks are written, for error messages
   * @return the table
   * @throws SiteSourceException when a line is malformed or names a result the run does not have
   */
  public static MarkdownTable ratios(JmhRun run, List<String> lines, String where) {
    MarkdownTable t = MarkdownTable.of("ratio", "measured>", "target", "met");
    for (String line : lines) {
      String[] p = line.trim().split("\\s+");
      if (p.length == 3 && (p[1].equals(">=") || p[1].equals("<="))) {
        JmhRun.Result a = result(run, p[0], where);
        double target = target(p[2], where);
        boolean met = p[1].equals(">=") ? a.score() >= target : a.score() <= target;
        t.row("`" + p[0] + "` (" + a.unit() + ")", shown(a.score(), p[1], target, met, a.score() >= 100 ? 0 : 2),
            p[1] + " " + p[2], met ? "yes" : "**no**");
        continue;
      }
      if (p.length != 5 || !p[1].equals("/") || !(p[3].equals(">=") || p[3].equals("<="))) {
        throw new SiteSourceException(where + ": ratio line '" + line + "' is neither 'A / B >= TARGET' nor 'A >= TARGET'");
      }
      JmhRun.Result a = result(run, p[0], where);
      JmhRun.Result b = result(run, p[2], where);
      if (!a.unit().equals(b.unit())) {
        throw new SiteSourceException(where + ": " + p[0] + " and " + p[2] + " have different units");
      }
      double target = target(p[4], where);
      double ratio = a.score() / b.score();
      boolean met = p[3].equals(">=") ? ratio >= target : ratio <= target;
      t.row("`" + p[0] + "` / `" + p[2] + "`", shown(ratio, p[3], target, met, 2), p[3] + " " + p[4], met ? "yes" : "**no**");
    }
    return t;
  }

  private static double target(String text, String where) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new SiteSourceException(where + ": target '" + text + "' is not a number", e);
    }
  }

  /**
   * The figure with {@code decimals} decimals, or as many more (up to six) as it takes for the
   * figure shown not to read as meeting a target it misses, or missing one it meets (a ratio of
   * 1.2994 against 1.3 is shown as 1.299, not 1.30; 2,000.4 ms against 2,000 as 2,000.4).
   */
  private static String shown(double ratio, String comparison, double target, boolean met, int fewestDecimals) {
    int decimals = fewestDecimals;
    while (decimals < 6) {
      double rounded = java.math.BigDecimal.valueOf(ratio).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
      boolean metAsShown = comparison.equals(">=") ? rounded >= target : rounded <= target;
      if (metAsShown == met) {
        break;
      }
      decimals++;
    }
    return Figures.fixed(ratio, decimals);
  }

  private static JmhRun.Result result(JmhRun run, String label, String where) {
    return run.find(label)
        .orElseThrow(() -> new SiteSourceException(
            where + ": " + run.name() + ".json has no result '" + label + "' (it has "
                + run.results().stream().map(JmhRun.Result::label).toList() + ")"));
  }

  /**
   * Draws the run's scores as a bar chart with error bars, one chart per unit, as a PNG.
   *
   * @param run the run
   * @param png where to write it
   */
  public static void chart(JmhRun run, Path png) {
    String unit = run.results().get(0).unit();
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (JmhRun.Result r : run.results()) {
      if (r.unit().equals(unit)) {
        labels.add(r.label());
        scores.add(r.score());
        errors.add(Double.isNaN(r.error()) ? 0.0 : r.error());
      }
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.min(1100, Math.max(640, 90 * labels.size())))
            .height(420)
            .title(run.name() + " (" + run.results().get(0).mode() + ")")
            .yAxisTitle(unit)
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(labels.size() > 3 ? (labels.size() > 8 ? 45 : 20) : 0);
    chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisDecimalPattern(run.results().get(0).score() >= 100 ? "#,##0" : "#,##0.###");
    chart.addSeries(unit, labels, scores, errors);
    try {
      Files.createDirectories(png.getParent());
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new SiteSourceException("cannot write chart " + png + ": " + e, e);
    }
  }

  private static String label(String key) {
    StringBuilder sb = new StringBuilder();
    for (char c : key.toCharArray()) {
      sb.append(Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : String.valueOf(c));
    }
    String s = sb.toString();
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
