package org.computerwa.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestExampleTest {
  /** Three days of ERCOT HB_SOUTH prices, 19-21 Aug 2024 (see the PROVENANCE.md beside it). */
  private static Path prices() throws Exception {
    return Path.of(BacktestExampleTest.class
        .getResource("/org/computerwa/examples/policy/ercot_hb_south_2024-08-19_21.csv").toURI());
  }

  @Test
  void theSubcommandScoresThePolicyBetweenAlwaysMineAndTheOptimumAndDrawsTheChart(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("backtest.png");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute("example-backtest", "--prices", prices().toString(), "--chart", png.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();

    BacktestResult r = BacktestExample.run(prices(), new PrintWriter(new StringWriter()));
    assertThat(r.intervals()).isEqualTo(3 * 96);
    assertThat(r.optimumProfitUsd()).isGreaterThanOrEqualTo(r.profitUsd() - 1e-6)
        .isGreaterThanOrEqualTo(r.alwaysMineProfitUsd() - 1e-6);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).containsExactly(
        "policy rolling over 288 intervals",
        String.format(Locale.ROOT, "profit USD: policy %.2f, always-mine %.2f, optimum %.2f",
            r.profitUsd(), r.alwaysMineProfitUsd(), r.optimumProfitUsd()),
        String.format(Locale.ROOT, "captured flexibility value %.1f %%, %d switches",
            100 * r.capturedFlexibilityValue(), r.switches()));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(500);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 7) {
      for (int y = 0; y < image.getHeight(); y += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as("a drawn chart, not a blank image").hasSizeGreaterThan(5);
  }

  @Test
  void withoutAPriceFileItIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = ComputerwaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("example-backtest");
    assertThat(code).isEqualTo(ComputerwaCli.EXIT_USAGE);
    assertThat(err.toString()).contains("--prices");
  }
}
