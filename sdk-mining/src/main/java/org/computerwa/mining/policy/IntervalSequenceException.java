package org.computerwa.mining.policy;

import java.time.Instant;
import org.computerwa.core.ValidationException;

/**
 * An interval handed to a {@link LoadController} out of order: skipped, repeated or earlier than
 * the last one decided. Dwell and switch counts depend on consecutive intervals, so the
 * controller refuses rather than miscount; its state is unchanged.
 *
 * <pre>{@code
 * try {
 *   controller.decide(view);
 * } catch (IntervalSequenceException e) {
 *   e.expected();   // the only interval start the controller accepts next
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class IntervalSequenceException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The interval start the controller expected. */
  private final Instant expected;
  /** The interval start it was given. */
  private final Instant actual;

  IntervalSequenceException(Instant expected, Instant actual) {
    super("view.intervalStart", actual, "must be " + expected + ", the interval after the last decided one ("
        + (actual.isAfter(expected) ? "an interval was skipped" : "an interval was repeated or went back") + ")");
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The interval start the controller accepts next.
   *
   * @return the instant
   */
  public Instant expected() {
    return expected;
  }

  /**
   * The interval start that was refused.
   *
   * @return the instant
   */
  public Instant actual() {
    return actual;
  }
}
