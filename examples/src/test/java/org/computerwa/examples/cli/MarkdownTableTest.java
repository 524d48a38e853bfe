package org.computerwa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

  @Test
  void rendersHeaderAlignmentAndRows() {
    String md = MarkdownTable.withColumns("index", "valid").alignRight(0).row(0, "yes").row(1, null).toString();
    assertThat(md).isEqualTo("| index | valid |\n| ---: | --- |\n| 0 | yes |\n| 1 | - |\n");
  }

  @Test
  void aCellCannotSplitOrEndTheTable() {
    String md = MarkdownTable.withColumns("a", "b").row("x|y", "line\nbreak\\|").toString();
    assertThat(md).endsWith("| x\\|y | line break\\\\\\| |\n");
    // Every row still has exactly the table's unescaped separators.
    String row = md.split("\n")[2];
    assertThat(row.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(3);
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> MarkdownTable.withColumns("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("1 cells for 2 columns");
  }
}
