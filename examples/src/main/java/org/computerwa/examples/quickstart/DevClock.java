package org.computerwa.examples.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.computerwa.core.ComputeRwaException;

/**
 * Moves a local anvil chain's clock forward: {@code evm_increaseTime} then {@code evm_mine}, so
 * that the quickstart can let hours of a lease pass in a moment.
 *
 * <pre>{@code
 * new DevClock(chain.rpcUrl()).advance(Duration.ofHours(3));
 * }</pre>
 */
final class DevClock {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI rpc;

  DevClock(String rpcUrl) {
    this.rpc = URI.create(rpcUrl);
  }

  /**
   * Advances the chain's time and mines a block stamped with it.
   *
   * @param by how far to move the clock
   */
  void advance(Duration by) {
    call("evm_increaseTime", "[" + by.getSeconds() + "]");
    call("evm_mine", "[]");
  }

  private void call(String method, String params) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpRequest request =
        HttpRequest.newBuilder(rpc)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
        throw new ComputeRwaException(method + " failed: " + response.body());
      }
    } catch (IOException e) {
      throw new ComputeRwaException(method + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeRwaException(method + " interrupted", e);
    }
  }
}
