package org.computerwa.chain.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every signature the decoder knows is an event of the compiled contracts: the canonical
 * signatures are rebuilt from the committed ABIs (tuples expanded), independently of the
 * decoder's own strings, so a contract change that renames or retypes an event fails here.
 */
class LogDecoderTest {
  private static final List<String> CONTRACTS = List.of(
      "ComputeAssetRegistry", "LeaseManager", "EvidenceAnchor", "AssetShareToken", "PledgeRegistry",
      "ComplianceRegistry", "TestStablecoin", "AssetShareToken");

  @Test
  void everyDecodedSignatureIsAnEventOfTheCompiledContracts() throws IOException {
    Set<String> abiEvents = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String c : CONTRACTS) {
      try (InputStream in = LogDecoder.class.getResourceAsStream("/org/computerwa/chain/internal/artifacts/" + c + ".json")) {
        JsonNode root = json.readTree(in);
        JsonNode abi = root.has("abi") ? root.get("abi") : root;
        for (JsonNode e : abi) {
          if ("event".equals(e.path("type").asText())) {
            abiEvents.add(e.path("name").asText() + "(" + types(e.path("inputs")) + ")");
          }
        }
      }
    }
    assertThat(abiEvents).containsAll(LogDecoder.signatures());
    assertThat(LogDecoder.signatures()).hasSizeGreaterThanOrEqualTo(14);
  }

  private static String types(JsonNode inputs) {
    StringBuilder b = new StringBuilder();
    for (JsonNode i : inputs) {
      if (b.length() > 0) {
        b.append(',');
      }
      String t = i.path("type").asText();
      if (t.startsWith("tuple")) {
        b.append('(').append(types(i.path("components"))).append(')').append(t.substring(5));
      } else {
        b.append(t);
      }
    }
    return b.toString();
  }
}
