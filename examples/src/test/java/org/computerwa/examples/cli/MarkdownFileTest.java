package org.computerwa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFileTest {
  @TempDir Path dir;

  @Test
  void writesTheTextCreatingTheFolderAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a/b/report.md");
    MarkdownFile.write(file, "| x |\n");
    assertThat(file).hasContent("| x |");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void replacesAnEarlierReportWhole() throws IOException {
    Path file = Files.writeString(dir.resolve("report.md"), "a much longer earlier report\n".repeat(100));
    MarkdownFile.write(file, "new\n");
    assertThat(Files.readString(file)).isEqualTo("new\n");
  }

  @Test
  void aFolderOrAPathUnderAFileIsRefusedAndNothingIsLeftBehind() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain"), "kept");
    assertThatThrownBy(() -> MarkdownFile.write(dir, "x")).isInstanceOf(IOException.class).hasMessageContaining("directory");
    assertThatThrownBy(() -> MarkdownFile.write(plain.resolve("r.md"), "x")).isInstanceOf(IOException.class);
    assertThat(Files.readString(plain)).isEqualTo("kept");
    assertThat(Files.list(dir)).containsExactly(plain);
  }
}
