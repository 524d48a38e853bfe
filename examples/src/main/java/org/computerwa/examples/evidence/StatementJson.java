package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;

/**
 * The JSON forms of usage statements the evidence commands read and write: the statements file
 * ({@code {"statements":[...]}}, integers as strings, ISO-8601 UTC times) and the EIP-712 typed
 * data that {@code eth_signTypedData_v4} takes.
 */
final class StatementJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern UINT = Pattern.compile("0|[1-9][0-9]{0,77}");
  private static final Pattern UTC_SECONDS = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  private static final Set<String> STATEMENT_FIELDS =
      Set.of("assetId", "device", "periodStart", "periodEnd", "kind", "value", "availabilityBps");

  /** The members of the {@code UsageStatement} type, in declaration order, as {@code [name, type]}. */
  static final String[][] MEMBERS = {
    {"assetId", "uint256"}, {"device", "address"}, {"periodStart", "uint64"}, {"periodEnd", "uint64"},
    {"kind", "uint8"}, {"value", "uint256"}, {"availabilityBps", "uint16"},
  };

  private StatementJson() {}

  /** Reads {@code {"statements":[...]}}; a ValidationException names {@code statements[i].field}. */
  static List<UsageStatement> readStatementsFile(JsonNode root) {
    if (!root.isObject()) {
      throw new ValidationException("$", root.getNodeType(), "must be an object {\"statements\": [...]}");
    }
    onlyFields(root, Set.of("statements"), "");
    JsonNode list = root.get("statements");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new ValidationException("statements", list, "must be a non-empty array of statements");
    }
    List<UsageStatement> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(statement(list.get(i), "statements[" + i + "]"));
    }
    return out;
  }

  /** One statement in the file form. */
  static UsageStatement statement(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new ValidationException(path, node.getNodeType(), "must be an object");
    }
    onlyFields(node, STATEMENT_FIELDS, path + ".");
    String kindName = text(node, "kind", path);
    UsageKind kind;
    try {
      kind = UsageKind.valueOf(kindName);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(path + ".kind", kindName, "must be one of " + List.of(UsageKind.values()));
    }
    JsonNode bps = node.get("availabilityBps");
    if (bps == null || !bps.isIntegralNumber() || !bps.canConvertToInt()) {
      throw new ValidationException(path + ".availabilityBps", bps, "must be a JSON integer in [0, 10000]");
    }
    try {
      return UsageStatement.builder()
          .assetId(uint(node, "assetId", path))
          .device(address(node, "device", path))
          .periodStart(time(node, "periodStart", path))
          .periodEnd(time(node, "periodEnd", path))
          .kind(kind)
          .value(uint(node, "value", path))
          .availabilityBps(bps.intValue())
          .build();
    } catch (ValidationException e) {
      throw e.field().startsWith(path) ? e : e.within(path);
    }
  }

  /** The file form of a statement. */
  static ObjectNode toFileForm(UsageStatement s) {
    ObjectNode o = NODES.objectNode();
    o.put("assetId", s.assetId().toString());
    o.put("device", s.device().toChecksumHex());
    o.put("periodStart", s.periodStart().toString());
    o.put("periodEnd", s.periodEnd().toString());
    o.put("kind", s.kind().name());
    o.put("value", s.value().toString());
    o.put("availabilityBps", s.availabilityBps());
    return o;
  }

  /**
   * The typed data as {@code eth_signTypedData_v4} takes it: uint256 members as decimal strings,
   * narrower integers as JSON numbers, the address checksummed.
   */
  static ObjectNode typedData(UsageStatement s, Eip712Domain domain) {
    ObjectNode types = NODES.objectNode();
    ArrayNode domainType = types.putArray("EIP712Domain");
    for (String[] m : new String[][] {
        {"name", "string"}, {"version", "string"}, {"chainId", "uint256"}, {"verifyingContract", "address"}}) {
      domainType.addObject().put("name", m[0]).put("type", m[1]);
    }
    ArrayNode statementType = types.putArray("UsageStatement");
    for (String[] m : MEMBERS) {
      statementType.addObject().put("name", m[0]).put("type", m[1]);
    }
    ObjectNode d = NODES.objectNode();
    d.put("name", domain.name());
    d.put("version", domain.version());
    d.put("chainId", domain.chainId());
    d.put("verifyingContract", domain.verifyingContract().toChecksumHex());
    ObjectNode message = NODES.objectNode();
    message.put("assetId", s.assetId().toString());
    message.put("device", s.device().toChecksumHex());
    message.put("periodStart", s.periodStart().getEpochSecond());
    message.put("periodEnd", s.periodEnd().getEpochSecond());
    message.put("kind", s.kind().code());
    message.put("value", s.value().toString());
    message.put("availabilityBps", s.availabilityBps());
    ObjectNode typed = NODES.objectNode();
    typed.set("types", types);
    typed.put("primaryType", "UsageStatement");
    typed.set("domain", d);
    typed.set("message", message);
    return typed;
  }

  /**
   * Reads typed data back, accepting only exactly what {@link #typedData} writes for some statement
   * and domain (other types, a different primary type or extra members are refused).
   */
  static Signed readTypedData(JsonNode typed, String path) {
    if (!typed.isObject()) {
      throw new ValidationException(path, typed.getNodeType(), "must be an object");
    }
    onlyFields(typed, Set.of("types", "primaryType", "domain", "message"), path + ".");
    JsonNode domainNode = typed.get("domain");
    JsonNode message = typed.get("message");
    if (domainNode == null || !domainNode.isObject() || message == null || !message.isObject()) {
      throw new ValidationException(path, null, "must have a domain and a message object");
    }
    onlyFields(domainNode, Set.of("name", "version", "chainId", "verifyingContract"), path + ".domain.");
    JsonNode chainId = domainNode.get("chainId");
    BigInteger chain;
    if (chainId != null && chainId.isIntegralNumber()) {
      chain = chainId.bigIntegerValue();
    } else if (chainId != null && chainId.isTextual() && UINT.matcher(chainId.asText()).matches()) {
      chain = new BigInteger(chainId.asText());
    } else {
      throw new ValidationException(path + ".domain.chainId", chainId, "must be a positive integer");
    }
    Eip712Domain domain = Eip712Domain.of(text(domainNode, "name", path + ".domain"),
        text(domainNode, "version", path + ".domain"), chain,
        address(domainNode, "verifyingContract", path + ".domain"));
    if (!domain.name().equals(UsageStatement.DOMAIN_NAME) || !domain.version().equals("1")) {
      throw new ValidationException(path + ".domain.name", domain.name(),
          "must be '" + UsageStatement.DOMAIN_NAME + "' version 1");
    }
    onlyFields(message, STATEMENT_FIELDS, path + ".message.");
    String mp = path + ".message";
    UsageStatement s;
    try {
      s = UsageStatement.builder()
          .assetId(uint(message, "assetId", mp))
          .device(address(message, "device", mp))
          .periodStart(Instant.ofEpochSecond(smallUint(message, "periodStart", mp).longValueExact()))
          .periodEnd(Instant.ofEpochSecond(smallUint(message, "periodEnd", mp).longValueExact()))
          .kind(UsageKind.fromCode(smallUint(message, "kind", mp).intValueExact()))
          .value(uint(message, "value", mp))
          .availabilityBps(smallUint(message, "availabilityBps", mp).intValueExact())
          .build();
    } catch (ArithmeticException e) {
      throw new ValidationException(mp, message, "must hold integers that fit their Solidity types");
    } catch (ValidationException e) {
      throw e.field().startsWith(path) ? e : e.within(mp);
    }
    if (!typed.path("primaryType").asText().equals("UsageStatement")
        || !typed.get("types").equals(typedData(s, domain).get("types"))) {
      throw new ValidationException(path + ".types", typed.get("types"),
          "must declare exactly EIP712Domain and UsageStatement as 'evidence sign' writes them, primaryType UsageStatement");
    }
    return new Signed(s, domain);
  }

  /** A statement with the domain it was signed in. */
  static final class Signed {
    final UsageStatement statement;
    final Eip712Domain domain;

    Signed(UsageStatement statement, Eip712Domain domain) {
      this.statement = statement;
      this.domain = domain;
    }
  }

  static void onlyFields(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new ValidationException(prefix + name, name, "is not a known field; known: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  static String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new ValidationException(path + "." + field, v, "must be a JSON string");
    }
    return v.asText();
  }

  private static BigInteger uint(JsonNode node, String field, String path) {
    String t = text(node, field, path);
    if (!UINT.matcher(t).matches()) {
      throw new ValidationException(path + "." + field, t, "must be a decimal integer string without sign or leading zeros");
    }
    return new BigInteger(t);
  }

  /** A narrow integer: a JSON integer, or a decimal string. */
  private static BigInteger smallUint(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v != null && v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0) {
      return v.bigIntegerValue();
    }
    if (v != null && v.isTextual() && UINT.matcher(v.asText()).matches()) {
      return new BigInteger(v.asText());
    }
    throw new ValidationException(path + "." + field, v, "must be a non-negative integer");
  }

  static Address address(JsonNode node, String field, String path) {
    try {
      return Address.fromHex(text(node, field, path));
    } catch (ValidationException e) {
      throw new ValidationException(path + "." + field, e.rejectedValue(), e.rule());
    }
  }

  private static Instant time(JsonNode node, String field, String path) {
    String t = text(node, field, path);
    if (!UTC_SECONDS.matcher(t).matches()) {
      throw new ValidationException(path + "." + field, t, "must be ISO-8601 UTC to the second, like 2026-11-28T00:00:00Z");
    }
    try {
      return Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ValidationException(path + "." + field, t, "must be a real date and time");
    }
  }
}
