package org.computerwa.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kept JMH run: the file JMH wrote with {@code -rf json} and, beside it, the conditions file
 * that says where, when and how it ran ({@code NAME.conditions.json} with {@code command},
 * {@code started}, {@code machine}, {@code jdk} and optionally {@code finished},
 * {@code loadAverage}, {@code note}; or the same as {@code key=value} lines in
 * {@code NAME.properties} or {@code NAME.txt}).
 *
 * @param name the file name without {@code .json}
 * @param results one entry per benchmark method and parameter combination, in file order
 * @param conditions the conditions, in file order
 * @param settings JMH's own settings of the run (forks, warm-up, measurement, JMH version)
 */
public record JmhRun(
    String name, List<Result> results, Map<String, String> conditions, String settings) {

  /**
   * One benchmark result.
   *
   * @param method the benchmark method (simple name)
   * @param benchmarkClass the benchmark class (simple name)
   * @param params JMH parameters, in file order
   * @param mode JMH mode ({@code thrpt}, {@code avgt}, ...)
   * @param score the primary metric's score
   * @param error its 99.9 % error, NaN when JMH could not compute one
   * @param unit the score's unit
   */
  public record Result(
      String method,
      String benchmarkClass,
      Map<String, String> params,
      String mode,
      double score,
      double error,
      String unit) {

    /**
     * The method with its parameters, as pages name it: {@code verify[threads=2]}.
     *
     * @return the label
     */
    public String label() {
      if (params.isEmpty()) {
        return method;
      }
      StringBuilder sb = new StringBuilder(method).append('[');
      params.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append(k).append('=').append(v));
      return sb.append(']').toString();
    }
  }

  /**
   * Reads {@code DIR/NAME.json} and {@code DIR/NAME.conditions.json}.
   *
   * @param json the JMH result file
   * @return the run
   * @throws SiteSourceException when either file is missing or malformed
   */
  public static JmhRun read(Path json) {
    String file = json.getFileName().toString();
    String name = file.substring(0, file.length() - ".json".length());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = parse(mapper, json);
    if (!root.isArray() || root.isEmpty()) {
      throw new SiteSourceException(json + ": a JMH result file (-rf json) is a non-empty array");
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode b : root) {
      String benchmark = text(b, "benchmark", json);
      JsonNode metric = b.path("primaryMetric");
      if (!metric.path("score").isNumber()) {
        throw new SiteSourceException(json + ": " + benchmark + " has no primaryMetric.score");
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        params.put(p.getKey(), p.getValue().asText());
      }
      String[] parts = benchmark.split("\\.");
      String benchmarkClass = parts.length > 1 ? parts[parts.length - 2] : "";
      String mode = text(b, "mode", json);
      results.add(
          new Result(
              parts[parts.length - 1],
              benchmarkClass,
              params,
              mode,
              metric.path("score").asDouble(),
              metric.path("scoreError").isNumber() ? metric.path("scoreError").asDouble() : Double.NaN,
              text(metric, "scoreUnit", json)));
      // A JMH group (@Group) reports each of its methods as a secondary metric named after the
      // method; those are the scores that paired benchmarks compare. Profiler metrics start with
      // a middle dot and are left out.
      for (Iterator<Map.Entry<String, JsonNode>> it = b.path("secondaryMetrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (!m.getKey().matches("[A-Za-z_$][\\w$]*") || !m.getValue().path("score").isNumber()) {
          continue;
        }
        JsonNode member = m.getValue();
        results.add(
            new Result(
                m.getKey(),
                benchmarkClass,
                params,
                mode,
                member.path("score").asDouble(),
                member.path("scoreError").isNumber() ? member.path("scoreError").asDouble() : Double.NaN,
                text(member, "scoreUnit", json)));
      }
    }
    JsonNode first = root.get(0);
    String settings =
        String.format(
            "JMH %s, %s fork(s), %s warm-up iteration(s) of %s, %s measurement iteration(s) of %s, %s thread(s), %s %s",
            first.path("jmhVersion").asText("?"),
            first.path("forks").asText("?"),
            first.path("warmupIterations").asText("?"),
            first.path("warmupTime").asText("?"),
            first.path("measurementIterations").asText("?"),
            first.path("measurementTime").asText("?"),
            first.path("threads").asText("?"),
            first.path("vmName").asText("?"),
            first.path("vmVersion").asText("?"));
    Map<String, String> conditions = conditions(json, name, mapper);
    return new JmhRun(name, List.copyOf(results), java.util.Collections.unmodifiableMap(conditions), settings);
  }

  /**
   * Reads the conditions beside a result: {@code NAME.conditions.json} (an object of strings), or
   * {@code NAME.properties} / {@code NAME.txt} ({@code key=value} lines, {@code #} comments).
   * Whatever the form, it must give the command, a date, the machine and the JDK.
   */
  private static Map<String, String> conditions(Path json, String name, ObjectMapper mapper) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Path file = null;
    for (String suffix : List.of(".conditions.json", ".properties", ".txt")) {
      Path candidate = json.resolveSibling(name + suffix);
      if (Files.isRegularFile(candidate)) {
        file = candidate;
        break;
      }
    }
    if (file == null) {
      throw new SiteSourceException(
          json + " has no conditions file " + name + ".conditions.json (or " + name + ".properties / "
              + name + ".txt): machine, JDK, date and the exact command; site/record-jmh.sh writes both");
    }
    if (file.toString().endsWith(".json")) {
      JsonNode c = parse(mapper, file);
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          throw new SiteSourceException(file + ": '" + e.getKey() + "' must be a non-empty string");
        }
        conditions.put(e.getKey(), e.getValue().asText());
      }
    } else {
      for (String line : Snippets.read(file).split("\\R")) {
        int eq = line.indexOf('=');
        if (line.isBlank() || line.startsWith("#") || eq <= 0) {
          continue;
        }
        conditions.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    List<String> missing = new ArrayList<>();
    if (!conditions.containsKey("command")) {
      missing.add("command");
    }
    if (conditions.keySet().stream().noneMatch(k -> k.startsWith("started") || k.startsWith("date"))) {
      missing.add("started (or date...)");
    }
    if (conditions.keySet().stream().noneMatch(k -> k.equals("machine") || k.equals("cpu"))) {
      missing.add("machine (or cpu)");
    }
    if (!conditions.containsKey("jdk")) {
      missing.add("jdk");
    }
    if (!missing.isEmpty()) {
      throw new SiteSourceException(file + ": " + String.join(", ", missing) + " required");
    }
    return java.util.Collections.unmodifiableMap(conditions);
  }

  /**
   * The date the run started, whichever key its conditions file used.
   *
   * @return the start date
   */
  public String started() {
    return conditions.entrySet().stream()
        .filter(e -> e.getKey().startsWith("started") || e.getKey().startsWith("date"))
        .map(Map.Entry::getValue).findFirst().orElse("");
  }

  /**
   * Finds a result by its label ({@link Result#label()}).
   *
   * @param label the method with its parameters
   * @return the result, if the run has it
   */
  public Optional<Result> find(String label) {
    return results.stream().filter(r -> r.label().equals(label)).findFirst();
  }

  private static JsonNode parse(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new SiteSourceException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, Path file) {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      throw new SiteSourceException(file + ": '" + field + "' is missing or not a string");
    }
    return v.asText();
  }
}
