package org.computerwa.core.evidence.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Consumer;
import org.computerwa.core.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Randomly damaged sample files: every one is either read or refused with a
 * {@link SampleFormatException} that names a line inside the file; no other exception escapes.
 */
class MutatedSampleFileTest {
  static final String GARBAGE = "\",{}=\\ \n\r%W[]#-+.eE0123456789aZ\t";

  static void mutate(String name, String original, Consumer<String> reader) {
    long seed = Seeds.seed("MutatedSampleFileTest." + name);
    Random r = new Random(seed);
    int refused = 0;
    for (int trial = 0; trial < 2_000; trial++) {
      StringBuilder text = new StringBuilder(original);
      for (int edits = 1 + r.nextInt(4); edits > 0 && text.length() > 0; edits--) {
        int at = r.nextInt(text.length());
        switch (r.nextInt(3)) {
          case 0 -> text.setCharAt(at, GARBAGE.charAt(r.nextInt(GARBAGE.length())));
          case 1 -> text.deleteCharAt(at);
          default -> text.insert(at, GARBAGE.charAt(r.nextInt(GARBAGE.length())));
        }
      }
      String damaged = text.toString();
      try {
        reader.accept(damaged);
      } catch (SampleFormatException e) {
        refused++;
        long lines = damaged.chars().filter(c -> c == '\n').count() + 1;
        assertThat(e.line()).as("seed %d, trial %d: %s", seed, trial, e.getMessage()).isBetween(0, (int) lines);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", trial " + trial + ": " + e + "\n" + damaged, e);
      }
    }
    assertThat(refused).as("seed %d: some damage must be noticed", seed).isPositive();
  }

  @Test
  void damagedNvidiaSmiCsvIsReadOrRefusedWithALine() {
    String csv = String.join("\n", Samples.text("nvidia-smi-two-gpus.csv").lines().limit(12).toList()) + "\n";
    mutate("nvidiaSmi", csv, text -> NvidiaSmiCsv.read(text, ZoneOffset.UTC));
  }

  @Test
  void damagedDcgmTextIsReadOrRefusedWithALine() {
    mutate("dcgm", Samples.text("dcgm-scrape.prom"), text -> DcgmExposition.read(text, Instant.EPOCH));
  }
}
