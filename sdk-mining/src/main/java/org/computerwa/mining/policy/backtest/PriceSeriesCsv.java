package org.computerwa.mining.policy.backtest;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.PriceSeries;

/**
 * Reads a {@link PriceSeries} from CSV with a header row.
 *
 * <pre>{@code
 * PriceSeries prices = PriceSeriesCsv.read(Path.of("ercot_hb_south.csv"));
 * }</pre>
 *
 * <p>Required columns: {@code timestamp_utc} (ISO-8601 interval start, e.g.
 * {@code 2024-08-21T00:30:00Z}) and {@code rt_spp_usd_per_mwh}. When a
 * {@code dam_spp_usd_per_mwh} column is present and filled on every row, it is read as the
 * day-ahead price; other columns are ignored.
 *
 * @since 0.1.0
 */
public final class PriceSeriesCsv {
  /** Interval start column. */
  public static final String TIMESTAMP = "timestamp_utc";
  /** Realised real-time price column. */
  public static final String REAL_TIME = "rt_spp_usd_per_mwh";
  /** Optional day-ahead price column. */
  public static final String DAY_AHEAD = "dam_spp_usd_per_mwh";

  private PriceSeriesCsv() {}

  /**
   * Reads a file; a name ending in {@code .gz} is read through gzip.
   *
   * @param file the CSV file, plain or gzip-compressed
   * @return the series
   * @throws ValidationException if the file cannot be read or a row is invalid (naming the line)
   */
  public static PriceSeries read(Path file) {
    return CsvRows.read(file, "prices", PriceSeriesCsv::read);
  }

  /**
   * Reads CSV text.
   *
   * @param in the CSV text, header first
   * @return the series
   * @throws ValidationException if a row is invalid (naming the line)
   */
  public static PriceSeries read(Reader in) {
    List<Instant> starts = new ArrayList<>();
    List<Double> rt = new ArrayList<>();
    List<Double> da = new ArrayList<>();
    boolean[] hasDa = {true};
    CsvRows.forEach(in, "prices", row -> {
      starts.add(row.instant(TIMESTAMP));
      rt.add(row.number(REAL_TIME));
      if (row.text(DAY_AHEAD) == null) {
        hasDa[0] = false;
      } else if (hasDa[0]) {
        da.add(row.number(DAY_AHEAD));
      }
    });
    double[] r = rt.stream().mapToDouble(Double::doubleValue).toArray();
    double[] d = hasDa[0] ? da.stream().mapToDouble(Double::doubleValue).toArray() : null;
    return PriceSeries.of(starts, r, d);
  }
}
