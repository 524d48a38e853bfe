package org.computerwa.examples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real data the quickstart replays, bundled in the jar beside this class (see its
 * {@code PROVENANCE.md}), so that it runs from a fresh clone with no arguments.
 */
final class QuickstartData {
  static final String NVIDIA_SMI = "nvidia-smi-two-gpus-hour.csv";
  static final String POOL_SHARES = "pool-shares.json";
  static final String ERCOT_DAY = "ercot_hb_south_2024-08-20_central.csv";
  static final String MAINNET_HEADERS = "mainnet-headers-562621-562639.csv";

  private QuickstartData() {}

  static byte[] bytes(String name) {
    try (InputStream in = QuickstartData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its quickstart data file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the quickstart data file " + name, e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
