package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computerwa.core.ValidationException;
import org.computerwa.core.json.ComputeRwaJson;

/** Reads an input file of bounded size; the size is checked before anything is read. */
final class InputFile {
  /** Largest input file accepted: 16 MiB, about 40,000 signed statements. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final ComputeRwaJson JSON = ComputeRwaJson.builder().maxDocumentChars(MAX_BYTES).build();

  private InputFile() {}

  /**
   * The file's bytes.
   *
   * @throws ValidationException if the file is larger than {@link #MAX_BYTES}
   * @throws UncheckedIOException if it cannot be read
   */
  static byte[] bytes(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ValidationException(file.toString(), size + " bytes", "must be at most " + MAX_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file as JSON, read by the SDK's hardened reader (duplicate keys, trailing tokens, depth...). */
  static JsonNode json(Path file) {
    return JSON.read(bytes(file), JsonNode.class);
  }
}
