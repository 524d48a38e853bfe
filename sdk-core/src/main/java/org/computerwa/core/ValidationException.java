package org.computerwa.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input broke a rule: it names the field (as a path), the rejected value and the rule.
 *
 * <pre>{@code
 * try {
 *   LeaseTerms.builder().start(end).end(start)...build();
 * } catch (ValidationException e) {
 *   e.field();          // "end"
 *   e.rejectedValue();  // "2026-01-01T00:00:00Z"
 *   e.rule();           // "must be after start (2026-02-01T00:00:00Z)"
 * }
 * }</pre>
 *
 * <p>Nothing is partially built or written when this is thrown. Never retryable: the same input
 * fails the same way.
 *
 * @since 0.1.0
 */
public class ValidationException extends ComputeRwaException {
  private static final long serialVersionUID = 1L;

  /** Longest rendering of a rejected value kept in the message; longer values are abbreviated. */
  private static final int MAX_VALUE_CHARS = 120;

  /** The path of the offending field. */
  private final String field;
  /** The rejected value as text, abbreviated; {@code null} when absent. */
  private final @Nullable String rejectedValue;
  /** The rule the value broke. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the path of the offending field, such as {@code "terms.sla.minAvailabilityBps"}
   * @param rejectedValue the offending value as text (abbreviated if long), or {@code null} if
   *     the value was absent
   * @param rule the rule it broke, phrased so that "field must ..." reads well
   */
  public ValidationException(String field, @Nullable Object rejectedValue, String rule) {
    this(field, rejectedValue, rule, null);
  }

  /**
   * Creates the exception with the failure that revealed it.
   *
   * @param field the path of the offending field
   * @param rejectedValue the offending value, or {@code null} if the value was absent
   * @param rule the rule it broke
   * @param cause the underlying failure, for example a parser error
   */
  public ValidationException(
      String field, @Nullable Object rejectedValue, String rule, @Nullable Throwable cause) {
    super(format(field, abbreviate(rejectedValue), rule), cause);
    this.field = Objects.requireNonNull(field, "field");
    this.rejectedValue = abbreviate(rejectedValue);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The path of the offending field, dot-separated with {@code [i]} for list elements.
   *
   * @return the field path, never empty; {@code "$"} denotes the whole input
   */
  public String field() {
    return field;
  }

  /**
   * The rejected value as text, abbreviated when long.
   *
   * @return the value, or {@code null} when the value was missing
   */
  public @Nullable String rejectedValue() {
    return rejectedValue;
  }

  /**
   * The rule the value broke.
   *
   * @return the rule, for example {@code "must be >= 0"}
   */
  public String rule() {
    return rule;
  }

  /**
   * Returns a copy whose field path is prefixed with {@code parent}, for errors found inside a
   * nested value.
   *
   * @param parent the path of the enclosing value, such as {@code "lease"}
   * @return a new exception with field {@code parent + "." + field()}
   */
  public ValidationException within(String parent) {
    String path = field.equals("$") ? parent : parent + (field.startsWith("[") ? "" : ".") + field;
    ValidationException copy = new ValidationException(path, rejectedValue, rule, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  private static @Nullable String abbreviate(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
  }

  private static String format(String field, @Nullable String value, String rule) {
    return field + " " + rule + " (was " + (value == null ? "absent" : "'" + value + "'") + ")";
  }
}
