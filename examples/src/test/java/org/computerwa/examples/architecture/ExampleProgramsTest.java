package org.computerwa.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.computerwa.examples.cli.ComputerwaCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code example-…} subcommand is one example program that users can find and copy: one
 * file alone in its package (beside its package documentation), listed in the README's command
 * table, and with code on a guide page cut from its tagged regions.
 */
class ExampleProgramsTest {
  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SOURCES = PROJECT.resolve("examples/src/main/java");
  private static final Pattern SNIPPET = Pattern.compile("<!--\\s*snippet:\\s*(\\S+)#([\\w.-]+)\\s*-->");

  private static final List<CommandLine> examples = new ArrayList<>();
  private static String readme;
  private static String guides;

  @BeforeAll
  static void readTheCommandLineTheReadmeAndTheGuides() throws IOException {
    CommandLine cli = ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    cli.getSubcommands().forEach((name, sub) -> {
      if (name.startsWith("example-")) {
        examples.add(sub);
      }
    });
    readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
    StringBuilder all = new StringBuilder();
    try (Stream<Path> pages = Files.list(PROJECT.resolve("site/src/site/markdown"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        all.append(Files.readString(page, StandardCharsets.UTF_8)).append('\n');
      }
    }
    guides = all.toString();
  }

  @Test
  void thereIsOneExampleProgramPerCapability() {
    assertThat(examples).extracting(CommandLine::getCommandName).contains(
        "example-register-asset", "example-lease", "example-device-agent", "example-site-anchor",
        "example-sla-credit", "example-claim-revenue", "example-pledge", "example-verify-headers",
        "example-hashrate", "example-live-policy", "example-backtest", "example-event-stream");
  }

  @Test
  void eachExampleIsTheOnlyClassOfItsPackage() throws IOException {
    for (CommandLine example : examples) {
      Class<?> type = example.getCommand().getClass();
      Path dir = SOURCES.resolve(type.getPackageName().replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .as(example.getCommandName())
            .containsExactly(type.getSimpleName() + ".java", "package-info.java");
      }
    }
  }

  @Test
  void eachExampleHasARowInTheReadmeCommandTable() {
    for (CommandLine example : examples) {
      assertThat(readme).as("README row of " + example.getCommandName())
          .containsPattern("(?m)^\\| `" + Pattern.quote(example.getCommandName()) + "[ `]");
    }
  }

  @Test
  void eachExampleHasCodeOnAGuideAndEveryCutRegionExists() throws IOException {
    List<String> cut = new ArrayList<>();
    Matcher m = SNIPPET.matcher(guides);
    while (m.find()) {
      Path source = PROJECT.resolve(m.group(1)).normalize();
      assertThat(source).as(m.group()).startsWith(PROJECT).isRegularFile();
      assertThat(Files.readString(source, StandardCharsets.UTF_8)).as(m.group()).contains("// tag::" + m.group(2) + "[]");
      cut.add(PROJECT.relativize(source).toString().replace('\\', '/'));
    }
    for (CommandLine example : examples) {
      Class<?> type = example.getCommand().getClass();
      String path = "examples/src/main/java/" + type.getName().replace('.', '/') + ".java";
      assertThat(cut).as("a guide shows " + path).contains(path);
    }
  }
}
