package org.computerwa.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.computerwa.core.crypto.Keccak256;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * Decodes revert data into a custom error name and arguments, using the error ABI of every
 * committed SDK contract artifact (which includes the OpenZeppelin errors they inherit), plus
 * Solidity's {@code Error(string)} and {@code Panic(uint256)}.
 */
public final class RevertDecoder {
  private static final List<String> ARTIFACTS =
      List.of(
          "AssetShareToken",
          "ComplianceRegistry",
          "ComputeAssetRegistry",
          "EvidenceAnchor",
          "LeaseManager",
          "PledgeRegistry",
          "TestStablecoin");
  private static final Map<String, ErrorAbi> BY_SELECTOR = load();

  private RevertDecoder() {}

  /** A decoded revert: error name and arguments as text. */
  public static final class Decoded {
    private final String name;
    private final List<String> arguments;

    Decoded(String name, List<String> arguments) {
      this.name = name;
      this.arguments = List.copyOf(arguments);
    }

    /** The error name. */
    public String name() {
      return name;
    }

    /** The arguments as text. */
    public List<String> arguments() {
      return arguments;
    }
  }

  private static final class ErrorAbi {
    final String name;
    final List<String> types;

    ErrorAbi(String name, List<String> types) {
      this.name = name;
      this.types = types;
    }
  }

  /**
   * Decodes revert data.
   *
   * @param revertData 0x-hex revert data
   * @return the decoded error, or null when the selector is unknown or the data is too short
   */
  public static @Nullable Decoded decode(String revertData) {
    String hex = Numeric.cleanHexPrefix(revertData).toLowerCase(Locale.ROOT);
    if (hex.length() < 8) {
      return null;
    }
    ErrorAbi abi = BY_SELECTOR.get(hex.substring(0, 8));
    if (abi == null) {
      return null;
    }
    List<String> args = new ArrayList<>();
    if (!abi.types.isEmpty()) {
      try {
        List<TypeReference<Type>> refs = new ArrayList<>();
        for (String t : abi.types) {
          @SuppressWarnings("unchecked")
          TypeReference<Type> ref = (TypeReference<Type>) TypeReference.makeTypeReference(t);
          refs.add(ref);
        }
        for (Type<?> value : FunctionReturnDecoder.decode("0x" + hex.substring(8), refs)) {
          args.add(render(value));
        }
      } catch (ClassNotFoundException | RuntimeException e) {
        return new Decoded(abi.name, List.of());
      }
    }
    return new Decoded(abi.name, args);
  }

  private static String render(Type<?> value) {
    Object v = value.getValue();
    if (v instanceof byte[]) {
      return Numeric.toHexString((byte[]) v);
    }
    if (v instanceof BigInteger) {
      return v.toString();
    }
    return String.valueOf(v);
  }

  private static Map<String, ErrorAbi> load() {
    Map<String, ErrorAbi> map = new HashMap<>();
    put(map, "Error", List.of("string"));
    put(map, "Panic", List.of("uint256"));
    ObjectMapper json = new ObjectMapper();
    for (String name : ARTIFACTS) {
      String path = "/org/computerwa/chain/internal/artifacts/" + name + ".json";
      try (InputStream in =
          Objects.requireNonNull(RevertDecoder.class.getResourceAsStream(path), path)) {
        for (JsonNode entry : json.readTree(in).path("abi")) {
          if (!"error".equals(entry.path("type").asText())) {
            continue;
          }
          List<String> types = new ArrayList<>();
          for (JsonNode input : entry.path("inputs")) {
            types.add(input.path("type").asText());
          }
          put(map, entry.path("name").asText(), types);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(map);
  }

  private static void put(Map<String, ErrorAbi> map, String name, List<String> types) {
    String signature = name + "(" + String.join(",", types) + ")";
    String selector =
        Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)).toHex().substring(2, 10);
    map.putIfAbsent(selector, new ErrorAbi(name, types));
  }
}
