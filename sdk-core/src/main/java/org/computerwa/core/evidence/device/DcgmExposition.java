package org.computerwa.core.evidence.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Prometheus text exposition that NVIDIA's DCGM exporter serves on {@code /metrics} into
 * {@link GpuSample}s.
 *
 * <pre>{@code
 * // # HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).
 * // # TYPE DCGM_FI_DEV_GPU_UTIL gauge
 * // DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-604ac76c-..."} 87 1795824005123
 * List<GpuSample> samples = DcgmExposition.read(text);                  // timestamps on every line
 * List<GpuSample> one = DcgmExposition.read(scrape, Instant.now());    // a single scrape
 * }</pre>
 *
 * <p>The whole text is parsed strictly against the Prometheus text format (version 0.0.4): metric
 * and label names, quoted label values with their escapes, a value ({@code NaN} and
 * {@code +/-Inf} included), an optional millisecond timestamp; {@code # HELP} and {@code # TYPE}
 * lines, at most one of each per family, the {@code TYPE} before the family's samples. Any other
 * family is parsed and ignored. From {@code DCGM_FI_DEV_GPU_UTIL} (percent) and
 * {@code DCGM_FI_DEV_POWER_USAGE} (watts), joined on the {@code UUID} label and the sample time,
 * one sample per GPU and instant is made: up when a utilization was reported, with the power if one
 * was. A GPU the exporter left out of a scrape has no sample for that instant: the sampler counts
 * the time as unobserved, never as up.
 *
 * <p>Stateless and thread-safe. Errors are {@link SampleFormatException}s naming the line.
 *
 * @since 0.1.0
 */
public final class DcgmExposition {
  /** The utilization family, in percent. */
  public static final String GPU_UTIL = "DCGM_FI_DEV_GPU_UTIL";
  /** The power family, in watts. */
  public static final String POWER_USAGE = "DCGM_FI_DEV_POWER_USAGE";

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private DcgmExposition() {}

  /**
   * Reads an exposition in which every sample line carries its timestamp.
   *
   * @param text the exposition text
   * @return one sample per GPU and instant, ordered by first appearance
   * @throws SampleFormatException for malformed text, or a DCGM line without a timestamp
   */
  public static List<GpuSample> read(String text) {
    return parse(text, null);
  }

  /**
   * Reads one scrape; lines without a timestamp are taken at {@code scrapedAt}.
   *
   * @param text the exposition text
   * @param scrapedAt when the scrape was taken
   * @return one sample per GPU and instant
   * @throws SampleFormatException for malformed text
   */
  public static List<GpuSample> read(String text, Instant scrapedAt) {
    return parse(text, Objects.requireNonNull(scrapedAt, "scrapedAt"));
  }

  private static List<GpuSample> parse(String text, @Nullable Instant scrapedAt) {
    Map<String, Integer> typeLines = new HashMap<>();
    Set<String> helpSeen = new HashSet<>();
    Set<String> familiesWithSamples = new HashSet<>();
    Map<Key, Reading> readings = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        comment(line, lineNo, typeLines, helpSeen, familiesWithSamples);
        continue;
      }
      Sample s = new LineParser(line, lineNo).sample();
      familiesWithSamples.add(s.name);
      boolean util = s.name.equals(GPU_UTIL);
      if (!util && !s.name.equals(POWER_USAGE)) {
        continue;
      }
      String uuid = s.labels.get("UUID");
      if (uuid == null || uuid.isBlank()) {
        throw new SampleFormatException(lineNo, "labels", line, "must carry the GPU's UUID label");
      }
      if (!Double.isFinite(s.value)) {
        throw new SampleFormatException(lineNo, "value", line, "must be a finite number for " + s.name);
      }
      Instant time = s.timestampMillis != null ? Instant.ofEpochMilli(s.timestampMillis) : scrapedAt;
      if (time == null) {
        throw new SampleFormatException(lineNo, "timestamp", line,
            "must be present (milliseconds since the epoch) when no scrape time is given");
      }
      Reading r = readings.computeIfAbsent(new Key(uuid, time), k -> new Reading());
      BigDecimal value = new BigDecimal(s.rawValue);
      if (util) {
        if (r.utilization != null) {
          throw new SampleFormatException(lineNo, "sample", line, "must not repeat " + GPU_UTIL + " for one GPU and time");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw new SampleFormatException(lineNo, "value", s.rawValue, "must be in [0, 100] for " + GPU_UTIL);
        }
        r.utilization = value;
      } else {
        if (r.power != null) {
          throw new SampleFormatException(lineNo, "sample", line, "must not repeat " + POWER_USAGE + " for one GPU and time");
        }
        if (value.signum() < 0) {
          throw new SampleFormatException(lineNo, "value", s.rawValue, "must be >= 0 for " + POWER_USAGE);
        }
        r.power = value;
      }
    }
    List<GpuSample> out = new ArrayList<>(readings.size());
    for (Map.Entry<Key, Reading> e : readings.entrySet()) {
      Reading r = e.getValue();
      out.add(r.utilization != null
          ? GpuSample.up(e.getKey().uuid(), e.getKey().time(), r.utilization, r.power)
          : GpuSample.down(e.getKey().uuid(), e.getKey().time(), "no " + GPU_UTIL + " reported"));
    }
    return out;
  }

  private static void comment(String line, int lineNo, Map<String, Integer> typeLines, Set<String> helpSeen,
      Set<String> familiesWithSamples) {
    String[] parts = line.substring(1).strip().split("[ \t]+", 3);
    if (parts.length < 2 || !(parts[0].equals("HELP") || parts[0].equals("TYPE"))) {
      return; // an ordinary comment
    }
    String name = parts[1];
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new SampleFormatException(lineNo, "metric name", name, "must match [a-zA-Z_:][a-zA-Z0-9_:]*");
    }
    if (parts[0].equals("HELP")) {
      if (!helpSeen.add(name)) {
        throw new SampleFormatException(lineNo, "HELP", line, "must appear at most once per metric family");
      }
      return;
    }
    if (parts.length != 3 || !TYPES.contains(parts[2].strip())) {
      throw new SampleFormatException(lineNo, "TYPE", line, "must be one of counter, gauge, histogram, summary, untyped");
    }
    if (typeLines.putIfAbsent(name, lineNo) != null) {
      throw new SampleFormatException(lineNo, "TYPE", line,
          "must appear at most once per metric family (first on line " + typeLines.get(name) + ")");
    }
    if (familiesWithSamples.contains(name)) {
      throw new SampleFormatException(lineNo, "TYPE", line, "must come before the family's first sample");
    }
  }

  /** One GPU at one scrape time: the readings of its families are merged under it. */
  private record Key(String uuid, Instant time) {}

  private static final class Reading {
    @Nullable BigDecimal utilization;
    @Nullable BigDecimal power;
  }

  private static final class Sample {
    final String name;
    final Map<String, String> labels;
    final String rawValue;
    final double value;
    final @Nullable Long timestampMillis;

    Sample(String name, Map<String, String> labels, String rawValue, double value, @Nullable Long timestampMillis) {
      this.name = name;
      this.labels = labels;
      this.rawValue = rawValue;
      this.value = value;
      this.timestampMillis = timestampMillis;
    }
  }

  /** A cursor over one sample line. */
  private static final class LineParser {
    private final String line;
    private final int lineNo;
    private int pos;

    LineParser(String line, int lineNo) {
      this.line = line;
      this.lineNo = lineNo;
    }

    Sample sample() {
      int start = pos;
      while (pos < line.length() && line.charAt(pos) != '{' && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
        pos++;
      }
      String name = line.substring(start, pos);
      if (!METRIC_NAME.matcher(name).matches()) {
        throw new SampleFormatException(lineNo, "metric name", name, "must match [a-zA-Z_:][a-zA-Z0-9_:]*");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (pos < line.length() && line.charAt(pos) == '{') {
        pos++;
        labels(labels);
      }
      if (pos >= line.length() || line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
        throw new SampleFormatException(lineNo, "sample", line, "must separate the value from the name by a blank");
      }
      String[] rest = line.substring(pos).strip().split("[ \t]+", -1);
      if (rest.length < 1 || rest[0].isEmpty() || rest.length > 2) {
        throw new SampleFormatException(lineNo, "sample", line, "must be: name{labels} value [timestamp]");
      }
      double value = value(rest[0]);
      Long ts = null;
      if (rest.length == 2) {
        if (!rest[1].matches("-?[0-9]{1,18}")) {
          throw new SampleFormatException(lineNo, "timestamp", rest[1], "must be an integer count of milliseconds since the epoch");
        }
        ts = Long.parseLong(rest[1]);
      }
      return new Sample(name, labels, rest[0], value, ts);
    }

    private double value(String text) {
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "+Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          if (!FLOAT.matcher(text).matches()) {
            throw new SampleFormatException(lineNo, "value", text, "must be a number, NaN, +Inf or -Inf");
          }
          return Double.parseDouble(text);
      }
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipBlanks();
        if (peek() == '}') {
          pos++;
          return;
        }
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != '=' && line.charAt(pos) != ' ' && line.charAt(pos) != '}') {
          pos++;
        }
        String name = line.substring(start, pos);
        if (!LABEL_NAME.matcher(name).matches()) {
          throw new SampleFormatException(lineNo, "label name", name, "must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        skipBlanks();
        expect('=');
        skipBlanks();
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
          if (pos >= line.length()) {
            throw new SampleFormatException(lineNo, "label " + name, line, "must close its quoted value");
          }
          char c = line.charAt(pos++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            char e = pos < line.length() ? line.charAt(pos++) : ' ';
            if (e == '\\' || e == '"') {
              value.append(e);
            } else if (e == 'n') {
              value.append('\n');
            } else {
              throw new SampleFormatException(lineNo, "label " + name, line, "may only escape \\\\, \\\" and \\n");
            }
          } else {
            value.append(c);
          }
        }
        if (labels.put(name, value.toString()) != null) {
          throw new SampleFormatException(lineNo, "label " + name, line, "must not appear twice on one sample");
        }
        skipBlanks();
        char next = peek();
        if (next == ',') {
          pos++;
        } else if (next != '}') {
          throw new SampleFormatException(lineNo, "labels", line, "must be separated by ',' and closed by '}'");
        }
      }
    }

    private char peek() {
      if (pos >= line.length()) {
        throw new SampleFormatException(lineNo, "labels", line, "must be closed by '}'");
      }
      return line.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new SampleFormatException(lineNo, "labels", line, "must have '" + c + "' at column " + (pos + 1));
      }
      pos++;
    }

    private void skipBlanks() {
      while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
        pos++;
      }
    }
  }
}
