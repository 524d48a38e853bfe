package org.computerwa.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prepares the site sources: copies {@code site/src/site} to the directory the site plugin
 * renders, replacing the directives in each Markdown page with generated content, and writes the
 * JMH results page with a chart per kept run.
 *
 * <p>Directives are HTML comments on lines of their own:
 *
 * <table>
 *   <caption>Directives</caption>
 *   <tr><th>directive</th><th>becomes</th></tr>
 *   <tr><td>{@code <!-- snippet: PATH#TAG -->}</td><td>the region {@code TAG} of the source file
 *       {@code PATH} (relative to the project root) as a Java code block</td></tr>
 *   <tr><td>{@code <!-- jmh: NAME -->}</td><td>conditions, chart and table of
 *       {@code reports/jmh/NAME.json}</td></tr>
 *   <tr><td>{@code <!-- jmh-ratios: NAME} then lines {@code A / B >= TARGET} or {@code A <=
 *       TARGET}, then {@code -->}</td><td>a table of measured ratios (or scores) against their
 *       targets</td></tr>
 *   <tr><td>{@code <!-- backtest-all -->}</td><td>every JSON report under
 *       {@code reports/backtest}, with its chart when a PNG of the same name is kept</td></tr>
 *   <tr><td>{@code <!-- gas-chart: FILE -->}</td><td>a chart of the holder-dependent operations of
 *       the gas report JSON {@code FILE} at each holder count</td></tr>
 *   <tr><td>{@code <!-- include: FILE -->}</td><td>a file generated earlier in the build: Markdown
 *       as it is (for example {@code gas-report.md}), text as a code block (a program's output),
 *       PNG as an image</td></tr>
 * </table>
 *
 * <p>An unknown directive, a missing file or region, or a malformed report fails the build with
 * the page and line. Usage: {@code SiteSources SITE_DIR OUT_DIR PROJECT_ROOT GENERATED_REPORTS}.
 */
public final class SiteSources {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^<!--\\s*(snippet|jmh-ratios|jmh|backtest-all|include|gas-chart)(?![\\w-])\\s*:?(.*)$");
  /** The JMH results page, generated from every kept run. */
  public static final String JMH_PAGE = "jmh-results";

  private final Path siteDir;
  private final Path outDir;
  private final Path projectRoot;
  private final Path generatedReports;

  /**
   * Creates the step.
   *
   * @param siteDir the hand-written site sources ({@code site/src/site})
   * @param outDir where the prepared sources go
   * @param projectRoot the project root, against which snippet paths are resolved
   * @param generatedReports where earlier build steps wrote Markdown reports
   */
  public SiteSources(Path siteDir, Path outDir, Path projectRoot, Path generatedReports) {
    this.siteDir = siteDir.toAbsolutePath().normalize();
    this.outDir = outDir.toAbsolutePath().normalize();
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.generatedReports = generatedReports.toAbsolutePath().normalize();
  }

  /**
   * Runs the step.
   *
   * @param args {@code SITE_DIR OUT_DIR PROJECT_ROOT GENERATED_REPORTS}
   */
  public static void main(String[] args) {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: SiteSources SITE_DIR OUT_DIR PROJECT_ROOT GENERATED_REPORTS");
    }
    new SiteSources(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3])).run();
  }

  /** Copies and expands every file, then writes the JMH results page. */
  public void run() {
    try {
      deleteTree(outDir);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(siteDir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        Path target = outDir.resolve(siteDir.relativize(file).toString());
        Files.createDirectories(target.getParent());
        if (file.toString().endsWith(".md")) {
          String page = siteDir.relativize(file).toString();
          Files.writeString(target, expand(page, Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      writeJmhPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Expands the directives of one page.
   *
   * @param page the page's path under the site directory, for messages and relative links
   * @param text the page
   * @return the expanded page
   */
  public String expand(String page, String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = DIRECTIVE.matcher(lines[i].trim());
      if (!m.matches()) {
        out.append(lines[i]);
        if (i < lines.length - 1) {
          out.append('\n');
        }
        continue;
      }
      int start = i;
      List<String> body = new ArrayList<>();
      String first = m.group(2);
      while (!lines[i].contains("-->")) {
        i++;
        if (i == lines.length) {
          throw new SiteSourceException(page + ":" + (start + 1) + ": directive is not closed with -->");
        }
        body.add(lines[i].replace("-->", "").trim());
      }
      first = first.replace("-->", "").trim();
      body.removeIf(String::isEmpty);
      String where = page + ":" + (start + 1);
      out.append(directive(m.group(1), first, body, where, page));
      if (i < lines.length - 1 && !out.toString().endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private String directive(String name, String arg, List<String> body, String where, String page) {
    String up = "../".repeat(Math.max(0, Path.of(page).getNameCount() - 2));
    switch (name) {
      case "snippet": {
        int hash = arg.lastIndexOf('#');
        if (hash < 0) {
          throw new SiteSourceException(where + ": snippet needs PATH#TAG, was '" + arg + "'");
        }
        Path source = projectRoot.resolve(arg.substring(0, hash)).normalize();
        if (!source.startsWith(projectRoot)) {
          throw new SiteSourceException(where + ": snippet path must stay inside the project: " + arg);
        }
        return "```java\n" + Snippets.extract(source, arg.substring(hash + 1)) + "```\n";
      }
      case "jmh": {
        JmhRun run = jmhRun(arg, where);
        return JmhPages.section(run, up + "reports/jmh/" + run.name() + ".png", up + "reports/jmh/" + run.name() + ".json");
      }
      case "jmh-ratios": {
        if (body.isEmpty()) {
          throw new SiteSourceException(where + ": jmh-ratios needs one 'A / B >= TARGET' line or more");
        }
        return JmhPages.ratios(jmhRun(arg, where), body, where).render();
      }
      case "backtest-all":
        return backtests(up, where);
      case "gas-chart": {
        Path json = generatedReports.resolve(arg).normalize();
        if (!json.startsWith(generatedReports) || !Files.isRegularFile(json)) {
          throw new SiteSourceException(where + ": no generated gas report '" + arg + "' in " + generatedReports);
        }
        GasChart.write(json, outDir.resolve("resources/reports/gas/holder-counts.png"));
        return "![Gas of holder-dependent operations at each holder count](" + up + "reports/gas/holder-counts.png)\n";
      }
      case "include": {
        Path file = generatedReports.resolve(arg).normalize();
        if (!file.startsWith(generatedReports) || !Files.isRegularFile(file)) {
          throw new SiteSourceException(where + ": no generated report '" + arg + "' in " + generatedReports);
        }
        if (arg.endsWith(".png")) {
          copy(file, outDir.resolve("resources/reports/generated/" + file.getFileName()));
          return "![" + file.getFileName() + "](" + up + "reports/generated/" + file.getFileName() + ")\n";
        }
        if (arg.endsWith(".txt")) {
          return "```\n" + Snippets.read(file).stripTrailing() + "\n```\n";
        }
        return Snippets.read(file);
      }
      default:
        throw new SiteSourceException(where + ": unknown directive " + name);
    }
  }

  private JmhRun jmhRun(String name, String where) {
    Path json = jmhDir().resolve(name + ".json");
    if (name.isEmpty() || name.contains("/") || !Files.isRegularFile(json)) {
      throw new SiteSourceException(where + ": no kept JMH run '" + name + "' (" + json + ")");
    }
    JmhRun run = JmhRun.read(json);
    JmhPages.chart(run, outDir.resolve("resources/reports/jmh/" + run.name() + ".png"));
    return run;
  }

  private Path jmhDir() {
    return siteDir.resolve("resources/reports/jmh");
  }

  private String backtests(String up, String where) {
    Path dir = siteDir.resolve("resources/reports/backtest");
    List<Path> reports = list(dir, ".json");
    reports.removeIf(p -> p.getFileName().toString().endsWith(".conditions.json"));
    if (reports.isEmpty()) {
      return "No backtest report is kept yet: `computerwa backtest --json` output saved as "
          + "`site/src/site/resources/reports/backtest/NAME.json` (with `NAME.png` from `--chart` and "
          + "`NAME.conditions.json` giving the command and the input) is rendered here by the site build.\n";
    }
    StringBuilder sb = new StringBuilder();
    for (Path r : reports) {
      String name = r.getFileName().toString().replaceFirst("\\.json$", "");
      sb.append("### ").append(name).append("\n\n");
      Path conditions = dir.resolve(name + ".conditions.json");
      if (Files.isRegularFile(conditions)) {
        sb.append(JsonReport.render(conditions)).append('\n');
      }
      if (Files.isRegularFile(dir.resolve(name + ".png"))) {
        sb.append("![").append(name).append("](").append(up).append("reports/backtest/").append(name).append(".png)\n\n");
      }
      sb.append(JsonReport.render(r)).append("\nRaw report: [").append(name).append(".json](")
          .append(up).append("reports/backtest/").append(name).append(".json)\n\n");
    }
    return sb.toString();
  }

  private void writeJmhPage() throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# JMH results\n\n")
        .append("Every JMH run kept under `site/src/site/resources/reports/jmh/`, rendered by the site ")
        .append("build from the JSON the tool wrote (`-rf json`) and the conditions file beside it ")
        .append("(machine, JDK, date, load and the exact command). Nothing on this page is typed by hand. ")
        .append("To add a run: `site/record-jmh.sh NAME \"NOTE\" BENCHMARK [JMH OPTIONS]`.\n\n")
        .append("Scores measured on a machine shared with other work are lower and noisier than on an ")
        .append("idle one; each run's note says which it was.\n\n");
    List<Path> runs = list(jmhDir(), ".json");
    runs.removeIf(p -> p.getFileName().toString().endsWith(".conditions.json"));
    // Files that are not JMH results (another tool's output kept beside them) are linked, not parsed.
    runs.removeIf(p -> !isJmhResult(p));
    if (runs.isEmpty()) {
      sb.append("No run is kept yet.\n");
    }
    for (Path json : runs) {
      JmhRun run = JmhRun.read(json);
      JmhPages.chart(run, outDir.resolve("resources/reports/jmh/" + run.name() + ".png"));
      sb.append("## ").append(run.name()).append("\n\n")
          .append(JmhPages.section(run, "reports/jmh/" + run.name() + ".png", "reports/jmh/" + run.name() + ".json"))
          .append('\n');
    }
    Path page = outDir.resolve("markdown/" + JMH_PAGE + ".md");
    if (Files.exists(page)) {
      throw new SiteSourceException(page + " is generated; remove the hand-written page of that name");
    }
    Files.createDirectories(page.getParent());
    Files.writeString(page, sb.toString(), StandardCharsets.UTF_8);
  }

  private static boolean isJmhResult(Path json) {
    try {
      String head = Files.readString(json, StandardCharsets.UTF_8).stripLeading();
      return head.startsWith("[") && head.contains("\"primaryMetric\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
