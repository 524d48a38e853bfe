package org.computerwa.examples.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown table built row by row; cell text is escaped so that a value holding {@code |} or
 * a line break cannot split or end the table.
 *
 * <pre>{@code
 * String md = MarkdownTable.withColumns("index", "valid")
 *     .alignRight(0)
 *     .row(0, "yes")
 *     .toString();
 * }</pre>
 */
public final class MarkdownTable {
  private final List<String> columns;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  private MarkdownTable(List<String> columns) {
    this.columns = columns;
    this.right = new boolean[columns.size()];
  }

  /**
   * Starts a table.
   *
   * @param columns the column titles, at least one
   * @return an empty table with these columns
   * @throws IllegalArgumentException when no column is given
   */
  public static MarkdownTable withColumns(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    return new MarkdownTable(List.of(columns));
  }

  /**
   * Aligns columns to the right, as numbers read best.
   *
   * @param indexes the columns, from 0
   * @return this table
   */
  public MarkdownTable alignRight(int... indexes) {
    for (int i : indexes) {
      right[i] = true;
    }
    return this;
  }

  /**
   * Adds a row; a {@code null} cell shows as {@code -}.
   *
   * @param cells one value per column, shown with {@link String#valueOf(Object)}
   * @return this table
   * @throws IllegalArgumentException when the number of cells is not the number of columns
   */
  public MarkdownTable row(@Nullable Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(c == null ? "-" : cell(String.valueOf(c)));
    }
    rows.add(row);
    return this;
  }

  /**
   * Text as a table cell: {@code |} escaped, line breaks as spaces.
   *
   * @param text any text
   * @return the text safe inside a table cell
   */
  public static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * The table in Markdown: the header, the alignment line and the rows, each ending with a newline.
   *
   * @return the table
   */
  @Override
  public String toString() {
    StringBuilder md = new StringBuilder("|");
    columns.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
    md.append("\n|");
    for (boolean r : right) {
      md.append(r ? " ---: |" : " --- |");
    }
    md.append('\n');
    for (List<String> row : rows) {
      md.append('|');
      row.forEach(c -> md.append(' ').append(c).append(" |"));
      md.append('\n');
    }
    return md.toString();
  }
}
