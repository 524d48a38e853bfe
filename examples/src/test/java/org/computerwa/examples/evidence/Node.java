package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one of the cross-check scripts of src/test/node with JSON on stdin and parses its JSON output. */
final class Node {
  private Node() {}

  static Path dir() {
    String dir = System.getProperty("computerwa.crosscheck.dir", "src/test/node");
    Path p = Path.of(dir);
    if (!Files.isDirectory(p.resolve("node_modules"))) {
      throw new IllegalStateException("the cross-check libraries are not installed in " + p.toAbsolutePath()
          + "; the Maven build runs 'npm ci' there when node_modules is missing");
    }
    return p;
  }

  static JsonNode run(String script, String input) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("node", script).directory(dir().toFile()).start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process, false));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process, true));
    try (OutputStream in = process.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("node " + script + " did not finish within 120 s");
    }
    String out = new String(stdout.join(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("node " + script + " exited with " + process.exitValue() + ": "
          + new String(stderr.join(), StandardCharsets.UTF_8));
    }
    return Cli.JSON.readTree(out);
  }

  private static byte[] readAll(Process process, boolean error) {
    try {
      return (error ? process.getErrorStream() : process.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
