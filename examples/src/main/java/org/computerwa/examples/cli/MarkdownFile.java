package org.computerwa.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.computerwa.core.ValidationException;

/**
 * Writes a command's Markdown report so that the file is either the whole report or untouched:
 * the text goes to a temporary file beside the target, which then replaces the target in one
 * rename. A reader never sees half a report, and a failed write leaves the previous file.
 *
 * <pre>{@code
 * MarkdownFile.write(Path.of("report.md"), markdown);
 * }</pre>
 */
public final class MarkdownFile {
  private MarkdownFile() {}

  /**
   * Refuses a report path that is one of the command's input files, before any work is done: the
   * report would replace what it reports on.
   *
   * @param file the report path
   * @param inputs the files the command reads
   * @throws ValidationException naming {@code --markdown} when the report path is an input
   */
  public static void refuseInput(Path file, Path... inputs) {
    for (Path input : inputs) {
      try {
        if (Files.exists(file) && Files.exists(input) && Files.isSameFile(file, input)) {
          throw new ValidationException("--markdown", file, "must not be the input file " + input);
        }
      } catch (IOException e) {
        // Unreadable paths are reported where they are read or written, with their own message.
      }
    }
  }

  /**
   * Writes the Markdown to a file, creating its folder; the file appears complete or not at all.
   *
   * @param file where to write
   * @param markdown the text, written as UTF-8
   * @throws IOException when the folder cannot be created, the file is a directory, or it cannot
   *     be written
   */
  public static void write(Path file, String markdown) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new IOException(file + " is a directory");
    }
    Path folder = target.getParent();
    if (folder == null) {
      throw new IOException(file + " has no folder");
    }
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, markdown, StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same folder, so only an unusual file system gets here; replacing is the best it offers.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
