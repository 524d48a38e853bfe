package org.computerwa.chain.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.computerwa.chain.client.ChainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transport against a real loopback HTTP server that answers as misbehaving providers do.
 * The URL carries an API key in its path and query, which must never appear in a message.
 */
class JsonRpcTest {
  private static final String SECRET = "k3y-s3cr3t";
  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int status;
  private volatile String body = "";
  private volatile int failFirst;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      int n = hits.incrementAndGet();
      int code = n <= failFirst ? 503 : status;
      byte[] bytes = (n <= failFirst ? "busy" : body).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3/" + SECRET + "?apikey=" + SECRET;
  }

  private JsonRpc rpc() {
    return JsonRpc.connect(url(), Duration.ofSeconds(5), 3, Duration.ofMillis(10));
  }

  @ParameterizedTest(name = "HTTP {0} is {1}, retried {2} times")
  @CsvSource({
    "401, UNAUTHORIZED, 1, false",
    "403, UNAUTHORIZED, 1, false",
    "429, RATE_LIMITED, 3, true",
    "500, UNAVAILABLE, 3, true",
    "502, UNAVAILABLE, 3, true",
    "404, DECODE, 1, false"
  })
  void httpFailuresAreClassifiedAndRetriedOnlyWhenThatCanHelp(int code, ChainException.Kind kind, int tries, boolean retryable) {
    status = code;
    body = "nope";
    try (JsonRpc rpc = rpc()) {
      assertThatThrownBy(() -> rpc.call("eth_blockNumber"))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.getMessage()).doesNotContain(SECRET).contains("127.0.0.1");
          });
      assertThat(hits.get()).isEqualTo(tries);
    }
  }

  @Test
  void aServerErrorThatClearsUpWithinTheRetriesIsInvisible() {
    failFirst = 2;
    status = 200;
    body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2a\"}";
    try (JsonRpc rpc = rpc()) {
      assertThat(rpc.call("eth_blockNumber").asText()).isEqualTo("0x2a");
      assertThat(hits.get()).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not json|<html>gateway</html>",
    "an array|[1,2]",
    "no result nor error|{\"jsonrpc\":\"2.0\",\"id\":1}",
    "a malformed error|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}"
  })
  void malformedRepliesAreDecodeFailures(String what, String reply) {
    status = 200;
    body = reply;
    try (JsonRpc rpc = rpc()) {
      assertThatThrownBy(() -> rpc.call("eth_blockNumber"))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.DECODE);
            assertThat(e.getMessage()).doesNotContain(SECRET);
          });
    }
  }

  @Test
  void jsonRpcErrorsKeepTheirCodeAndData() {
    status = 200;
    body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x1234\"}}";
    try (JsonRpc rpc = rpc()) {
      assertThatThrownBy(() -> rpc.call("eth_call"))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.RPC_ERROR);
            assertThat(e.rpcCode()).contains(3L);
            assertThat(e.revertData()).contains("0x1234");
            assertThat(RpcErrors.isRevert(e)).isTrue();
            assertThat(e.retryable()).isFalse();
          });
    }
    body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32005,\"message\":\"limit exceeded\"}}";
    try (JsonRpc rpc = rpc()) {
      assertThatThrownBy(() -> rpc.call("eth_getLogs"))
          .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.retryable()).isTrue());
    }
  }

  @Test
  void anUnreachableNodeIsARetryableTransportFailureWithoutTheKey() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (JsonRpc rpc = JsonRpc.connect("http://127.0.0.1:" + port + "/" + SECRET, Duration.ofSeconds(2), 2, Duration.ofMillis(5))) {
      assertThatThrownBy(() -> rpc.call("eth_chainId"))
          .isInstanceOfSatisfying(ChainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChainException.Kind.TRANSPORT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain(SECRET).contains("127.0.0.1:" + port + "/…");
          });
    }
  }

  @ParameterizedTest
  @CsvSource({
    "https://eth.example.com/v3/abc?key=1, https://eth.example.com/…",
    "http://127.0.0.1:8545, http://127.0.0.1:8545",
    "http://127.0.0.1:8545/, http://127.0.0.1:8545",
    "https://user:pw@host.example, https://host.example/…"
  })
  void redactionKeepsOnlySchemeHostAndPort(String url, String shown) {
    assertThat(JsonRpc.redact(url)).isEqualTo(shown);
  }

  @Test
  void aClosedTransportRefusesCalls() {
    JsonRpc rpc = rpc();
    rpc.close();
    assertThatThrownBy(() -> rpc.call("eth_chainId")).isInstanceOf(ChainException.class).hasMessageContaining("closed");
  }
}
