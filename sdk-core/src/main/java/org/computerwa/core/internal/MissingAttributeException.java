package org.computerwa.core.internal;

import org.computerwa.core.ValidationException;

/**
 * A value was built without one of its required attributes, or with {@code null} for one;
 * thrown by the generated builders.
 *
 * <p>The generated code passes either the attribute name (for a {@code null}) or its own message
 * listing the missing attributes in brackets; the first name becomes the field of the exception.
 */
public final class MissingAttributeException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from what the generated builder reports.
   *
   * @param nameOrMessage an attribute name, or a message ending in {@code [a, b]}
   */
  public MissingAttributeException(String nameOrMessage) {
    super(firstAttribute(nameOrMessage), null, "is required");
  }

  private static String firstAttribute(String text) {
    int open = text.lastIndexOf('[');
    int close = text.lastIndexOf(']');
    if (open < 0 || close < open) {
      return text.isEmpty() ? "$" : text;
    }
    String first = text.substring(open + 1, close).split(",", -1)[0].trim();
    return first.isEmpty() ? "$" : first;
  }
}
