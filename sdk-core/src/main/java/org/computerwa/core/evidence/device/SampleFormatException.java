package org.computerwa.core.evidence.device;

import org.computerwa.core.ValidationException;

/**
 * A device sample file broke its format: the exception names the line (from 1), the offending
 * text and the rule.
 *
 * <pre>{@code
 * try {
 *   DcgmExposition.read(text);
 * } catch (SampleFormatException e) {
 *   e.line();   // 7
 *   e.rule();   // "must be a number, NaN, +Inf or -Inf"
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SampleFormatException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line of the input where the problem is. */
  private final int line;

  /**
   * Creates the exception.
   *
   * @param line the 1-based line number
   * @param what the part of the line that is wrong, such as {@code "value"} or {@code "timestamp"}
   * @param value the offending text
   * @param rule the rule it broke
   */
  public SampleFormatException(int line, String what, String value, String rule) {
    super("line " + line + " " + what, value, rule);
    this.line = line;
  }

  /**
   * The line where the problem is.
   *
   * @return the 1-based line number
   */
  public int line() {
    return line;
  }
}
