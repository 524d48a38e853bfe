package org.computerwa.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.computerwa.core.json.internal.JsonErrors;
import org.computerwa.core.json.internal.Jcs;
import org.computerwa.core.json.internal.StrictMapper;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's hardened JSON reader and writer for its models: strict on input, stable on output.
 *
 * <pre>{@code
 * ComputeRwaJson json = ComputeRwaJson.standard();
 * LeaseTerms terms = json.read(text, LeaseTerms.class);   // or throws ValidationException
 * String out = json.write(terms);
 * String canonical = json.canonical(asset);                // RFC 8785, for hashing
 * }</pre>
 *
 * <p>What reading refuses, always with a {@link ValidationException} whose {@code field()} is the
 * JSON path of the offending value ({@code "sla.minAvailabilityBps"}, {@code "holders[2]"}, or
 * {@code "$"} for the whole document), its value and the rule:
 * <ul>
 *   <li>properties the model does not have, including class-name tricks such as {@code "@class"}
 *       (there is no polymorphic typing at all);
 *   <li>duplicate property names, and anything after the single top-level value;
 *   <li>documents longer, deeper, with longer numbers, strings or names than the limits
 *       (defaults: {@value #DEFAULT_MAX_DOCUMENT_CHARS} characters, {@value #DEFAULT_MAX_DEPTH}
 *       levels, {@value #DEFAULT_MAX_NUMBER_DIGITS} digits, {@value #DEFAULT_MAX_STRING_CHARS}
 *       characters per string);
 *   <li>money written as a JSON number: amounts are strings of base units ({@code "1500000"});
 *       decimal quantities are decimal strings ({@code "989.4"}); floats never become integers,
 *       and strings never become numbers;
 *   <li>values that break a model's own rules, reported with the full path.
 * </ul>
 *
 * <p>Writing omits absent optional values; {@link #canonical(Object)} renders the RFC 8785
 * canonical form used for hashing. Instances are immutable and thread-safe; share one.
 *
 * @since 0.1.0
 */
public final class ComputeRwaJson {
  /** Default limit on the length of a document, in characters (or bytes). */
  public static final int DEFAULT_MAX_DOCUMENT_CHARS = 1_000_000;
  /** Default limit on nesting of objects and arrays. */
  public static final int DEFAULT_MAX_DEPTH = 32;
  /** Default limit on the digits of one JSON number. */
  public static final int DEFAULT_MAX_NUMBER_DIGITS = 40;
  /** Default limit on the characters of one JSON string. */
  public static final int DEFAULT_MAX_STRING_CHARS = 100_000;

  private static final ComputeRwaJson STANDARD = builder().build();


  private final ObjectMapper mapper;
  private final int maxDocumentChars;

  private ComputeRwaJson(Builder builder) {
    this.maxDocumentChars = builder.maxDocumentChars;
    this.mapper = StrictMapper.create(
        builder.maxDocumentChars, builder.maxDepth, builder.maxNumberDigits, builder.maxStringChars);
  }

  /**
   * The shared instance with the default limits.
   *
   * @return the standard reader and writer
   */
  public static ComputeRwaJson standard() {
    return STANDARD;
  }

  /**
   * Starts a builder, for other limits than the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads one value of the given type from JSON text.
   *
   * @param json the JSON text
   * @param type the model type, such as {@code LeaseTerms.class}
   * @param <T> the model type
   * @return the value, fully validated
   * @throws ValidationException naming the JSON path, the value and the rule, for any bad input
   */
  public <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    if (json.length() > maxDocumentChars) {
      throw new ValidationException("$", json.length() + " characters",
          "must be at most " + maxDocumentChars + " characters long");
    }
    try (JsonParser parser = mapper.createParser(json)) {
      return readFrom(parser, type);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads one value of the given type from JSON bytes (UTF-8).
   *
   * @param json the JSON bytes
   * @param type the model type
   * @param <T> the model type
   * @return the value, fully validated
   * @throws ValidationException naming the JSON path, the value and the rule, for any bad input
   */
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    if (json.length > maxDocumentChars) {
      throw new ValidationException("$", json.length + " bytes",
          "must be at most " + maxDocumentChars + " bytes long");
    }
    try (JsonParser parser = mapper.createParser(json)) {
      return readFrom(parser, type);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private <T> T readFrom(JsonParser parser, Class<T> type) throws IOException {
    try {
      return present(mapper.readValue(parser, type), type);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e, parser);
    }
  }

  private static ValidationException unreadable(IOException e) {
    return new ValidationException("$", null, "must be readable JSON (" + e.getMessage() + ")", e);
  }

  /**
   * Writes a value as compact JSON, omitting absent optional values.
   *
   * @param value a model value
   * @return the JSON text
   * @throws ValidationException if the value is not a model Jackson can write
   */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e, null);
    }
  }

  /**
   * Writes a value in the RFC 8785 canonical form: members sorted by name, no whitespace. The
   * same value gives the same text on any machine.
   *
   * @param value a model value
   * @return the canonical JSON text
   * @throws ValidationException if the value holds a number that is not an integer within
   *     2^53 (models never do: amounts and decimals are strings)
   */
  public String canonical(Object value) {
    return Jcs.canonicalize(mapper.valueToTree(value));
  }

  /**
   * The UTF-8 bytes of {@link #canonical(Object)}, the input of spec hashes.
   *
   * @param value a model value
   * @return canonical JSON as UTF-8
   */
  public byte[] canonicalBytes(Object value) {
    return canonical(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Rewrites any JSON text in the RFC 8785 canonical form, applying this reader's limits and its
   * duplicate-name check.
   *
   * @param json JSON text
   * @return the canonical text
   * @throws ValidationException for malformed input, or a number that is not an integer within
   *     2^53
   */
  public String canonicalize(String json) {
    return Jcs.canonicalize(read(json, JsonNode.class));
  }

  private static <T> T present(@Nullable T value, Class<T> type) {
    if (value == null) {
      throw new ValidationException("$", "null", "must be a JSON value of " + type.getSimpleName() + ", not null");
    }
    return value;
  }

  /**
   * Builds a {@link ComputeRwaJson} with other limits.
   *
   * <pre>{@code
   * ComputeRwaJson json = ComputeRwaJson.builder().maxDocumentChars(64_000).build();
   * }</pre>
   */
  public static final class Builder {
    private int maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxNumberDigits = DEFAULT_MAX_NUMBER_DIGITS;
    private int maxStringChars = DEFAULT_MAX_STRING_CHARS;

    private Builder() {}

    /**
     * Longest document accepted.
     *
     * @param chars characters (bytes for byte input), at least 2
     * @return this builder
     * @throws ValidationException if below 2
     */
    public Builder maxDocumentChars(int chars) {
      this.maxDocumentChars = atLeast("maxDocumentChars", chars, 2);
      return this;
    }

    /**
     * Deepest nesting of objects and arrays accepted.
     *
     * @param depth levels, 1 to 1000
     * @return this builder
     * @throws ValidationException if out of range
     */
    public Builder maxDepth(int depth) {
      this.maxDepth = atLeast("maxDepth", depth, 1);
      if (depth > 1000) {
        throw new ValidationException("maxDepth", depth, "must be at most 1000");
      }
      return this;
    }

    /**
     * Most digits accepted in one JSON number.
     *
     * @param digits digits, at least 1
     * @return this builder
     * @throws ValidationException if below 1
     */
    public Builder maxNumberDigits(int digits) {
      this.maxNumberDigits = atLeast("maxNumberDigits", digits, 1);
      return this;
    }

    /**
     * Most characters accepted in one JSON string.
     *
     * @param chars characters, at least 1
     * @return this builder
     * @throws ValidationException if below 1
     */
    public Builder maxStringChars(int chars) {
      this.maxStringChars = atLeast("maxStringChars", chars, 1);
      return this;
    }

    /**
     * Builds the reader and writer.
     *
     * @return a new instance
     */
    public ComputeRwaJson build() {
      return new ComputeRwaJson(this);
    }

    private static int atLeast(String field, int value, int min) {
      if (value < min) {
        throw new ValidationException(field, value, "must be at least " + min);
      }
      return value;
    }
  }
}
