package org.computerwa.core.evidence.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the sample files next to these tests (see PROVENANCE.md there). */
final class Samples {
  static final String GPU0 = "GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52";
  static final String GPU1 = "GPU-2d9067e4-8fab-5820-6228-69e2e74b3d58";

  private Samples() {}

  static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
