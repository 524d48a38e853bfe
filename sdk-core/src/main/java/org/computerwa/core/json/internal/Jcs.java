package org.computerwa.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.computerwa.core.ValidationException;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: object members sorted by the UTF-16
 * code units of their names, no insignificant whitespace, strings escaped the ECMAScript way.
 *
 * <p>Numbers: the SDK's models carry money and decimal quantities as strings, so only integers
 * with magnitude up to 2^53 occur; for those the ECMAScript form is the plain decimal integer.
 * Any other number is rejected rather than risk a form that differs from ECMAScript's.
 * Strings with unpaired surrogates are rejected (RFC 8785 requires I-JSON).
 */
public final class Jcs {
  private static final BigInteger MAX_SAFE = BigInteger.ONE.shiftLeft(53);

  private Jcs() {}

  /**
   * Renders a tree canonically.
   *
   * @param node the tree
   * @return the canonical text
   * @throws ValidationException for a non-integer or too large number or an unpaired surrogate
   */
  public static String canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "$", out);
    return out.toString();
  }

  private static void write(JsonNode node, String path, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT:
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        Collections.sort(names); // String order is UTF-16 code unit order, as RFC 8785 requires
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          String name = names.get(i);
          string(name, path, out);
          out.append(':');
          write(node.get(name), path.equals("$") ? name : path + "." + name, out);
        }
        out.append('}');
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), path + "[" + i + "]", out);
        }
        out.append(']');
        break;
      case STRING:
        string(node.textValue(), path, out);
        break;
      case NUMBER:
        if (!node.isIntegralNumber() || node.bigIntegerValue().abs().compareTo(MAX_SAFE) > 0) {
          throw new ValidationException(path, node.asText(),
              "must be an integer of magnitude at most 2^53 in canonical JSON (write decimals as strings)");
        }
        out.append(node.bigIntegerValue());
        break;
      case BOOLEAN:
        out.append(node.booleanValue());
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new ValidationException(path, node.getNodeType(), "must be a JSON value");
    }
  }

  private static void string(String s, String path, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new ValidationException(path, "\\u" + Integer.toHexString(c), "must not contain an unpaired surrogate");
      }
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
