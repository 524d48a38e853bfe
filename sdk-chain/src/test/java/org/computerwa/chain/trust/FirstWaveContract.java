package org.computerwa.chain.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.Reverts;
import org.computerwa.chain.internal.SharedChain;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * One first-wave contract (as released before the trust-model change, compiled from {@code
 * src/test/solidity/firstwave}) deployed on the shared chain and called by function name through
 * its compiled ABI: no generated wrapper, so the old ABI can live beside today's.
 *
 * <p>Arguments are plain Java values matched to the ABI's parameter types: {@code address} from
 * a hex string, any {@code uintN} from a {@link BigInteger} or {@link Long}, {@code bool},
 * {@code bytes32}/{@code bytes} from {@code byte[]}, {@code T[]} from a {@link List}, and a
 * {@code tuple} (struct) from a {@link List} of its fields in ABI order. Results and event data
 * come back as 32-byte words (every first-wave output the tests read is static).
 */
final class FirstWaveContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTIFACTS = "/org/computerwa/chain/internal/firstwave/";

  final String name;
  final String address;
  private final JsonNode abi;

  private FirstWaveContract(String name, String address, JsonNode abi) {
    this.name = name;
    this.address = address;
    this.abi = abi;
  }

  /** Deploys contract {@code name} from {@code from} with constructor arguments {@code args}. */
  static FirstWaveContract deploy(String name, Credentials from, Object... args) {
    JsonNode artifact = artifact(name);
    JsonNode abi = artifact.get("abi");
    JsonNode constructor = null;
    for (JsonNode entry : abi) {
      if (entry.get("type").asText().equals("constructor")) {
        constructor = entry;
      }
    }
    String encodedArgs = constructor == null ? "" : encodeArguments(name + " constructor", constructor, args);
    TransactionReceipt r = SharedChain.session().send(from, null, artifact.get("bytecode").asText() + encodedArgs);
    assertThat(r.isStatusOK()).as("deployment of first-wave %s", name).isTrue();
    return new FirstWaveContract(name, r.getContractAddress(), abi);
  }

  private static JsonNode artifact(String name) {
    try (InputStream in = FirstWaveContract.class.getResourceAsStream(ARTIFACTS + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no first-wave artifact " + name + " (run `node scripts/compile.mjs`)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ABI-encoded call of {@code function} (by name; the arity picks among overloads). */
  String encode(String function, Object... args) {
    JsonNode f = member("function", function, args.length);
    return ChainSession.selector(function + "(" + canonicalTypes(f.get("inputs")) + ")")
        + encodeArguments(name + "." + function, f, args);
  }

  /** Sends {@code function} from {@code from} and asserts that it was mined successfully. */
  TransactionReceipt send(Credentials from, String function, Object... args) {
    TransactionReceipt r = SharedChain.session().send(from, address, encode(function, args));
    assertThat(r.isStatusOK()).as("%s.%s mined", name, function).isTrue();
    return r;
  }

  /** Calls the view {@code function} and returns its output as 32-byte words. */
  List<BigInteger> call(String function, Object... args) {
    try {
      String out = SharedChain.session().web3j()
          .ethCall(Transaction.createEthCallTransaction(address, address, encode(function, args)),
              DefaultBlockParameterName.LATEST)
          .send()
          .getValue();
      return words(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first output word of the view {@code function} as a number. */
  BigInteger uint(String function, Object... args) {
    return call(function, args).get(0);
  }

  /** The first output word of the view {@code function} as an address. */
  String addressOf(String function, Object... args) {
    return Numeric.toHexStringWithPrefixZeroPadded(uint(function, args), 40);
  }

  /**
   * Asserts that {@code from} calling {@code function} reverts with the custom error {@code
   * errorSignature} (which this contract's ABI must declare), simulated and mined.
   *
   * @return the full revert data
   */
  String assertReverts(Credentials from, String errorSignature, String function, Object... args) {
    String errorName = errorSignature.substring(0, errorSignature.indexOf('('));
    boolean declared = StreamSupport.stream(abi.spliterator(), false)
        .anyMatch(e -> e.get("type").asText().equals("error") && e.get("name").asText().equals(errorName)
            && errorSignature.equals(errorName + "(" + canonicalTypes(e.get("inputs")) + ")"));
    assertThat(declared).as("%s declares %s", name, errorSignature).isTrue();
    return Reverts.assertReverts(from, address, encode(function, args), errorSignature);
  }

  /** The non-indexed data words of each {@code event} this contract logged in {@code receipt}. */
  List<List<BigInteger>> events(TransactionReceipt receipt, String event) {
    String topic = topic(event);
    List<List<BigInteger>> found = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      if (log.getAddress().equalsIgnoreCase(address) && log.getTopics().get(0).equals(topic)) {
        found.add(words(log.getData()));
      }
    }
    return found;
  }

  /** The topic 0 of {@code event} as declared in this contract's ABI. */
  String topic(String event) {
    JsonNode e = member("event", event, -1);
    return Hash.sha3String(event + "(" + canonicalTypes(e.get("inputs")) + ")");
  }

  private JsonNode member(String type, String memberName, int arity) {
    List<JsonNode> matches = StreamSupport.stream(abi.spliterator(), false)
        .filter(e -> e.get("type").asText().equals(type) && e.path("name").asText().equals(memberName))
        .filter(e -> arity < 0 || e.get("inputs").size() == arity)
        .collect(Collectors.toList());
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          name + " has " + matches.size() + " " + type + "s " + memberName + " with " + arity + " inputs");
    }
    return matches.get(0);
  }

  private static List<BigInteger> words(String hex) {
    String h = Numeric.cleanHexPrefix(hex);
    List<BigInteger> words = new ArrayList<>();
    for (int i = 0; i + 64 <= h.length(); i += 64) {
      words.add(new BigInteger(h.substring(i, i + 64), 16));
    }
    return words;
  }

  private static String encodeArguments(String what, JsonNode member, Object[] args) {
    JsonNode inputs = member.get("inputs");
    if (inputs.size() != args.length) {
      throw new IllegalArgumentException(what + " takes " + inputs.size() + " arguments, got " + args.length);
    }
    List<Type> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      values.add(value(inputs.get(i), args[i]));
    }
    return FunctionEncoder.encodeConstructor(values);
  }

  private static String canonicalTypes(JsonNode params) {
    List<String> types = new ArrayList<>();
    for (JsonNode p : params) {
      types.add(canonicalType(p));
    }
    return String.join(",", types);
  }

  private static String canonicalType(JsonNode param) {
    String type = param.get("type").asText();
    if (type.startsWith("tuple")) {
      return "(" + canonicalTypes(param.get("components")) + ")" + type.substring("tuple".length());
    }
    return type;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Type value(JsonNode param, Object v) {
    String type = param.get("type").asText();
    if (type.endsWith("[]")) {
      String element = type.substring(0, type.length() - 2);
      List<Type> items = new ArrayList<>();
      for (Object item : (List<?>) v) {
        items.add(scalar(element, item));
      }
      return new DynamicArray(elementClass(element), items);
    }
    if (type.equals("tuple")) {
      JsonNode components = param.get("components");
      List<?> fields = (List<?>) v;
      if (fields.size() != components.size()) {
        throw new IllegalArgumentException("tuple takes " + components.size() + " fields, got " + fields.size());
      }
      List<Type> encoded = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        encoded.add(value(components.get(i), fields.get(i)));
      }
      return new StaticStruct(encoded); // every first-wave struct is static
    }
    return scalar(type, v);
  }

  private static Type<?> scalar(String type, Object v) {
    if (type.equals("address")) {
      return new Address((String) v);
    }
    if (type.startsWith("uint")) {
      // every uintN is one left-padded word; the contract's decoder checks the range of N
      return new Uint256(v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue()));
    }
    if (type.equals("bool")) {
      return new Bool((Boolean) v);
    }
    if (type.equals("bytes32")) {
      return new Bytes32((byte[]) v);
    }
    if (type.equals("bytes")) {
      return new DynamicBytes((byte[]) v);
    }
    if (type.equals("string")) {
      return new Utf8String((String) v);
    }
    throw new IllegalArgumentException("unsupported ABI type " + type);
  }

  private static Class<? extends Type> elementClass(String type) {
    if (type.equals("address")) {
      return Address.class;
    }
    if (type.startsWith("uint")) {
      return Uint256.class;
    }
    if (type.equals("bytes32")) {
      return Bytes32.class;
    }
    throw new IllegalArgumentException("unsupported ABI array element " + type);
  }
}
