package org.computerwa.site;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a JSON report that a command wrote (for example {@code computerwa backtest --json}) as
 * Markdown tables, whatever its fields: the scalar fields of the object (nested objects flattened
 * to dotted names) in one table, each array of objects in a table of its own. Values are printed
 * as the JSON holds them, so the page shows exactly what the tool wrote.
 */
public final class JsonReport {
  private static final int MAX_ROWS = 200;

  private JsonReport() {}

  /**
   * Reads and renders one report.
   *
   * @param file the JSON file
   * @return Markdown, ending with a newline
   * @throws SiteSourceException when the file is not a JSON object
   */
  public static String render(Path file) {
    JsonNode root;
    try {
      // Decimals stay as written (18317224.60, not 1.83172246E7).
      ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
      mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
      root = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new SiteSourceException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SiteSourceException(file + ": a report is one JSON object");
    }
    Map<String, String> scalars = new LinkedHashMap<>();
    Map<String, JsonNode> arrays = new LinkedHashMap<>();
    flatten("", root, scalars, arrays);
    StringBuilder sb = new StringBuilder();
    MarkdownTable fields = MarkdownTable.of("field", "value");
    scalars.forEach(fields::row);
    if (fields.size() > 0) {
      sb.append(fields.render());
    }
    for (Map.Entry<String, JsonNode> a : arrays.entrySet()) {
      sb.append("\n**").append(a.getKey()).append("**");
      JsonNode array = a.getValue();
      if (array.size() > MAX_ROWS) {
        sb.append(" (first ").append(MAX_ROWS).append(" of ").append(array.size()).append(")");
      }
      sb.append("\n\n").append(arrayTable(array).render());
    }
    return sb.toString();
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> scalars, Map<String, JsonNode> arrays) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, scalars, arrays);
      } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
        arrays.put(key, v);
      } else {
        scalars.put(key, cell(v));
      }
    }
  }

  private static MarkdownTable arrayTable(JsonNode array) {
    Set<String> columns = new LinkedHashSet<>();
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode element : array) {
      if (rows.size() == MAX_ROWS) {
        break;
      }
      Map<String, String> row = new LinkedHashMap<>();
      Map<String, JsonNode> nested = new LinkedHashMap<>();
      flatten("", element, row, nested);
      nested.forEach((k, v) -> row.put(k, v.size() + " entries"));
      columns.addAll(row.keySet());
      rows.add(row);
    }
    MarkdownTable t = MarkdownTable.of(columns.toArray(String[]::new));
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(row.getOrDefault(c, ""));
      }
      t.row(cells);
    }
    return t;
  }

  private static String cell(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBigDecimal()) {
      return v.decimalValue().toPlainString();
    }
    return v.toString();
  }
}
