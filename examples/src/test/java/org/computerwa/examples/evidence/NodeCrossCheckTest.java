package org.computerwa.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the evidence CLI prints, checked by libraries no one here wrote: ethers v6 must hash the
 * typed data to the printed digest and recover the printed signer from the printed signature;
 * {@code @openzeppelin/merkle-tree} must build the printed root and proofs from the printed leaf
 * values. Statements are drawn at random per seed ({@code -Dcomputerwa.seed=N} replays).
 */
class NodeCrossCheckTest {
  @TempDir Path dir;

  static long seed(String check) {
    String fixed = System.getProperty("computerwa.seed");
    long seed = fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed.trim());
    System.out.println("[seed] " + check + " seed=" + seed + " (replay with -Dcomputerwa.seed=" + seed + ")");
    return seed;
  }

  static UsageStatement statement(Random r, BigInteger asset, Address device, long batchStart) {
    long start = batchStart + r.nextInt(86_400);
    long end = start + 1 + r.nextInt(86_400);
    BigInteger value = switch (r.nextInt(3)) {
      case 0 -> BigInteger.valueOf(r.nextInt(100_000));
      case 1 -> new BigInteger(256, r);
      default -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    };
    return UsageStatement.builder()
        .assetId(asset)
        .device(device)
        .periodStart(Instant.ofEpochSecond(start))
        .periodEnd(Instant.ofEpochSecond(end))
        .kind(UsageKind.values()[r.nextInt(UsageKind.values().length)])
        .value(value)
        .availabilityBps(r.nextInt(10_001))
        .build();
  }

  static BigInteger asset(Random r) {
    return r.nextBoolean() ? BigInteger.valueOf(1 + r.nextInt(1000)) : new BigInteger(256, r);
  }

  static Address address(Random r) {
    byte[] b = new byte[20];
    r.nextBytes(b);
    return Address.of(b);
  }

  /** Signs through the CLI, as a user would; returns what 'evidence sign' printed. */
  ArrayNode sign(SigningKey key, long chainId, Address contract, List<UsageStatement> statements) throws Exception {
    ObjectNode file = Cli.JSON.createObjectNode();
    ArrayNode list = file.putArray("statements");
    statements.forEach(s -> list.add(StatementJson.toFileForm(s)));
    Path in = Cli.write(dir, "statements.json", Cli.JSON.writeValueAsString(file));
    Cli r = Cli.run("evidence", "sign", "--key", org.bouncycastle.util.encoders.Hex.toHexString(keyBytes(key)),
        "--chain-id", Long.toString(chainId), "--contract", contract.toHex(), "--in", in.toString());
    assertThat(r.code).as(r.err).isZero();
    return (ArrayNode) r.json();
  }

  private final java.util.Map<SigningKey, byte[]> secrets = new java.util.HashMap<>();

  private byte[] keyBytes(SigningKey key) {
    return secrets.get(key);
  }

  SigningKey remember(Random r) {
    byte[] b = new byte[32];
    SigningKey k;
    while (true) {
      r.nextBytes(b);
      try {
        k = SigningKey.fromHex(org.bouncycastle.util.encoders.Hex.toHexString(b));
        break;
      } catch (org.computerwa.core.ValidationException outOfRange) {
        // draw again
      }
    }
    secrets.put(k, b.clone());
    return k;
  }

  @Test
  void ethersHashesTheTypedDataToTheDigestAndRecoversTheSigner() throws Exception {
    Random r = new Random(seed("NodeCrossCheckTest.eip712"));
    ArrayNode all = Cli.JSON.createArrayNode();
    for (int round = 0; round < 8; round++) {
      SigningKey key = remember(r);
      long chainId = 1 + (r.nextBoolean() ? r.nextInt(100_000) : (r.nextLong() >>> 12));
      Address contract = address(r);
      List<UsageStatement> statements = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(8); i++) {
        statements.add(statement(r, asset(r), key.address(), 1_600_000_000L + r.nextInt(400_000_000)));
      }
      all.addAll(sign(key, chainId, contract, statements));
    }
    JsonNode ethers = Node.run("eip712.mjs", Cli.JSON.writeValueAsString(all));
    assertThat(ethers).hasSize(all.size());
    for (int i = 0; i < all.size(); i++) {
      assertThat(ethers.get(i).get("hash").asText()).as("digest of row " + i)
          .isEqualTo(all.get(i).get("digest").asText());
      assertThat(ethers.get(i).get("recovered").asText()).as("signer of row " + i)
          .isEqualTo(all.get(i).get("signer").asText());
    }
  }

  @Test
  void openZeppelinMerkleTreeBuildsTheSameRootAndProofsForRandomBatches() throws Exception {
    Random r = new Random(seed("NodeCrossCheckTest.merkle"));
    for (int round = 0; round < 6; round++) {
      BigInteger asset = asset(r);
      int size = round == 0 ? 1 : 1 + r.nextInt(60);
      long batchStart = 1_600_000_000L + r.nextInt(400_000_000);
      ArrayNode signed = Cli.JSON.createArrayNode();
      long chainId = 1 + r.nextInt(100_000);
      Address contract = address(r);
      List<SigningKey> devices = List.of(remember(r), remember(r), remember(r));
      for (SigningKey device : devices) {
        List<UsageStatement> statements = new ArrayList<>();
        for (int i = 0; i < Math.max(1, size / devices.size()); i++) {
          statements.add(statement(r, asset, device.address(), batchStart));
        }
        signed.addAll(sign(device, chainId, contract, statements));
      }
      Cli batch = Cli.run("evidence", "batch", "--in", Cli.write(dir, "signed.json", Cli.JSON.writeValueAsString(signed)).toString());
      assertThat(batch.code).as(batch.err).isZero();
      JsonNode ours = batch.json();
      ObjectNode input = Cli.JSON.createObjectNode();
      input.set("leafEncoding", ours.get("leafEncoding"));
      ArrayNode values = input.putArray("values");
      ours.get("leaves").forEach(leaf -> values.add(leaf.get("values")));
      JsonNode oz = Node.run("merkle.mjs", Cli.JSON.writeValueAsString(input));
      assertThat(oz.get("root").asText()).as("root, round " + round).isEqualTo(ours.get("root").asText());
      for (int i = 0; i < values.size(); i++) {
        assertThat(oz.get("proofs").get(i)).as("proof of leaf " + i + ", round " + round)
            .isEqualTo(ours.get("leaves").get(i).get("proof"));
      }
    }
  }
}
