package org.computerwa.mining.policy.backtest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private static final CsvMapper MAPPER = new CsvMapper();

  private PriceSeriesCsv() {}

  /**
   * Reads a file.
   *
   * @param file the CSV file
   * @return the series
   * @throws ValidationException if the file cannot be read or a row is invalid (naming the line)
   */
  public static PriceSeries read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    } catch (IOException e) {
      throw new ValidationException("prices", file, "must be a readable CSV file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param in the CSV text, header first
   * @return the series
   * @throws ValidationException if a row is invalid (naming the line)
   */
  public static PriceSeries read(Reader in) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Instant> starts = new ArrayList<>();
    List<Double> rt = new ArrayList<>();
    List<Double> da = new ArrayList<>();
    boolean hasDa = true;
    try (MappingIterator<Map<String, String>> rows =
        MAPPER.readerForMapOf(String.class).with(schema).readValues(in)) {
      int line = 1;
      while (rows.hasNextValue()) {
        Map<String, String> row = rows.nextValue();
        line++;
        String ts = row.get(TIMESTAMP);
        String price = row.get(REAL_TIME);
        if (ts == null || price == null) {
          throw new ValidationException("prices.header", row.keySet(), "must contain " + TIMESTAMP + " and " + REAL_TIME);
        }
        try {
          starts.add(Instant.parse(ts.trim()));
        } catch (DateTimeParseException e) {
          throw new ValidationException("prices[line " + line + "]." + TIMESTAMP, ts, "must be ISO-8601 UTC such as 2024-08-21T00:30:00Z", e);
        }
        rt.add(number(line, REAL_TIME, price));
        String dam = row.get(DAY_AHEAD);
        if (dam == null || dam.isBlank()) {
          hasDa = false;
        } else if (hasDa) {
          da.add(number(line, DAY_AHEAD, dam));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationException) {
        throw (ValidationException) e;
      }
      throw new ValidationException("prices", "csv", "must be well-formed CSV: " + e.getMessage(), e);
    }
    double[] r = rt.stream().mapToDouble(Double::doubleValue).toArray();
    double[] d = hasDa ? da.stream().mapToDouble(Double::doubleValue).toArray() : null;
    return PriceSeries.of(starts, r, d);
  }

  private static double number(int line, String column, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException("not finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ValidationException("prices[line " + line + "]." + column, text, "must be a finite decimal number", e);
    }
  }
}
