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
 * that says where, when and how it ran ({@code NAME.conditions.json}: {@code command},
 * {@code started}, {@code machine}, {@code jdk}, optionally {@code finished}, {@code loadAverage},
 * {@code note}).
 *
 * @param name the file name without {@code .json}
 * @param results one entry per benchmark method and parameter combination, in file order
 * @param conditions the conditions, in file order
 * @param settings JMH's own settings of the run (forks, warm-up, measurement, JMH version)
 */
public record JmhRun(
    String name, List<Result> results, Map<String, String> conditions, String settings) {

  /** The conditions every kept run must state. */
  public static final List<String> REQUIRED_CONDITIONS = List.of("command", "started", "machine", "jdk");

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
    Path conditionsFile = json.resolveSibling(name + ".conditions.json");
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
      results.add(
          new Result(
              parts[parts.length - 1],
              parts.length > 1 ? parts[parts.length - 2] : "",
              params,
              text(b, "mode", json),
              metric.path("score").asDouble(),
              metric.path("scoreError").isNumber() ? metric.path("scoreError").asDouble() : Double.NaN,
              text(metric, "scoreUnit", json)));
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
    if (!Files.isRegularFile(conditionsFile)) {
      throw new SiteSourceException(
          json + " has no conditions file " + conditionsFile.getFileName()
              + " (machine, JDK, date and the exact command; site/record-jmh.sh writes both)");
    }
    JsonNode c = parse(mapper, conditionsFile);
    Map<String, String> conditions = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new SiteSourceException(conditionsFile + ": '" + e.getKey() + "' must be a non-empty string");
      }
      conditions.put(e.getKey(), e.getValue().asText());
    }
    for (String required : REQUIRED_CONDITIONS) {
      if (!conditions.containsKey(required)) {
        throw new SiteSourceException(conditionsFile + ": '" + required + "' is required");
      }
    }
    return new JmhRun(name, List.copyOf(results), java.util.Collections.unmodifiableMap(conditions), settings);
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
