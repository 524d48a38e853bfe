package org.computerwa.mining;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the copied public test data under {@code src/test/resources/testdata}. */
public final class TestData {
  private static final HexFormat HEX = HexFormat.of();

  private TestData() {}

  /** The text of a test data file, by its path below {@code testdata/}. */
  public static String text(String path) {
    try (InputStream in = TestData.class.getResourceAsStream("/testdata/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test data file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file (no quoting, header row first) as column-name maps. */
  public static List<Map<String, String>> csv(String path) {
    String[] lines = text(path).split("\r?\n");
    String[] names = lines[0].split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.length; c++) {
        row.put(names[c], c < cells.length ? cells[c] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  public static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  public static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  /** Reverses a byte array into a new one. */
  public static byte[] reversed(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
