package org.computerwa.core.evidence.device;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the CSV that {@code nvidia-smi --query-gpu=timestamp,index,uuid,utilization.gpu,power.draw
 * --format=csv} prints (with or without {@code nounits}) into {@link GpuSample}s.
 *
 * <pre>{@code
 * // timestamp, index, uuid, utilization.gpu [%], power.draw [W]
 * // 2026/11/28 00:00:05.123, 0, GPU-604ac76c-..., 87 %, 245.31 W
 * List<GpuSample> samples = NvidiaSmiCsv.read(text, ZoneId.of("Europe/Berlin"));
 * }</pre>
 *
 * <p>The first line must be the header nvidia-smi prints (do not pass {@code noheader}); column
 * names may carry their unit in brackets ({@code utilization.gpu [%]}) and may come in any order.
 * Required columns: {@code timestamp}, {@code uuid}, {@code utilization.gpu}; {@code power.draw}
 * is read when present; other columns are ignored. A repeated identical header line (as when the
 * output of several runs is concatenated) is skipped. Values are checked strictly: a number with
 * the column's unit or without one; a bracketed message such as {@code [N/A]} or
 * {@code [GPU is lost]} in {@code utilization.gpu} makes the sample {@link GpuSample#down down},
 * in {@code power.draw} makes the power unknown. nvidia-smi prints the timestamp in the machine's
 * local time without a zone, so the caller names the zone; there is no default.
 *
 * <p>Stateless and thread-safe. Errors are {@link SampleFormatException}s naming the line.
 *
 * @since 0.1.0
 */
public final class NvidiaSmiCsv {
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
      .ofPattern("uuuu/MM/dd HH:mm:ss.SSS", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private NvidiaSmiCsv() {}

  /**
   * Reads the samples in file order.
   *
   * @param csv the text nvidia-smi printed
   * @param zone the zone of the machine that ran nvidia-smi (its timestamps are local time)
   * @return the samples, one per data line
   * @throws SampleFormatException naming the line, the text and the rule, for any malformed line
   */
  public static List<GpuSample> read(String csv, ZoneId zone) {
    List<GpuSample> samples = new ArrayList<>();
    try (JsonParser parser = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).createParser(csv)) {
      Columns columns = null;
      List<String> headerCells = null;
      JsonToken token;
      int nextLine = 1;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        // Rows are counted here: the CSV parser's own locations are not line-accurate.
        int line = nextLine;
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          String cell = parser.getText();
          nextLine += (int) cell.chars().filter(c -> c == '\n').count();
          cells.add(cell);
        }
        nextLine++;
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (columns == null) {
          columns = Columns.of(cells, line);
          headerCells = cells;
          continue;
        }
        if (cells.equals(headerCells)) {
          continue;
        }
        samples.add(columns.sample(cells, line, zone));
      }
      if (columns == null) {
        throw new SampleFormatException(1, "header", "", "must be the header row nvidia-smi prints");
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      // An error found at the end of input (an unclosed quote) is placed one line past the last
      // line; name the last line of the text instead.
      line = (int) Math.min(line, Math.max(1, csv.lines().count()));
      throw new SampleFormatException(line, "csv", e.getOriginalMessage(), "must be well-formed CSV");
    } catch (IOException e) {
      throw new SampleFormatException(0, "csv", String.valueOf(e.getMessage()), "must be readable CSV");
    }
    return samples;
  }

  /** Where the columns the sampler needs sit. */
  private static final class Columns {
    final int count;
    final int timestamp;
    final int uuid;
    final int utilization;
    final int power;
    final @Nullable String utilizationUnit;
    final @Nullable String powerUnit;

    private Columns(List<String> header) {
      count = header.size();
      timestamp = indexOf(header, "timestamp");
      uuid = indexOf(header, "uuid");
      utilization = indexOf(header, "utilization.gpu");
      power = indexOf(header, "power.draw");
      utilizationUnit = utilization < 0 ? null : unitOf(header.get(utilization));
      powerUnit = power < 0 ? null : unitOf(header.get(power));
    }

    static Columns of(List<String> header, int line) {
      Columns c = new Columns(header);
      for (String required : List.of("timestamp", "uuid", "utilization.gpu")) {
        if (indexOf(header, required) < 0) {
          throw new SampleFormatException(line, "header", String.join(", ", header),
              "must name a " + required + " column (query timestamp,uuid,utilization.gpu"
                  + " and print the header: no noheader)");
        }
      }
      if (c.utilizationUnit != null && !"%".equals(c.utilizationUnit)) {
        throw new SampleFormatException(line, "header", String.join(", ", header),
            "must give utilization.gpu in [%]");
      }
      if (c.powerUnit != null && !"W".equals(c.powerUnit)) {
        throw new SampleFormatException(line, "header", String.join(", ", header), "must give power.draw in [W]");
      }
      return c;
    }

    GpuSample sample(List<String> cells, int line, ZoneId zone) {
      if (cells.size() != count) {
        throw new SampleFormatException(line, "row", String.join(", ", cells),
            "must have " + count + " columns like the header, not " + cells.size());
      }
      String gpu = cells.get(uuid);
      if (gpu.isEmpty() || gpu.startsWith("[")) {
        throw new SampleFormatException(line, "uuid", gpu, "must be the GPU's UUID");
      }
      java.time.Instant time;
      try {
        time = LocalDateTime.parse(cells.get(timestamp), TIMESTAMP).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw new SampleFormatException(line, "timestamp", cells.get(timestamp),
            "must be YYYY/MM/DD HH:MM:SS.mmm as nvidia-smi prints it");
      }
      String util = cells.get(utilization);
      if (util.startsWith("[")) {
        return GpuSample.down(gpu, time, util);
      }
      BigDecimal utilization = number(util, "%", line, "utilization.gpu");
      if (utilization.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new SampleFormatException(line, "utilization.gpu", util, "must be in [0, 100] %");
      }
      BigDecimal watts = null;
      if (power >= 0 && !cells.get(power).startsWith("[")) {
        watts = number(cells.get(power), "W", line, "power.draw");
      }
      return GpuSample.up(gpu, time, utilization, watts);
    }

    private static BigDecimal number(String cell, String unit, int line, String column) {
      String digits = cell.endsWith(" " + unit) ? cell.substring(0, cell.length() - unit.length() - 1) : cell;
      if (!digits.matches("[0-9]+(\\.[0-9]+)?")) {
        throw new SampleFormatException(line, column, cell,
            "must be a non-negative decimal, optionally followed by ' " + unit + "', or a bracketed message");
      }
      return new BigDecimal(digits);
    }

    private static int indexOf(List<String> header, String name) {
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        int bracket = h.indexOf(" [");
        if ((bracket < 0 ? h : h.substring(0, bracket)).equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private static @Nullable String unitOf(String headerCell) {
      int open = headerCell.indexOf(" [");
      return open < 0 || !headerCell.endsWith("]") ? null : headerCell.substring(open + 2, headerCell.length() - 1);
    }
  }
}
