package org.computerwa.mining.policy.backtest;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.Scenario;

/**
 * Reads a {@link Scenario} (hashprice and AI margin as a step function of time) from CSV.
 *
 * <pre>{@code
 * Scenario s = ScenarioCsv.read(Path.of("hashprice_steps.csv"));
 * }</pre>
 *
 * <p>Columns: {@code timestamp_utc} (when the step starts, increasing),
 * {@code hashprice_usd_per_ph_day}, and optionally {@code ai_margin_usd_per_mwh} (0 when absent).
 *
 * @since 0.1.0
 */
public final class ScenarioCsv {
  /** Step start column. */
  public static final String TIMESTAMP = "timestamp_utc";
  /** Hashprice column, USD per (PH/s) per day. */
  public static final String HASHPRICE = "hashprice_usd_per_ph_day";
  /** Optional AI margin column, USD/MWh. */
  public static final String AI_MARGIN = "ai_margin_usd_per_mwh";

  private ScenarioCsv() {}

  /**
   * Reads a file.
   *
   * @param file the CSV file
   * @return the scenario
   * @throws ValidationException if the file cannot be read or a row is invalid (naming the line)
   */
  public static Scenario read(Path file) {
    return CsvRows.read(file, "scenario", ScenarioCsv::read);
  }

  /**
   * Reads CSV text.
   *
   * @param in the CSV text, header first
   * @return the scenario
   * @throws ValidationException if a row is invalid (naming the line)
   */
  public static Scenario read(Reader in) {
    List<Instant> from = new ArrayList<>();
    List<Double> hp = new ArrayList<>();
    List<Double> ai = new ArrayList<>();
    CsvRows.forEach(in, "scenario", row -> {
      from.add(row.instant(TIMESTAMP));
      hp.add(row.number(HASHPRICE));
      ai.add(row.text(AI_MARGIN) == null ? 0.0 : row.number(AI_MARGIN));
    });
    return Scenario.steps(from, hp.stream().mapToDouble(Double::doubleValue).toArray(),
        ai.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
