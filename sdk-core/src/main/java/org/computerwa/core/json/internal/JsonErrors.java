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
  private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\).*?allowed \\((\\d+)");

  private JsonErrors() {}

  /**
   * Translates a Jackson failure.
   *
   * @param e the failure
   * @param rootType the type that was being read
   * @return the validation exception to throw
   */
  public static ValidationException translate(JacksonException e, Class<?> rootType) {
    String path = mappingPath(e);
    ValidationException inner = find(e, ValidationException.class);
    if (inner != null) {
      return path.isEmpty() ? inner : inner.within(path);
    }
    StreamConstraintsException limit = find(e, StreamConstraintsException.class);
    if (limit != null) {
      return constraint(limit, path, e);
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
        return new ValidationException("$", null, "must hold exactly one JSON value (" + message + ")", e);
      }
      return new ValidationException(orRoot(path), null,
          m.getTargetType() == null ? message : expectation(m.getTargetType()) + " (" + message + ")", e);
    }
    JacksonException root = rootJackson(e);
    String where = path.isEmpty() ? parserPath(root) : path;
    if (root instanceof InputCoercionException) {
      InputCoercionException c = (InputCoercionException) root;
      return new ValidationException(orRoot(where), null,
          "must fit in " + typeName(c.getTargetType()) + " (" + clean(c.getOriginalMessage()) + ")", e);
    }
    if (root instanceof JsonProcessingException && !(root instanceof JsonMappingException)) {
      return new ValidationException(orRoot(where), null,
          "must be well-formed JSON: " + clean(((JsonProcessingException) root).getOriginalMessage()), e);
    }
    return new ValidationException(orRoot(where), null, clean(e.getOriginalMessage()), e);
  }

  private static ValidationException constraint(StreamConstraintsException limit, String path, JacksonException e) {
    String message = String.valueOf(limit.getOriginalMessage());
    Matcher m = LIMIT.matcher(message);
    String seen = m.find() ? m.group(1) : null;
    String max = seen == null ? "?" : m.group(2);
    String where = path.isEmpty() ? parserPath(limit) : path;
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
  private static String parserPath(@Nullable JacksonException e) {
    if (!(e instanceof JsonProcessingException)) {
      return "";
    }
    Object processor = ((JsonProcessingException) e).getProcessor();
    if (!(processor instanceof JsonParser)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext ctx = ((JsonParser) processor).getParsingContext(); ctx != null; ctx = ctx.getParent()) {
      if (ctx.inObject() && ctx.getCurrentName() != null) {
        parts.add(0, "." + ctx.getCurrentName());
      } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0) {
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

  private static String clean(@Nullable String message) {
    if (message == null) {
      return "invalid input";
    }
    String firstLine = message.split("\n", 2)[0];
    return firstLine.replaceAll("org\\.computerwa\\.[a-z.]+\\.(Immutable)?([A-Za-z]+)(\\$Json)?", "$2")
        .replaceAll("`java\\.lang\\.", "`");
  }
}
