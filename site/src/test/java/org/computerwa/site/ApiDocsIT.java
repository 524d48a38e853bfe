package org.computerwa.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregated Javadoc documents every public package of the SDK modules (found in their
 * compiled classes, not in the Javadoc itself) and no internal package.
 */
class ApiDocsIT {
  private static final Path API = SiteLinksIT.SITE.resolve("apidocs");
  private static final List<String> SDK_ROOTS = List.of("org/computerwa/core/", "org/computerwa/mining/", "org/computerwa/chain/");
  private static Set<String> publicPackages = new TreeSet<>();

  @BeforeAll
  static void findPublicPackagesOfTheSdkModules() throws Exception {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      for (String cls : classNames(Path.of(entry))) {
        String pkg = cls.substring(0, cls.lastIndexOf('.'));
        if (pkg.contains(".internal") || cls.contains("$")) {
          continue;
        }
        Class<?> c = Class.forName(cls, false, ApiDocsIT.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers())) {
          publicPackages.add(pkg);
        }
      }
    }
  }

  @Test
  void everyPublicPackageHasAPackageDescriptionInTheAggregatedJavadoc() throws IOException {
    assertThat(publicPackages).as("public SDK packages found on the class path")
        .contains("org.computerwa.core", "org.computerwa.mining.pow", "org.computerwa.chain.client");
    List<String> undocumented = new ArrayList<>();
    for (String pkg : publicPackages) {
      Path summary = API.resolve(pkg.replace('.', '/')).resolve("package-summary.html");
      if (!Files.isRegularFile(summary)) {
        undocumented.add(pkg + ": not in the Javadoc");
        continue;
      }
      Document doc = Jsoup.parse(summary.toFile(), "UTF-8");
      String description = doc.select("section.package-description div.block").text();
      if (description.isBlank()) {
        undocumented.add(pkg + ": no package description (package-info.java Javadoc)");
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void noInternalPackageIsInTheJavadoc() throws IOException {
    try (Stream<Path> walk = Files.walk(API)) {
      assertThat(walk.filter(Files::isDirectory).map(API::relativize).map(Path::toString)
              .filter(p -> p.endsWith("/internal") || p.contains("/internal/")))
          .isEmpty();
    }
    String index = Files.readString(API.resolve("allpackages-index.html"));
    assertThat(index).doesNotContain(".internal");
  }

  private static List<String> classNames(Path entry) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(entry)) {
        try (Stream<Path> walk = Files.walk(entry)) {
          walk.map(p -> entry.relativize(p).toString().replace(File.separatorChar, '/'))
              .forEach(n -> add(names, n));
        }
      } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          jar.stream().forEach(e -> add(names, e.getName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void add(List<String> names, String path) {
    if (path.endsWith(".class") && !path.endsWith("package-info.class") && !path.endsWith("module-info.class")
        && SDK_ROOTS.stream().anyMatch(path::startsWith)) {
      names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
  }
}
