package org.computerwa.chain.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a node that, on request, forwards the next transaction
 * broadcasts and then drops their replies (closes the connection without an answer): the node
 * accepted the transaction, the client does not know it. While the node is down it answers 502.
 */
final class DroppingProxy implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI target;
  private final AtomicInteger dropNext = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  DroppingProxy(String targetUrl) throws IOException {
    this.target = URI.create(targetUrl);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Drops the replies of the next {@code n} eth_sendRawTransaction calls. */
  void dropNextBroadcasts(int n) {
    dropNext.addAndGet(n);
  }

  int dropped() {
    return dropped.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String text = new String(body, StandardCharsets.UTF_8);
    HttpResponse<byte[]> reply;
    try {
      reply = http.send(
          HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      answer(exchange, 502, "node down".getBytes(StandardCharsets.UTF_8));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    if (text.contains("eth_sendRawTransaction") && dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      dropped.incrementAndGet();
      exchange.close(); // the node has it; the client never hears
      return;
    }
    answer(exchange, reply.statusCode(), reply.body());
  }

  private static void answer(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
