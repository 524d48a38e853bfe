package org.computerwa.chain.internal.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.computerwa.chain.client.ChainException;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's one JSON-RPC transport: HTTP POST of JSON-RPC 2.0 requests with failures classified
 * by what they are.
 *
 * <ul>
 *   <li>HTTP 401/403: {@link ChainException.Kind#UNAUTHORIZED}, never retried.
 *   <li>HTTP 429 and 5xx, connection failures: retried with exponential backoff and jitter, then
 *       {@link ChainException.Kind#RATE_LIMITED}, {@link ChainException.Kind#UNAVAILABLE} or
 *       {@link ChainException.Kind#TRANSPORT}.
 *   <li>A JSON-RPC error object: {@link ChainException.Kind#RPC_ERROR} with the code (revert data,
 *       when present, is kept for the caller to decode).
 *   <li>A body that is not a JSON-RPC reply: {@link ChainException.Kind#DECODE}.
 * </ul>
 *
 * <p>The URL's path and query (where providers put API keys) never appear in a message or a log
 * line: the endpoint is shown as {@link #endpoint()}. {@link #close()} stops the HTTP client's
 * threads. Thread-safe.
 */
public final class JsonRpc implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpc.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI uri;
  private final String fullUrl;
  private final String endpoint;
  private final ExecutorService executor;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int attempts;
  private final Duration backoff;
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  private JsonRpc(String url, Duration requestTimeout, int attempts, Duration backoff) {
    this.uri = parse(url);
    this.fullUrl = url;
    this.endpoint = redact(url);
    this.requestTimeout = requestTimeout;
    this.attempts = attempts;
    this.backoff = backoff;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "computerwa-jsonrpc");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * A transport with 5 attempts per call, 100 ms initial backoff and a 30 s request timeout.
   *
   * @param url the node's http(s) URL
   * @return the transport
   * @throws ValidationException when the URL is not http(s)
   */
  public static JsonRpc connect(String url) {
    return connect(url, Duration.ofSeconds(30), 5, Duration.ofMillis(100));
  }

  /**
   * A transport with explicit retry settings.
   *
   * @param url the node's http(s) URL
   * @param requestTimeout the timeout of one HTTP exchange
   * @param attempts tries per call for retryable failures, at least 1
   * @param backoff the first backoff, doubled per retry up to 32 times it
   * @return the transport
   */
  public static JsonRpc connect(String url, Duration requestTimeout, int attempts, Duration backoff) {
    if (attempts < 1) {
      throw new ValidationException("attempts", attempts, "must be at least 1");
    }
    return new JsonRpc(url, requestTimeout, attempts, backoff);
  }

  /**
   * Checks a chain id given to a builder (the node must report the same one when connected).
   *
   * @param id the chain id
   * @return the id, unchanged
   * @throws ValidationException unless positive
   */
  public static long checkChainId(long id) {
    if (id < 1) {
      throw new ValidationException("chainId", id, "must be positive");
    }
    return id;
  }

  /**
   * Checks a node URL given to a builder: http or https only; a refusal names the field and shows
   * the URL redacted (providers put API keys in the path and query).
   *
   * @param field the builder setting, such as {@code "rpcUrl"}
   * @param url the URL
   * @return the URL, unchanged
   * @throws ValidationException for a missing URL or another scheme
   */
  public static String checkUrl(String field, @Nullable String url) {
    if (url == null) {
      throw new ValidationException(field, null, "is required");
    }
    String u = url.toLowerCase(java.util.Locale.ROOT);
    if (!(u.startsWith("http://") || u.startsWith("https://"))) {
      throw new ValidationException(field, redact(url), "must be an http:// or https:// URL");
    }
    return url;
  }

  /**
   * The URL without path, query or user info, safe to print: {@code https://host:443/…}.
   *
   * @param url any URL
   * @return the redacted form
   */
  public static String redact(@Nullable String url) {
    if (url == null) {
      return "(no url)";
    }
    try {
      URI u = new URI(url);
      if (u.getHost() == null) {
        return "(unparseable url)";
      }
      boolean hidden =
          (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))
              || u.getRawQuery() != null
              || u.getRawUserInfo() != null
              || u.getRawFragment() != null;
      return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + (hidden ? "/…" : "");
    } catch (java.net.URISyntaxException e) {
      return "(unparseable url)";
    }
  }

  private static URI parse(String url) {
    Objects.requireNonNull(url, "rpcUrl");
    try {
      URI u = new URI(url);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new ValidationException("rpcUrl", redact(url), "must be an http:// or https:// URL with a host");
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      throw new ValidationException("rpcUrl", redact(url), "must be a valid URL");
    }
  }

  /**
   * The endpoint as it may be shown: scheme, host and port only.
   *
   * @return the redacted URL
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Calls a method and returns its {@code result}.
   *
   * @param method the JSON-RPC method
   * @param params the parameters (strings, numbers, booleans, Jackson nodes, lists, maps)
   * @return the result node (may be a JSON null)
   * @throws ChainException classified as described on the class
   */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    String body = post(method, request.toString());
    JsonNode reply;
    try {
      reply = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ChainException.of(
          ChainException.Kind.DECODE,
          method + " at " + endpoint + " answered something that is not JSON: " + excerpt(body),
          null,
          null);
    }
    if (reply == null || !reply.isObject()) {
      throw ChainException.of(
          ChainException.Kind.DECODE, method + " at " + endpoint + " answered no JSON-RPC object: " + excerpt(body), null, null);
    }
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      throw RpcErrors.of(method, error);
    }
    if (!reply.has("result")) {
      throw ChainException.of(
          ChainException.Kind.DECODE, method + " at " + endpoint + " answered neither result nor error: " + excerpt(body), null, null);
    }
    return reply.get("result");
  }

  /**
   * Posts a raw JSON-RPC body and returns the raw reply body, with HTTP failures classified and
   * retried (used by the web3j adapter so that wrappers share this transport).
   *
   * @param method the method name, for messages
   * @param body the request body
   * @return the reply body
   */
  public String post(String method, String body) {
    if (closed) {
      throw ChainException.of(ChainException.Kind.TRANSPORT, method + ": the connection to " + endpoint + " is closed", null, null);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    ChainException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause(attempt - 1);
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200) {
          return response.body();
        }
        if (status == 401 || status == 403) {
          throw ChainException.of(
              ChainException.Kind.UNAUTHORIZED,
              method + ": " + endpoint + " refused the credentials (HTTP " + status + "); check the API key in the RPC URL",
              null,
              null);
        }
        if (status == 429) {
          last = ChainException.of(
              ChainException.Kind.RATE_LIMITED,
              method + ": " + endpoint + " is throttling (HTTP 429) after " + attempt + " attempts",
              null,
              null);
        } else if (status >= 500) {
          last = ChainException.of(
              ChainException.Kind.UNAVAILABLE,
              method + ": " + endpoint + " failed with HTTP " + status + " after " + attempt + " attempts",
              null,
              null);
        } else {
          throw ChainException.of(
              ChainException.Kind.DECODE,
              method + ": " + endpoint + " answered HTTP " + status + ": " + excerpt(response.body()),
              null,
              null);
        }
      } catch (IOException e) {
        last = ChainException.of(
            ChainException.Kind.TRANSPORT,
            method + ": " + endpoint + " unreachable after " + attempt + " attempts (" + scrub(e) + ")",
            null,
            null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ChainException.of(ChainException.Kind.TRANSPORT, method + ": interrupted", null, null);
      }
      LOG.debug("{} attempt {}: {}", method, attempt, last.getMessage());
    }
    throw Objects.requireNonNull(last);
  }

  private void pause(int retry) {
    long base = backoff.toMillis() << Math.min(retry - 1, 5);
    long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
    try {
      Thread.sleep(base / 2 + jitter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChainException.of(ChainException.Kind.TRANSPORT, "interrupted while backing off", null, e);
    }
  }

  /** The exception's class and message with every form of the URL replaced by the endpoint. */
  private String scrub(Throwable e) {
    String m = e.getMessage();
    String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    text = text.replace(fullUrl, endpoint);
    if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
      text = text.replace(uri.getRawPath(), "/…");
    }
    if (uri.getRawQuery() != null) {
      text = text.replace(uri.getRawQuery(), "…");
    }
    return text;
  }

  private static String excerpt(@Nullable String body) {
    if (body == null) {
      return "(empty)";
    }
    String b = body.strip();
    return b.length() <= 200 ? b : b.substring(0, 200) + "…";
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }
}
