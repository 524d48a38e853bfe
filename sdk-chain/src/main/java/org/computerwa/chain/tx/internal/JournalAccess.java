package org.computerwa.chain.tx.internal;

import java.util.Objects;
import java.util.function.Function;
import org.computerwa.chain.tx.Journal;

/**
 * Gives the module's other packages (the event stream) the journal's database without putting
 * it in {@link Journal}'s public API. {@link Journal} registers itself when its class loads.
 */
public final class JournalAccess {
  private static volatile Function<Journal, JdbcJournal> getter;

  private JournalAccess() {}

  /**
   * Called once by {@link Journal}.
   *
   * @param g the accessor
   */
  public static void install(Function<Journal, JdbcJournal> g) {
    getter = Objects.requireNonNull(g);
  }

  /**
   * The database behind a journal.
   *
   * @param journal an open journal (its class is loaded, so the accessor is installed)
   * @return its store
   */
  public static JdbcJournal store(Journal journal) {
    return Objects.requireNonNull(getter, "Journal not initialised").apply(journal);
  }
}
