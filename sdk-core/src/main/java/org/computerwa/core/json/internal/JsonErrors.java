package org.computerwa.core.json.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Translates every Jackson failure into a {@link ValidationException} whose field is the JSON path
 * of the offending value ({@code "terms.sla.minAvailabilityBps"}, {@code "holders[2]"}, or
 * {@code "$"} for the document as a whole).
 */
public final class JsonErrors {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
  private static final Pattern QUOTED_VALUE = Pattern.compile("\\(\"([^\"]*)\"\\)");
  private static final Pattern NUMBER_VALUE = Pattern.compile("value \\((-?[0-9.eE+]+)\\)");
  private static final Pattern TOKEN = Pattern.compile("JsonToken\\.(\\w+)");
  private static final Pattern JACKSON_HINT = Pattern.compile(
      ":? ?\\(?(?:set |but might|although at least|not recognized as one|enable `|not allowed as per)[^)]*\\)?");
  private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\).*?allowed \\((\\d+)");

  private JsonErrors() {}

  /**
   * Translates a Jackson failure.
   *
   * @param e the failure
   * @param parser the parser that was reading, for the position of low-level errors; {@code null}
   *     when writing
   * @return the validation exception to throw
   */
  public static ValidationException translate(JacksonException e, @Nullable JsonParser parser) {
    String path = mappingPath(e);
    ValidationException inner = find(e, ValidationException.class);
    if (inner != null) {
      return path.isEmpty() ? inner : inner.within(path);
    }
    String where = path.isEmpty() ? parserPath(parser) : path;
    StreamConstraintsException limit = find(e, StreamConstraintsException.class);
    if (limit != null) {
      return constraint(limit, where, e);
    }
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      return new ValidationException(orRoot(path), u.getPropertyName(),
          "is not a property of " + typeName(u.getReferringClass())
              + "; known properties: " + names(u.getKnownPropertyIds()), e);
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) e;
      return new ValidationException(orRoot(path), f.getValue(), expectation(f.getTargetType()), e);
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      String message = clean(m.getOriginalMessage());
      if (message.startsWith("Trailing token")) {
        return new ValidationException("$", null, "must hold exactly one JSON value, with nothing after it", e);
      }
      if (message.startsWith("No content")) {
        return new ValidationException("$", "", "must hold a JSON value (the document is empty)", e);
      }
      return new ValidationException(orRoot(path), offered(message),
          m.getTargetType() == null ? message : expectation(m.getTargetType()), e);
    }
    JacksonException root = rootJackson(e);
    if (root instanceof InputCoercionException) {
      InputCoercionException c = (InputCoercionException) root;
      Matcher number = NUMBER_VALUE.matcher(String.valueOf(c.getOriginalMessage()));
      return new ValidationException(orRoot(where), number.find() ? number.group(1) : null,
          "must fit in " + typeName(c.getTargetType()) + " (" + clean(c.getOriginalMessage()) + ")", e);
    }
    if (root instanceof JsonProcessingException && !(root instanceof JsonMappingException)) {
      String message = clean(((JsonProcessingException) root).getOriginalMessage());
      Matcher duplicate = DUPLICATE.matcher(message);
      if (duplicate.find()) {
        String container = containerPath(parser);
        return new ValidationException(
            container.isEmpty() ? duplicate.group(1) : container + "." + duplicate.group(1),
            duplicate.group(1), "must appear only once in its object", e);
      }
      if (message.contains("end-of-input")) {
        return new ValidationException("$", null, "must be complete JSON: " + message, e);
      }
      return new ValidationException(orRoot(where), null, "must be well-formed JSON: " + message, e);
    }
    return new ValidationException(orRoot(where), null, clean(e.getOriginalMessage()), e);
  }

  private static ValidationException constraint(StreamConstraintsException limit, String where, JacksonException e) {
    String message = String.valueOf(limit.getOriginalMessage());
    Matcher m = LIMIT.matcher(message);
    String seen = m.find() ? m.group(1) : null;
    String max = seen == null ? "?" : m.group(2);
    if (message.contains("nesting depth")) {
      return new ValidationException("$", "depth " + seen, "must nest at most " + max + " levels deep", e);
    }
    if (message.startsWith("Document length") || message.contains("document length")) {
      return new ValidationException("$", seen + " characters", "must be at most " + max + " characters long", e);
    }
    if (message.startsWith("Number")) {
      return new ValidationException(orRoot(where), seen + " digits", "must have at most " + max + " digits", e);
    }
    if (message.startsWith("Name")) {
      return new ValidationException(orRoot(where), seen + " characters",
          "property names must be at most " + max + " characters", e);
    }
    if (message.startsWith("String")) {
      return new ValidationException(orRoot(where), seen + " characters", "must be at most " + max + " characters", e);
    }
    return new ValidationException(orRoot(where), null, "must stay within the reader's limits (" + clean(message) + ")", e);
  }

  private static String orRoot(String path) {
    return path.isEmpty() ? "$" : path;
  }

  /** The path databind recorded, as {@code a.b[0].c}. */
  private static String mappingPath(Throwable e) {
    JsonMappingException outer = e instanceof JsonMappingException ? (JsonMappingException) e : null;
    if (outer == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : outer.getPath()) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** The path the parser was at when a low-level error struck, as {@code a.b[0].c}. */
  private static String parserPath(@Nullable JsonParser parser) {
    return parser == null ? "" : join(parser.getParsingContext(), true);
  }

  /** The path of the object the parser is in, without the member it was reading. */
  private static String containerPath(@Nullable JsonParser parser) {
    return parser == null ? "" : join(parser.getParsingContext(), false);
  }

  private static String join(@Nullable JsonStreamContext innermost, boolean withInnermostName) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext ctx = innermost; ctx != null; ctx = ctx.getParent()) {
      boolean skip = ctx == innermost && !withInnermostName;
      if (ctx.inObject() && ctx.getCurrentName() != null && !skip) {
        parts.add(0, "." + ctx.getCurrentName());
      } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0 && !skip) {
        parts.add(0, "[" + ctx.getCurrentIndex() + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  private static @Nullable JacksonException rootJackson(Throwable e) {
    JacksonException last = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JacksonException) {
        last = (JacksonException) t;
      }
    }
    return last;
  }

  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String expectation(@Nullable Class<?> type) {
    if (type == null) {
      return "must have the expected type";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "must be a JSON integer that fits in " + typeName(type);
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    return "must be a " + typeName(type);
  }

  static String typeName(@Nullable Class<?> type) {
    if (type == null) {
      return "value";
    }
    String name = type.getSimpleName();
    if (name.equals("Json") && type.getEnclosingClass() != null) {
      name = type.getEnclosingClass().getSimpleName();
    }
    return name.startsWith("Immutable") ? name.substring("Immutable".length()) : name;
  }

  private static String names(@Nullable Collection<Object> ids) {
    if (ids == null) {
      return "[]";
    }
    TreeSet<String> sorted = new TreeSet<>();
    ids.forEach(id -> sorted.add(String.valueOf(id)));
    return sorted.toString();
  }

  /** What the input offered, recovered from a Jackson message about a mismatched token. */
  private static @Nullable String offered(String message) {
    if (message.contains("`null`")) {
      return "null";
    }
    Matcher quoted = QUOTED_VALUE.matcher(message);
    if (quoted.find()) {
      return quoted.group(1);
    }
    Matcher token = TOKEN.matcher(message);
    if (!token.find()) {
      return null;
    }
    switch (token.group(1)) {
      case "VALUE_TRUE":
        return "true";
      case "VALUE_FALSE":
        return "false";
      case "START_ARRAY":
        return "an array";
      case "START_OBJECT":
        return "an object";
      case "VALUE_STRING":
        return "a string";
      case "VALUE_NUMBER_INT":
        return "an integer";
      case "VALUE_NUMBER_FLOAT":
        return "a decimal number";
      default:
        return token.group(1);
    }
  }

  private static String clean(@Nullable String message) {
    if (message == null) {
      return "invalid input";
    }
    String firstLine = JACKSON_HINT.matcher(message.split("\n", 2)[0]).replaceAll("");
    return firstLine.replaceAll("org\\.computerwa\\.[a-z.]+\\.(Immutable)?([A-Za-z]+)(\\$Json)?", "$2")
        .replaceAll("`java\\.lang\\.", "`");
  }
}
