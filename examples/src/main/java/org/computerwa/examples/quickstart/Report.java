package org.computerwa.examples.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * measured; narrates as it goes and renders the summary or the machine report at the end.
 *
 * <p>A check compares a figure the chain or an engine produced with the independent computation
 * of it; any mismatch makes the report not {@linkplain #ok() ok}. Not thread-safe except for
 * {@link #say}, which the progress ticker may call from its own thread.
 */
final class Report {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  /** The readable summary: one line per step with its checks and time. */
  void summary(PrintWriter out) {
    out.println();
    out.println("Summary");
    for (Step s : steps) {
      long passed = s.checks.stream().filter(c -> c.ok).count();
      out.printf(Locale.ROOT, "  %s %d. %-62s %2d/%-2d checks %6.1f s%n", s.ok() ? "ok  " : "FAIL", s.number,
          shorten(s.title, 62), passed, s.checks.size(), s.millis / 1000.0);
      for (Check c : s.checks) {
        if (!c.ok) {
          out.println("         " + c.name + ": " + c.actual + " (expected " + c.expected + ")");
        }
      }
      if (s.error != null) {
        out.println("         error: " + s.error);
      }
    }
    out.println();
    out.println(ok()
        ? "Done: all " + checkCount() + " checks passed."
        : "FAILED: " + failedCount() + " of " + checkCount() + " checks failed" + (errors() > 0 ? ", " + errors()
            + " step(s) failed" : "") + ".");
    out.flush();
  }

  /** The machine report: one JSON object. */
  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("ok", ok());
    root.put("checks", checkCount());
    root.put("failed", failedCount());
    ArrayNode list = root.putArray("steps");
    for (Step s : steps) {
      ObjectNode n = list.addObject();
      n.put("step", s.number);
      n.put("title", s.title);
      n.put("ok", s.ok());
      n.put("millis", s.millis);
      if (s.error != null) {
        n.put("error", s.error);
      }
      ArrayNode checks = n.putArray("checks");
      for (Check c : s.checks) {
        ObjectNode cn = checks.addObject();
        cn.put("name", c.name);
        cn.put("ok", c.ok);
        cn.put("actual", c.actual);
        cn.put("expected", c.expected);
      }
      n.set("figures", JSON.valueToTree(s.figures));
      n.set("transactions", JSON.valueToTree(s.transactions));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the report is plain maps and strings", e);
    }
  }

  private long errors() {
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

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "...";
  }
}
