package org.computerwa.benchmarks.pow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The real mainnet headers every header benchmark runs over, concatenated. */
final class RealHeaders {
  private RealHeaders() {}

  static byte[] load() {
    String text;
    try (InputStream in = RealHeaders.class.getResourceAsStream("mainnet_checkpoints.csv")) {
      if (in == null) {
        throw new IllegalStateException("mainnet_checkpoints.csv missing from the benchmark jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] lines = text.split("\n");
    byte[] raw = new byte[80 * (lines.length - 1)];
    for (int i = 1; i < lines.length; i++) {
      byte[] header = HexFormat.of().parseHex(lines[i].split(",")[2]);
      System.arraycopy(header, 0, raw, 80 * (i - 1), 80);
    }
    return raw;
  }
}
