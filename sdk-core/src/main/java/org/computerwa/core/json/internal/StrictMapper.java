package org.computerwa.core.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.computerwa.core.json.ComputeRwaJson;

/**
 * Builds the hardened Jackson mapper behind {@code ComputeRwaJson}: strict parsing limits,
 * duplicate detection, no coercions, no auto-detected properties, no polymorphic typing.
 */
public final class StrictMapper {
  private static final ObjectMapper WRITER = create(
      ComputeRwaJson.DEFAULT_MAX_DOCUMENT_CHARS,
      ComputeRwaJson.DEFAULT_MAX_DEPTH,
      ComputeRwaJson.DEFAULT_MAX_NUMBER_DIGITS,
      ComputeRwaJson.DEFAULT_MAX_STRING_CHARS);

  private StrictMapper() {}

  /**
   * Creates a mapper with the given limits.
   *
   * @param maxDocumentChars longest document
   * @param maxDepth deepest nesting
   * @param maxNumberDigits longest number
   * @param maxStringChars longest string
   * @return a new mapper
   */
  public static ObjectMapper create(int maxDocumentChars, int maxDepth, int maxNumberDigits, int maxStringChars) {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxDocumentLength(maxDocumentChars)
        .maxNestingDepth(maxDepth)
        .maxNumberLength(maxNumberDigits)
        .maxStringLength(maxStringChars)
        .maxNameLength(Math.min(maxStringChars, 1_000))
        .build();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(limits)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    JsonMapper json = JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(StrictScalars.module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(MapperFeature.AUTO_DETECT_FIELDS)
        .disable(MapperFeature.AUTO_DETECT_GETTERS)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .disable(MapperFeature.AUTO_DETECT_SETTERS)
        .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
    json.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setAcceptBlankAsEmpty(false);
    json.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return json;
  }

  /**
   * The canonical (RFC 8785) JSON of a model value, leaving out the named top-level members.
   *
   * @param value a model value that writes as a JSON object
   * @param omitted top-level member names to leave out
   * @return canonical JSON text
   */
  public static String canonicalWithout(Object value, String... omitted) {
    ObjectNode tree = WRITER.valueToTree(value);
    for (String name : omitted) {
      tree.remove(name);
    }
    return Jcs.canonicalize(tree);
  }
}
