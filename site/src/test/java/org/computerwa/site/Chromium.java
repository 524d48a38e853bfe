package org.computerwa.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol: the JDK's WebSocket client and
 * Jackson, no browser download. The browser is Debian's {@code chromium} package (or the binary
 * named by {@code -Dchromium.binary=PATH}); a fresh profile directory is used and removed.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts the browser and connects to it. */
  static Chromium start() throws Exception {
    String binary = binary();
    Path profile = Files.createTempDirectory("computerwa-chromium");
    List<String> command = List.of(
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--allow-file-access-from-files",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank");
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String endpoint = devToolsEndpoint(process);
    Chromium[] self = new Chromium[1];
    StringBuilder partial = new StringBuilder();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(TIMEOUT)
        .buildAsync(URI.create(endpoint), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String message = partial.toString();
              partial.setLength(0);
              self[0].dispatch(message);
            }
            ws.request(1);
            return null;
          }
        })
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    self[0] = new Chromium(process, profile, socket);
    return self[0];
  }

  /** The browser binary: {@code -Dchromium.binary}, else chromium on the search path. */
  static String binary() {
    String configured = System.getProperty("chromium.binary", "");
    if (!configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    throw new IllegalStateException(
        "headless Chromium is needed for the render check and was not found on the search path:"
            + " install Debian's package (apt-get install -y chromium; .ci/run does this) or pass"
            + " -Dchromium.binary=PATH");
  }

  private static String devToolsEndpoint(Process process) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          int at = line.indexOf("ws://");
          if (line.startsWith("DevTools listening on") && at >= 0) {
            url.complete(line.substring(at).trim());
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
      url.completeExceptionally(new IllegalStateException("chromium exited before listening"));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      synchronized (log) {
        throw new IllegalStateException("chromium did not start its DevTools endpoint:\n" + log, e);
      }
    }
  }

  private void dispatch(String message) {
    JsonNode node;
    try {
      node = JSON.readTree(message);
    } catch (IOException e) {
      return;
    }
    if (node.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(node.get("id").asInt());
      if (f != null) {
        if (node.has("error")) {
          f.completeExceptionally(new IllegalStateException("DevTools error: " + node.get("error")));
        } else {
          f.complete(node.path("result"));
        }
      }
    } else {
      listeners.forEach(l -> l.accept(node));
    }
  }

  /** Sends a command (to a page session when {@code session} is not null) and waits for its result. */
  JsonNode send(String session, String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params == null ? JSON.createObjectNode() : params);
    if (session != null) {
      msg.put("sessionId", session);
    }
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer to " + method + " within " + TIMEOUT, e);
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  void listen(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  void unlisten(Consumer<JsonNode> listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (RuntimeException e) {
      // the browser is stopped below either way
    }
    // Chromium's helper processes (network service, renderers) can outlive the main one for a
    // moment and still write into the profile: stop them all before removing it.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      try {
        helper.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        helper.destroyForcibly();
      }
    }
    try (Stream<Path> walk = Files.walk(profile)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a leftover temp profile is harmless (a file may vanish while the walk lists it)
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
