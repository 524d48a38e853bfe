package org.computerwa.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link of a rendered site: each {@code href} and {@code src} that does not
 * leave the site must name an existing file, and a fragment must name an element of the target
 * page ({@code id}, or {@code name} of an anchor).
 */
final class LinkChecker {
  private static final Pattern EXTERNAL = Pattern.compile("^(?i)([a-z][a-z0-9+.-]*:|//).*");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();
  private int pages;
  private int links;

  LinkChecker(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Every broken link, as {@code page -> link: reason}; empty when none. */
  List<String> check() {
    List<String> problems = new ArrayList<>();
    List<Path> html;
    try (Stream<Path> walk = Files.walk(root)) {
      html = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path page : html) {
      pages++;
      Document doc = parse(page);
      for (Element e : doc.select("a[href], link[href], img[src], script[src], iframe[src]")) {
        String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (ref.isEmpty() || ref.equals("#") || EXTERNAL.matcher(ref).matches()) {
          continue;
        }
        links++;
        String problem = problem(page, ref);
        if (problem != null) {
          problems.add(root.relativize(page) + " -> " + ref + ": " + problem);
        }
      }
    }
    return problems;
  }

  int pagesChecked() {
    return pages;
  }

  int linksChecked() {
    return links;
  }

  private String problem(Path page, String ref) {
    String path = ref;
    String fragment = null;
    int hash = ref.indexOf('#');
    if (hash >= 0) {
      path = ref.substring(0, hash);
      fragment = ref.substring(hash + 1);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    Path target;
    if (path.isEmpty()) {
      target = page;
    } else {
      String decoded;
      try {
        decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "not a valid relative address";
      }
      target = page.getParent().resolve(decoded).normalize();
      if (!target.startsWith(root)) {
        return "leaves the site";
      }
      if (Files.isDirectory(target)) {
        target = target.resolve("index.html");
      }
      if (!Files.isRegularFile(target)) {
        return "no such file " + root.relativize(target);
      }
    }
    if (fragment == null || fragment.isEmpty() || !target.toString().endsWith(".html")) {
      return null;
    }
    String id = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!anchorsOf(target).contains(id)) {
      return "no anchor '" + id + "' in " + root.relativize(target);
    }
    return null;
  }

  private Set<String> anchorsOf(Path page) {
    return anchors.computeIfAbsent(page, p -> {
      Set<String> ids = new HashSet<>();
      Document doc = parse(p);
      for (Element e : doc.select("[id]")) {
        ids.add(e.id());
      }
      for (Element e : doc.select("a[name]")) {
        ids.add(e.attr("name"));
      }
      return ids;
    });
  }

  private static Document parse(Path page) {
    try {
      return Jsoup.parse(page.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
