package org.computerwa.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.computerwa.chain.devchain.DevAccount;
import org.computerwa.chain.devchain.DevChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code typedData} that {@code evidence sign} prints is exactly what {@code
 * eth_signTypedData_v4} takes: a node that holds the device key (anvil, for its development
 * account) is handed each printed object unchanged, in both forms wallets pass it (a JSON object
 * and a JSON string), and must return the printed signature byte for byte (ECDSA here is
 * deterministic, RFC 6979).
 */
class SignTypedDataV4Test {
  private static DevChain chain;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    chain = DevChain.builder().accounts(1).build();
  }

  @AfterAll
  static void stop() {
    chain.close();
  }

  private static JsonNode rpc(String method, Object... params) throws Exception {
    ObjectNode request = Cli.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.set("params", Cli.JSON.valueToTree(params));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(chain.rpcUrl()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Cli.JSON.writeValueAsString(request))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = Cli.JSON.readTree(response.body());
    assertThat(body.has("error")).as("%s: %s", method, body).isFalse();
    return body.get("result");
  }

  @Test
  void theNodeSignsThePrintedTypedDataToThePrintedSignature() throws Exception {
    DevAccount device = chain.accounts().get(0);
    String address = device.address();
    String[] statements = {
      statement(address, "1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "AVAILABILITY", "3420", 9500),
      statement(address, "1", "2026-11-28T00:00:00Z", "2026-11-28T01:00:00Z", "GPU_HOURS", "7600", 9500),
      statement(address, "115792089237316195423570985008687907853269984665640564039457584007913129639935",
          "2026-11-28T01:00:00Z", "2026-11-28T02:00:00Z", "ENERGY",
          "115792089237316195423570985008687907853269984665640564039457584007913129639935", 0),
    };
    Path in = Cli.write(dir, "statements.json", "{\"statements\":[" + String.join(",", statements) + "]}");
    Cli signed = Cli.run("evidence", "sign", "--key", device.privateKeyHex(), "--chain-id",
        Long.toString(chain.chainId()), "--contract", EvidenceCommandTest.CONTRACT, "--in", in.toString());
    assertThat(signed.code).as(signed.err).isZero();
    JsonNode rows = signed.json();
    assertThat(rows).hasSize(3);
    for (JsonNode row : rows) {
      JsonNode typedData = row.get("typedData");
      String printed = row.get("signature").asText();
      assertThat(rpc("eth_signTypedData_v4", address, typedData).asText()).isEqualToIgnoringCase(printed);
      assertThat(rpc("eth_signTypedData_v4", address, Cli.JSON.writeValueAsString(typedData)).asText())
          .isEqualToIgnoringCase(printed);
      assertThat(row.get("signer").asText()).isEqualToIgnoringCase(address);
    }
    // The comparison is sensitive: one member changed, another signature.
    ObjectNode edited = rows.get(0).get("typedData").deepCopy();
    ((ObjectNode) edited.get("message")).put("value", "3421");
    assertThat(rpc("eth_signTypedData_v4", address, edited).asText())
        .isNotEqualToIgnoringCase(rows.get(0).get("signature").asText());
  }

  private static String statement(String device, String assetId, String start, String end, String kind, String value,
      int bps) {
    return "{\"assetId\":\"" + assetId + "\",\"device\":\"" + device + "\",\"periodStart\":\"" + start
        + "\",\"periodEnd\":\"" + end + "\",\"kind\":\"" + kind + "\",\"value\":\"" + value
        + "\",\"availabilityBps\":" + bps + "}";
  }
}
