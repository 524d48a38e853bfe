package org.computerwa.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guide and report page, rendered in headless Chromium: it loads without a console error,
 * an uncaught exception or a failed resource, every image and chart on it is drawn with a
 * non-zero size, and a screenshot of it is kept under {@code site/target/screenshots/}.
 */
class PagesRenderIT {
  private static final Path SCREENSHOTS = Path.of(System.getProperty("site.screenshots", "target/screenshots"));
  /** Report pages that must show at least one chart of their own (besides the skin's images). */
  private static final Set<String> REPORTS_WITH_CHARTS = Set.of("gas", "benchmarks", "backtest", SiteSources.JMH_PAGE);
  private static Chromium browser;

  @BeforeAll
  static void startTheBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopTheBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** The pages made from Markdown: every guide and report (the Javadoc is checked by links). */
  static Stream<String> pages() throws IOException {
    Path markdown = Path.of(System.getProperty("site.sources", "target/site-src")).resolve("markdown");
    try (Stream<Path> files = Files.walk(markdown)) {
      List<String> names = files.map(p -> markdown.relativize(p).toString())
          .filter(n -> n.endsWith(".md")).map(n -> n.replaceFirst("\\.md$", "")).sorted().toList();
      assertThat(names).contains("index", "gas", "benchmarks", SiteSources.JMH_PAGE);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void thePageRendersWithoutErrorsAndItsPicturesAreDrawn(String page) throws Exception {
    Path html = SiteLinksIT.SITE.resolve(page + ".html").toAbsolutePath();
    assertThat(html).isRegularFile();
    Path png = SCREENSHOTS.resolve(page + ".png");
    PageCheck.Result r = PageCheck.check(browser, html.toUri().toString(), png);
    assertThat(r.errors()).as("errors on " + page).isEmpty();
    assertThat(r.pictures()).as("pictures on " + page).allSatisfy(p ->
        assertThat(p.rendered()).as(p.toString()).isTrue());
    if (REPORTS_WITH_CHARTS.contains(page)) {
      assertThat(r.pictures()).as("charts on the report " + page)
          .anyMatch(p -> p.source().startsWith("reports/") || p.source().startsWith("images/"));
    }
    assertThat(png).isRegularFile();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    assertThat(r.screenshotHeight()).isGreaterThan(300);
  }

  @Test
  void reportsABrokenImageAConsoleErrorAndAnUncaughtException(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<html><body><h1>broken</h1><img src='missing.png' width='10' height='10'>"
        + "<svg width='0' height='0'></svg><script>console.error('boom'); undefinedFunction();</script></body></html>");
    PageCheck.Result r = PageCheck.check(browser, page.toUri().toString(), dir.resolve("broken.png"));
    assertThat(r.errors()).anyMatch(e -> e.contains("console.error: boom"))
        .anyMatch(e -> e.contains("undefinedFunction"))
        .anyMatch(e -> e.contains("missing.png"));
    assertThat(r.pictures()).hasSize(2).noneMatch(PageCheck.Picture::rendered);
  }
}
