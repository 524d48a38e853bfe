package org.computerwa.core.money;

import org.computerwa.core.ValidationException;

/**
 * Two amounts or an amount and a rate of different tokens were combined.
 *
 * <pre>{@code
 * try {
 *   usdcAmount.plus(daiAmount);
 * } catch (MixedTokenException e) {
 *   e.expected(); // USDC
 *   e.actual();   // DAI
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MixedTokenException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final transient Token expected;
  private final transient Token actual;

  /**
   * Creates the exception.
   *
   * @param field the field that carried the wrong token, such as {@code "token"}
   * @param expected the token the operation works in
   * @param actual the token that was offered
   */
  public MixedTokenException(String field, Token expected, Token actual) {
    super(field, actual, "must be " + expected + " to combine with amounts in it");
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The token the operation works in.
   *
   * @return the expected token
   */
  public Token expected() {
    return expected;
  }

  /**
   * The token that was offered instead.
   *
   * @return the actual token
   */
  public Token actual() {
    return actual;
  }

  static void requireSame(String field, Token expected, Token actual) {
    if (!expected.equals(actual)) {
      throw new MixedTokenException(field, expected, actual);
    }
  }
}
