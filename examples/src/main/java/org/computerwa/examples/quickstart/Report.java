package org.computerwa.examples.quickstart;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.core.money.TokenAmount;
import org.jspecify.annotations.Nullable;

/**
 * What the quickstart found: its steps in order, each with the checks it made and the figures it
 * measured, narrated as it goes. {@link ReportText}, {@link ReportJson} and {@link ReportMarkdown}
 * render it at the end.
 *
 * <p>A check compares a figure the chain or an engine produced with the independent computation
 * of it; any mismatch makes the report not {@linkplain #ok() ok}. Not thread-safe except for
 * {@link #say}, which the progress ticker may call from its own thread.
 */
final class Report {
  private final PrintWriter narration;
  private final Set<String> tampered;
  private final List<Step> steps = new ArrayList<>();
  private @Nullable Step current;

  /**
   * @param narration where the readable story goes (a sink that drops it under {@code --json})
   * @param tampered names of checks whose expectation is deliberately made wrong (the test's hook)
   */
  Report(PrintWriter narration, Set<String> tampered) {
    this.narration = narration;
    this.tampered = Set.copyOf(tampered);
  }

  /** One step of the story. */
  static final class Step {
    final int number;
    final String title;
    final List<Check> checks = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<Map<String, Object>> transactions = new ArrayList<>();
    long millis;
    @Nullable String error;

    Step(int number, String title) {
      this.number = number;
      this.title = title;
    }

    boolean ok() {
      return error == null && checks.stream().allMatch(c -> c.ok);
    }
  }

  /** One comparison of a produced figure with its independent computation. */
  static final class Check {
    final String name;
    final String actual;
    final String expected;
    final boolean ok;

    Check(String name, String actual, String expected, boolean ok) {
      this.name = name;
      this.actual = actual;
      this.expected = expected;
      this.ok = ok;
    }
  }

  Step begin(String title) {
    Step s = new Step(steps.size() + 1, title);
    steps.add(s);
    current = s;
    narration.println();
    narration.println(s.number + ". " + title);
    narration.flush();
    return s;
  }

  void end(Step s, Duration took) {
    s.millis = took.toMillis();
    current = null;
  }

  void fail(Step s, String error) {
    s.error = error;
    narration.println("    STEP FAILED: " + error);
    narration.flush();
  }

  /** A line of the readable story. */
  synchronized void say(String line) {
    narration.println("    " + line);
    narration.flush();
  }

  /** Records a figure of the current step under a stable JSON name. */
  void figure(String name, Object value) {
    step().figures.put(name, json(value));
  }

  void receipts(Outcome<?> outcome) {
    outcome.receipts().forEach(this::receipt);
  }

  void receipt(Receipt r) {
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("action", r.action());
    tx.put("hash", r.transactionHash());
    tx.put("gas", r.gasUsed());
    step().transactions.add(tx);
    say(String.format(Locale.ROOT, "tx %s  gas %,9d  %s", r.transactionHash(), r.gasUsed(), r.action()));
  }

  /**
   * Compares a produced figure with its independent computation.
   *
   * @return whether they are equal
   */
  boolean check(String name, Object actual, Object expected) {
    Object want = tampered.contains(name) ? "tampered:" + expected : expected;
    boolean ok = actual.equals(want);
    step().checks.add(new Check(name, text(actual), text(want), ok));
    if (ok) {
      say("check: " + name + " = " + text(actual));
    } else {
      say("MISMATCH: " + name + " is " + text(actual) + ", the independent computation says " + text(want));
    }
    return ok;
  }

  /** A check of a condition that has no single expected figure, such as a bound. */
  boolean checkThat(String name, boolean holds, String what) {
    return check(name, holds ? what : "not " + what, what);
  }

  boolean ok() {
    return !steps.isEmpty() && steps.stream().allMatch(Step::ok);
  }

  List<Step> steps() {
    return steps;
  }

  long checkCount() {
    return steps.stream().mapToLong(s -> s.checks.size()).sum();
  }

  long failedCount() {
    return steps.stream().flatMap(s -> s.checks.stream()).filter(c -> !c.ok).count();
  }

  long errors() {
    return steps.stream().filter(s -> s.error != null).count();
  }

  private Step step() {
    return Objects.requireNonNull(current, "no step is running");
  }

  static String money(TokenAmount amount) {
    return amount.toDecimalString() + " " + amount.token().symbol();
  }

  private static String text(Object value) {
    return value instanceof TokenAmount ? money((TokenAmount) value) : String.valueOf(value);
  }

  /** Figures keep exact integers as strings (JSON numbers lose precision past 2^53). */
  private static Object json(Object value) {
    if (value instanceof TokenAmount) {
      return ((TokenAmount) value).baseUnits().toString();
    }
    if (value instanceof BigInteger || value instanceof Duration || value instanceof java.time.Instant) {
      return value.toString();
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof Map
        || value instanceof List) {
      return value;
    }
    return String.valueOf(value);
  }

}
