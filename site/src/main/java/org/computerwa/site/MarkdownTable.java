package org.computerwa.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown pipe table: a header, alignments and rows of cells, with pipes and line breaks in
 * cells escaped so that a value can never break the table.
 */
public final class MarkdownTable {
  private final List<String> header;
  private final List<Boolean> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  private MarkdownTable(List<String> header, List<Boolean> rightAligned) {
    this.header = header;
    this.rightAligned = rightAligned;
  }

  /**
   * Starts a table; a column whose name ends with {@code >} is right-aligned (the marker is
   * dropped).
   *
   * @param columns the column names
   * @return the empty table
   */
  public static MarkdownTable of(String... columns) {
    List<String> names = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (String c : columns) {
      boolean r = c.endsWith(">");
      names.add(r ? c.substring(0, c.length() - 1) : c);
      right.add(r);
    }
    return new MarkdownTable(names, right);
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   * @throws IllegalArgumentException when the row has the wrong number of cells
   */
  public MarkdownTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells, the table " + header.size() + " columns: " + cells);
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   */
  public MarkdownTable row(String... cells) {
    return row(List.of(cells));
  }

  /**
   * The number of rows added.
   *
   * @return the row count
   */
  public int size() {
    return rows.size();
  }

  /**
   * The table as Markdown, ending with a newline.
   *
   * @return the Markdown
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    sb.append('|');
    for (boolean r : rightAligned) {
      sb.append(r ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (List<String> row : rows) {
      line(sb, row);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(escape(c)).append(" |");
    }
    sb.append('\n');
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
