package org.computerwa.examples.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.computerwa.core.ComputeRwaException;

/**
 * The accelerated clock of a replay: sets a local anvil chain's time to a given instant
 * ({@code evm_setNextBlockTimestamp}, then {@code evm_mine}), so the chain lives through the
 * replayed days in moments.
 *
 * <pre>{@code
 * ChainClock.of(chain.rpcUrl()).advanceTo(Instant.parse("2026-12-05T00:00:00Z"));
 * }</pre>
 *
 * <p>A dev-chain tool: real chains do not take these calls.
 */
public final class ChainClock {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI rpc;

  private ChainClock(String rpcUrl) {
    this.rpc = URI.create(rpcUrl);
  }

  /**
   * A clock for the anvil node at {@code rpcUrl}.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @return the clock
   */
  public static ChainClock of(String rpcUrl) {
    return new ChainClock(rpcUrl);
  }

  /**
   * Mines a block stamped {@code t}; the following blocks continue from it.
   *
   * @param t a time after the chain's latest block
   * @throws ComputeRwaException if the node refuses (for example a time in its past)
   */
  public void advanceTo(Instant t) {
    call("evm_setNextBlockTimestamp", "[" + t.getEpochSecond() + "]");
    call("evm_mine", "[]");
  }

  private void call(String method, String params) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpRequest request = HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
