package org.computerwa.mining.policy.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.PriceSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Price files on disk: plain CSV, or the same CSV gzip-compressed when the name ends in .gz. */
class PriceSeriesCsvTest {
  private static final String CSV = "timestamp_utc,rt_spp_usd_per_mwh,filled\n"
      + "2021-01-01T06:00:00Z,13.2449,0\n"
      + "2021-01-01T06:05:00Z,-12.5,0\n"
      + "2021-01-01T06:10:00Z,9000.25,1\n";

  @Test
  void aGzipFileReadsAsTheSameSeriesAsItsPlainText(@TempDir Path dir) throws IOException {
    Path plain = Files.writeString(dir.resolve("prices.csv"), CSV);
    Path gz = dir.resolve("prices.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    PriceSeries a = PriceSeriesCsv.read(plain);
    PriceSeries b = PriceSeriesCsv.read(gz);
    assertThat(b.size()).isEqualTo(3);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.start(i)).isEqualTo(a.start(i));
      assertThat(b.realTimeUsdPerMwh(i)).isEqualTo(a.realTimeUsdPerMwh(i));
    }
    assertThat(b.realTimeUsdPerMwh(1)).isEqualTo(-12.5);
  }

  @Test
  void aPlainFileNamedGzIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path fake = Files.writeString(dir.resolve("prices.csv.gz"), CSV);
    assertThatThrownBy(() -> PriceSeriesCsv.read(fake))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("prices.csv.gz")
        .hasMessageContaining("must be a readable CSV file");
  }

  @Test
  void theWinterStormHoldsTheHighestPriceOfTheHoustonAndSppFiles() {
    for (String name : new String[] {"ERCOT HB_HOUSTON 2021", "SPP North Hub 2021"}) {
      PriceSeries p = Datasets.fresh(name);
      int highest = 0;
      for (int i = 1; i < p.size(); i++) {
        if (p.realTimeUsdPerMwh(i) > p.realTimeUsdPerMwh(highest)) {
          highest = i;
        }
      }
      assertThat(p.start(highest).toString()).as(name).startsWith("2021-02-");
    }
  }

  @Test
  void theCompressedFreshFileHasItsDocumentedRows() {
    PriceSeries spp = Datasets.fresh("SPP North Hub 2021");
    assertThat(spp.size()).isEqualTo(105_120);
    assertThat(spp.start(0)).hasToString("2021-01-01T06:00:00Z");
  }
}
