package org.computerwa.mining.pow;

import java.util.Locale;

/**
 * The outcome of one consensus rule for one header.
 *
 * <pre>{@code
 * HeaderCheck c = checks.get(0);
 * if (c.difficulty() == CheckStatus.UNCHECKED) { ... }   // context was missing
 * }</pre>
 *
 * @since 0.1.0
 */
public enum CheckStatus {
  /** The rule was checked and holds. */
  OK,
  /** The rule was checked and is broken. */
  FAIL,
  /** The rule applies but the context it needs (earlier headers) is missing, so it was not assumed. */
  UNCHECKED,
  /** The rule does not apply to this header (for example linkage of the first header). */
  NOT_APPLICABLE;

  /**
   * The short lowercase label used in reports.
   *
   * @return {@code ok}, {@code fail}, {@code unchecked} or {@code n/a}
   */
  public String label() {
    return this == NOT_APPLICABLE ? "n/a" : name().toLowerCase(Locale.ROOT);
  }
}
