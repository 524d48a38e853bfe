package org.computerwa.examples.quickstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The machine report: one JSON object, {@code {"ok", "checks", "failed", "steps": [{"step", "title",
 * "ok", "millis", "error"?, "checks": [{"name", "ok", "actual", "expected"}], "figures": {...},
 * "transactions": [{"action", "hash", "gas"}]}]}}. Exact integers (token base units, ids, hash
 * rates) are strings, so no reader loses precision past 2^53.
 */
final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String render(Report report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ok", report.ok());
    root.put("checks", report.checkCount());
    root.put("failed", report.failedCount());
    ArrayNode list = root.putArray("steps");
    for (Report.Step s : report.steps()) {
      ObjectNode n = list.addObject();
      n.put("step", s.number);
      n.put("title", s.title);
      n.put("ok", s.ok());
      n.put("millis", s.millis);
      if (s.error != null) {
        n.put("error", s.error);
      }
      ArrayNode checks = n.putArray("checks");
      for (Report.Check c : s.checks) {
        ObjectNode cn = checks.addObject();
        cn.put("name", c.name);
        cn.put("ok", c.ok);
        cn.put("actual", c.actual);
        cn.put("expected", c.expected);
      }
      n.set("figures", JSON.valueToTree(s.figures));
      n.set("transactions", JSON.valueToTree(s.transactions));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report holds only maps, lists, strings and numbers", e);
    }
  }
}
