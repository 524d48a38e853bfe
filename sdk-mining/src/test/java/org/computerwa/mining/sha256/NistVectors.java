package org.computerwa.mining.sha256;

import java.util.ArrayList;
import java.util.List;
import org.computerwa.mining.TestData;
import org.junit.jupiter.params.provider.Arguments;

/** Parses NIST CAVS response files (Len/Msg/MD blocks, Seed/COUNT/MD for Monte Carlo). */
final class NistVectors {
  private NistVectors() {}

  static List<Arguments> messages(String file) {
    List<Arguments> out = new ArrayList<>();
    int len = -1;
    String msg = null;
    for (String line : TestData.text("sha256/nist/" + file).split("\r?\n")) {
      if (line.startsWith("Len = ")) {
        len = Integer.parseInt(line.substring(6).trim());
      } else if (line.startsWith("Msg = ")) {
        msg = line.substring(6).trim();
      } else if (line.startsWith("MD = ")) {
        String message = msg.substring(0, len / 4);
        out.add(Arguments.of(len, message, line.substring(5).trim()));
      }
    }
    return out;
  }

  /** The Monte Carlo seed followed by (count, md) checkpoints. */
  static List<String[]> monte() {
    List<String[]> out = new ArrayList<>();
    String count = null;
    for (String line : TestData.text("sha256/nist/SHA256Monte.rsp").split("\r?\n")) {
      if (line.startsWith("Seed = ")) {
        out.add(new String[] {"seed", line.substring(7).trim()});
      } else if (line.startsWith("COUNT = ")) {
        count = line.substring(8).trim();
      } else if (line.startsWith("MD = ")) {
        out.add(new String[] {count, line.substring(5).trim()});
      }
    }
    return out;
  }
}
