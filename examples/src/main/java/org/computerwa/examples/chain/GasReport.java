package org.computerwa.examples.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The measured gas table: one row per operation, one column per holder count, with the target
 * and whether the cost is independent of the number of holders.
 *
 * <pre>{@code
 * GasReport report = GasReport.of(bench.measurements(), List.of(10, 1000));
 * out.print(report.toText());
 * }</pre>
 */
public final class GasReport {
  private final List<Row> rows;
  private final List<Integer> holderCounts;
  private final String environment;
  private final Map<String, String> notes;

  /** One operation with its gas at each holder count (or once, for one-off operations). */
  static final class Row {
    final String scenario;
    final String operation;
    final Map<Integer, Long> gasByHolders = new LinkedHashMap<>();
    OptionalLong target = OptionalLong.empty();

    Row(String scenario, String operation) {
      this.scenario = scenario;
      this.operation = operation;
    }

    boolean oneOff() {
      return gasByHolders.containsKey(GasBench.ONE_OFF);
    }

    long max() {
      return gasByHolders.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    long min() {
      return gasByHolders.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    boolean withinTarget() {
      return target.isEmpty() || max() <= target.getAsLong();
    }
  }

  private GasReport(
      List<Row> rows, List<Integer> holderCounts, String environment, Map<String, String> notes) {
    this.notes = new LinkedHashMap<>(notes);
    this.rows = rows;
    this.holderCounts = holderCounts;
    this.environment = environment;
  }

  /**
   * Builds the report from measurements.
   *
   * @param measurements what the scenarios recorded
   * @param holderCounts the holder counts measured at
   * @param environment a line saying what was measured on (compiler, node)
   * @param notes explanations by operation
   * @return the report
   */
  public static GasReport of(
      List<GasMeasurement> measurements,
      List<Integer> holderCounts,
      String environment,
      Map<String, String> notes) {
    Map<String, Row> byKey = new LinkedHashMap<>();
    for (GasMeasurement m : measurements) {
      Row row =
          byKey.computeIfAbsent(
              m.scenario() + "\u0000" + m.operation(), k -> new Row(m.scenario(), m.operation()));
      row.gasByHolders.put(m.holders(), m.gasUsed());
      if (m.target().isPresent()) {
        row.target = m.target();
      }
    }
    return new GasReport(
        new ArrayList<>(byKey.values()), List.copyOf(holderCounts), environment, notes);
  }

  /**
   * Whether every operation with a target stayed within it.
   *
   * @return true when all targets are met
   */
  public boolean allWithinTarget() {
    return rows.stream().allMatch(Row::withinTarget);
  }

  /**
   * Whether every operation measured at several holder counts cost the same at each.
   *
   * @return true when holder-independent
   */
  public boolean allIndependentOfHolders() {
    return rows.stream().filter(r -> !r.oneOff()).allMatch(r -> r.max() == r.min());
  }

  private static String gas(long g) {
    return String.format(Locale.ROOT, "%,d", g);
  }

  /**
   * The report as a plain-text table.
   *
   * @return the table, ending with a newline
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Gas used per operation (").append(environment).append(")\n\n");
    List<String> header = new ArrayList<>(List.of("scenario", "operation"));
    for (int h : holderCounts) {
      header.add(h + " holders");
    }
    header.addAll(List.of("target", "same at every count", "within target"));
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    for (Row r : rows) {
      if (r.oneOff()) {
        continue;
      }
      List<String> line = new ArrayList<>(List.of(r.scenario, r.operation));
      for (int h : holderCounts) {
        Long g = r.gasByHolders.get(h);
        line.add(g == null ? "-" : gas(g));
      }
      line.add(r.target.isPresent() ? gas(r.target.getAsLong()) : "-");
      line.add(r.max() == r.min() ? "yes" : "no (" + gas(r.max() - r.min()) + " apart)");
      line.add(r.target.isPresent() ? (r.withinTarget() ? "yes" : "NO") : "-");
      table.add(line);
    }
    appendTable(sb, table);
    if (!notes.isEmpty()) {
      sb.append('\n');
      notes.forEach((op, note) -> sb.append("* ").append(op).append(": ").append(note).append('\n'));
    }
    sb.append("\nOne-off operations\n\n");
    List<List<String>> oneOffs = new ArrayList<>();
    oneOffs.add(List.of("scenario", "operation", "gas", "target", "within target"));
    for (Row r : rows) {
      if (r.oneOff()) {
        oneOffs.add(
            List.of(
                r.scenario,
                r.operation,
                gas(r.max()),
                r.target.isPresent() ? gas(r.target.getAsLong()) : "-",
                r.target.isPresent() ? (r.withinTarget() ? "yes" : "NO") : "-"));
      }
    }
    appendTable(sb, oneOffs);
    return sb.toString();
  }

  private static void appendTable(StringBuilder sb, List<List<String>> table) {
    int cols = table.get(0).size();
    int[] width = new int[cols];
    for (List<String> line : table) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    for (List<String> line : table) {
      StringBuilder l = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String cell = line.get(c);
        boolean numeric = c >= 2 && !cell.isEmpty() && Character.isDigit(cell.charAt(0));
        String pad = " ".repeat(width[c] - cell.length());
        l.append(numeric ? pad + cell : cell + pad);
        if (c < cols - 1) {
          l.append("  ");
        }
      }
      sb.append(l.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * The report as JSON: the raw measurements and one summary per operation.
   *
   * @return pretty-printed JSON, ending with a newline
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("environment", environment);
    ArrayNode counts = root.putArray("holderCounts");
    holderCounts.forEach(counts::add);
    ArrayNode ops = root.putArray("operations");
    for (Row r : rows) {
      ObjectNode o = ops.addObject();
      o.put("scenario", r.scenario);
      o.put("operation", r.operation);
      if (r.oneOff()) {
        o.put("gas", r.max());
      } else {
        ObjectNode byHolders = o.putObject("gasByHolders");
        r.gasByHolders.forEach((h, g) -> byHolders.put(Integer.toString(h), g));
        o.put("independentOfHolders", r.max() == r.min());
      }
      if (r.target.isPresent()) {
        o.put("target", r.target.getAsLong());
        o.put("withinTarget", r.withinTarget());
      }
      if (notes.containsKey(r.operation)) {
        o.put("note", notes.get(r.operation));
      }
    }
    root.put("allWithinTarget", allWithinTarget());
    root.put("allIndependentOfHolders", allIndependentOfHolders());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
