package org.computerwa.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts tagged regions out of compiled example sources, so code on a page is code the build
 * compiles and the tests run.
 *
 * <p>A region is marked as in Asciidoctor: a line {@code // tag::NAME[]} opens it, a line
 * {@code // end::NAME[]} closes it. Marker lines of other regions inside it are dropped and the
 * common indentation is removed. A missing, unclosed or empty region is an error.
 */
public final class Snippets {
  private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*(tag|end)::[\\w.-]+\\[\\]\\s*$");

  private Snippets() {}

  /**
   * Extracts one region.
   *
   * @param source the source file
   * @param tag the region name
   * @return the region's lines, dedented, ending with a newline
   * @throws SiteSourceException when the file cannot be read or the region is missing, unclosed
   *     or empty
   */
  public static String extract(Path source, String tag) {
    List<String> lines;
    try {
      lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SiteSourceException("snippet source " + source + " cannot be read: " + e, e);
    }
    String open = "tag::" + tag + "[]";
    String close = "end::" + tag + "[]";
    List<String> region = new ArrayList<>();
    boolean inside = false;
    boolean found = false;
    for (String line : lines) {
      String t = line.trim();
      if (!inside && t.startsWith("//") && t.substring(2).trim().equals(open)) {
        if (found) {
          throw new SiteSourceException(source + ": region '" + tag + "' is tagged twice");
        }
        inside = true;
        found = true;
      } else if (inside && t.startsWith("//") && t.substring(2).trim().equals(close)) {
        inside = false;
      } else if (inside && !MARKER.matcher(line).matches()) {
        region.add(line);
      }
    }
    if (!found) {
      throw new SiteSourceException(source + ": no region '" + tag + "' (// " + open + ")");
    }
    if (inside) {
      throw new SiteSourceException(source + ": region '" + tag + "' is not closed (// " + close + ")");
    }
    while (!region.isEmpty() && region.get(0).isBlank()) {
      region.remove(0);
    }
    while (!region.isEmpty() && region.get(region.size() - 1).isBlank()) {
      region.remove(region.size() - 1);
    }
    if (region.isEmpty()) {
      throw new SiteSourceException(source + ": region '" + tag + "' is empty");
    }
    int indent = Integer.MAX_VALUE;
    for (String line : region) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : region) {
      sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Reads a whole file, for error messages that need it.
   *
   * @param source the file
   * @return its text
   */
  static String read(Path source) {
    try {
      return Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
