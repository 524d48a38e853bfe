package org.computerwa.examples.site;

import java.util.List;
import java.util.Map;

/**
 * The {@code site replay} summary as Markdown, for a page that shows what a run found: the
 * run's figures, each group of figures (evidence, revenue by use, settlement) as a table, and every
 * check with the figure produced beside the one it was checked against. It renders the same map
 * the {@code --json} output prints, so the two cannot disagree.
 */
final class SiteReplayMarkdown {
  private SiteReplayMarkdown() {}

  static String render(Map<String, Object> summary) {
    StringBuilder md = new StringBuilder();
    md.append("| figure | value |\n| --- | --- |\n");
    summary.forEach((key, value) -> {
      if (!(value instanceof Map) && !(value instanceof List)) {
        md.append("| ").append(cell(key)).append(" | ").append(cell(String.valueOf(value))).append(" |\n");
      }
    });
    summary.forEach((key, value) -> {
      if (value instanceof Map<?, ?> group) {
        md.append("\n#### ").append(key).append("\n\n| figure | value |\n| --- | --- |\n");
        rows(md, "", group);
      }
    });
    Object checks = summary.get("checks");
    if (checks instanceof List<?> list) {
      md.append("\n#### checks\n\n| check | produced | checked against | |\n| --- | --- | --- | --- |\n");
      for (Object o : list) {
        Map<?, ?> c = (Map<?, ?>) o;
        md.append("| ").append(cell(String.valueOf(c.get("check")))).append(" | `")
            .append(cell(String.valueOf(c.get("actual")))).append("` | `")
            .append(cell(String.valueOf(c.get("expected")))).append("` | ")
            .append(Boolean.TRUE.equals(c.get("holds")) ? "holds" : "**does not hold**").append(" |\n");
      }
    }
    return md.toString();
  }

  /** Nested groups and lists flatten into dotted names: {@code leases.0.gross}. */
  private static void rows(StringBuilder md, String prefix, Map<?, ?> group) {
    group.forEach((k, v) -> {
      String name = prefix + k;
      if (v instanceof Map<?, ?> inner) {
        rows(md, name + ".", inner);
      } else if (v instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          if (item instanceof Map<?, ?> inner) {
            rows(md, name + "." + i + ".", inner);
          } else {
            md.append("| ").append(cell(name + "." + i)).append(" | ").append(cell(String.valueOf(item))).append(" |\n");
          }
        }
      } else {
        md.append("| ").append(cell(name)).append(" | ").append(cell(String.valueOf(v))).append(" |\n");
      }
    });
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
