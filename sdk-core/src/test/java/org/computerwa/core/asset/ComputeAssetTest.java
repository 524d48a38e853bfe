package org.computerwa.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.json.ComputeRwaJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComputeAssetTest {
  private static final ComputeRwaJson JSON = ComputeRwaJson.standard();

  /**
   * Expected values computed outside the SDK by src/test/python/spec_hash_kat.py: Python's
   * sorted-key compact JSON without "status", hashed by an independent Keccak-256 implementation
   * that reproduces the published vectors keccak256("") and keccak256("abc").
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ComputeAsset | 0xc468d461392c1bad1a121d6d6bc6051fdba48b2ae127333348067b5ab05c523a"
            + " | {\"capacityUnits\":8,\"gpu\":{\"boardPowerWatts\":700,\"count\":8,\"denseBf16Tflops\":\"989.4\","
            + "\"memoryGib\":80,\"model\":\"H100 SXM\"},\"id\":\"gpu-node-001\",\"kind\":\"GPU_NODE\","
            + "\"owner\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"site\":{\"gridRegion\":\"ERCOT\","
            + "\"id\":\"tx-abilene-1\",\"powerCapacityMw\":\"12.5\",\"timeZone\":\"America/Chicago\"}}",
        "ComputeAsset-asic | 0x3f58f343e79f481c86971a8fc4514a633029179d522cdb5a338c0c5a0e4d0ffc"
            + " | {\"asic\":{\"efficiencyJPerTh\":\"17.5\",\"hashrateThs\":\"200\",\"model\":\"Antminer S21\","
            + "\"powerWatts\":3500,\"units\":1200},\"capacityUnits\":240000,\"id\":\"asic-fleet-7\","
            + "\"kind\":\"ASIC_FLEET\",\"owner\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\","
            + "\"site\":{\"gridRegion\":\"ERCOT\",\"id\":\"tx-abilene-1\",\"powerCapacityMw\":\"12.5\","
            + "\"timeZone\":\"America/Chicago\"}}"
      })
  void specHashMatchesTheIndependentlyComputedKnownAnswer(String document, String hash, String canonical) {
    ComputeAsset asset = JSON.read(resource(document), ComputeAsset.class);
    assertThat(asset.canonicalSpecJson()).isEqualTo(canonical);
    assertThat(asset.specHash().toHex()).isEqualTo(hash);
  }

  @Test
  void specHashIsStableAcrossMemberOrderAndWhitespace() throws IOException {
    long seed = Seeds.seed("ComputeAssetTest.specHashStable");
    Random random = new Random(seed);
    ObjectMapper plain = new ObjectMapper();
    for (String document : List.of("ComputeAsset", "ComputeAsset-asic")) {
      String text = resource(document);
      Bytes32 expected = JSON.read(text, ComputeAsset.class).specHash();
      for (int i = 0; i < 50; i++) {
        String shuffled = render(plain.readTree(text), random);
        assertThat(JSON.read(shuffled, ComputeAsset.class).specHash())
            .as("seed %d, document %s", seed, shuffled)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void statusIsNotPartOfTheSpecHash() {
    ComputeAsset asset = JSON.read(resource("ComputeAsset"), ComputeAsset.class);
    ComputeAsset retired = ComputeAsset.builder().from(asset).status(AssetStatus.RETIRED).build();
    assertThat(retired.specHash()).isEqualTo(asset.specHash());
    assertThat(retired).isNotEqualTo(asset);
  }

  @Test
  void anyChangeToTheSpecChangesTheHash() {
    ComputeAsset asset = JSON.read(resource("ComputeAsset"), ComputeAsset.class);
    ComputeAsset bigger = ComputeAsset.builder().from(asset).capacityUnits(7).build();
    assertThat(bigger.specHash()).isNotEqualTo(asset.specHash());
  }

  @Test
  void equalDecimalsWrittenDifferentlyAreTheSameSpec() {
    ComputeAsset asset = JSON.read(resource("ComputeAsset"), ComputeAsset.class);
    GpuSpec padded = GpuSpec.builder().from(asset.gpu().orElseThrow()).denseBf16Tflops(new BigDecimal("989.400")).build();
    ComputeAsset same = ComputeAsset.builder().from(asset).gpu(padded).build();
    assertThat(padded.denseBf16Tflops()).isEqualTo(new BigDecimal("989.4"));
    assertThat(new GpuSpec(padded.model(), padded.count(), padded.memoryGib(), padded.boardPowerWatts(),
        new BigDecimal("989.40"))).as("the canonical constructor normalizes too").isEqualTo(padded);
    assertThat(same).isEqualTo(asset);
    assertThat(same.specHash()).isEqualTo(asset.specHash());
    Site site = Site.builder().from(asset.site()).powerCapacityMw(new BigDecimal("1E+2")).build();
    assertThat(JSON.write(site)).contains("\"powerCapacityMw\":\"100\"");
  }

  @Test
  void theDeviceSpecMustMatchTheKind() {
    ComputeAsset gpuNode = JSON.read(resource("ComputeAsset"), ComputeAsset.class);
    ComputeAsset fleet = JSON.read(resource("ComputeAsset-asic"), ComputeAsset.class);
    assertThat(gpuNode.device()).isEqualTo(gpuNode.gpu().orElseThrow());
    assertThat(gpuNode.device().totalPowerWatts()).isEqualTo(8 * 700);
    assertThat(fleet.device().totalPowerWatts()).isEqualTo(1200L * 3500);
    assertThat(fleet.asic().orElseThrow().totalHashrateThs()).isEqualByComparingTo("240000");
    assertThatThrownBy(() -> ComputeAsset.builder().from(gpuNode).asic(fleet.asic().orElseThrow()).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("asic"));
    assertThatThrownBy(() -> ComputeAsset.builder().from(gpuNode).kind(AssetKind.ASIC_FLEET).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("gpu"));
    assertThat(ComputeAsset.builder().from(gpuNode).kind(AssetKind.EDGE_NODE).build().kind().usesGpus()).isTrue();
  }

  /** Writes a tree with members in random order and random whitespace between tokens. */
  private static String render(JsonNode node, Random random) throws IOException {
    StringBuilder out = new StringBuilder();
    write(node, random, out);
    return out.toString();
  }

  private static void write(JsonNode node, Random random, StringBuilder out) throws IOException {
    String[] blanks = {"", " ", "\n", "\t", "  \r\n "};
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.shuffle(names, random);
      out.append('{').append(blanks[random.nextInt(blanks.length)]);
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',').append(blanks[random.nextInt(blanks.length)]);
        }
        out.append(new ObjectMapper().writeValueAsString(names.get(i)))
            .append(blanks[random.nextInt(blanks.length)]).append(':').append(blanks[random.nextInt(blanks.length)]);
        write(node.get(names.get(i)), random, out);
      }
      out.append(blanks[random.nextInt(blanks.length)]).append('}');
    } else {
      out.append(new ObjectMapper().writeValueAsString(node));
    }
  }

  private static String resource(String name) {
    try (InputStream in = ComputeAssetTest.class.getResourceAsStream("/org/computerwa/core/json/valid/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
