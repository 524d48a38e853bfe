package org.computerwa.chain.tx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.computerwa.chain.tx.internal.JdbcJournal;
import org.computerwa.chain.tx.internal.OperationRow;
import org.computerwa.core.ValidationException;

/**
 * The durable record of every operation a {@link TransactionPipeline} sends: intents, allocated
 * nonces, signed raw transactions, states and outcomes, in a JDBC database.
 *
 * <pre>{@code
 * Journal local = Journal.sqlite(Path.of("/var/lib/operator/journal.db"));   // one process
 * Journal shared = Journal.postgres(                                         // several processes
 *     "jdbc:postgresql://db.internal:5432/operator", "operator", password);
 * }</pre>
 *
 * <p>SQLite (xerial sqlite-jdbc) is the embedded default: a file, write-ahead logged, fsynced at
 * every commit, no setup. It is for one process at a time. PostgreSQL (pgjdbc) is the store for
 * several processes that send from one key: nonces are allocated under a row lock ({@code SELECT
 * … FOR UPDATE}), so instances never clash. The schema is created on first open. A journal is
 * bound to one chain (chain id and genesis block hash) the first time a pipeline uses it and
 * refuses any other. Thread-safe; close it after the pipelines that use it.
 *
 * @since 0.1.0
 */
public final class Journal implements AutoCloseable {
  static {
    org.computerwa.chain.tx.internal.JournalAccess.install(Journal::store);
  }

  private final JdbcJournal store;

  private Journal(JdbcJournal store) {
    this.store = store;
  }

  /**
   * Opens or creates an SQLite journal file.
   *
   * @param file the database file; its folder must exist
   * @return the journal
   * @throws ValidationException when the folder does not exist
   */
  public static Journal sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath();
    if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
      throw new ValidationException("file", file, "its folder must exist");
    }
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "FULL");
    p.setProperty("busy_timeout", "30000");
    // Every transaction takes the write lock at BEGIN: nonce allocation is serialised.
    p.setProperty("transaction_mode", "IMMEDIATE");
    return new Journal(JdbcJournal.open("sqlite:" + abs, JdbcJournal.Dialect.SQLITE, "jdbc:sqlite:" + abs, p, 1));
  }

  /**
   * A journal that lives in memory and is lost when closed: for tests and demos only, where a
   * crash may lose track of what was sent.
   *
   * @return the journal
   */
  public static Journal inMemory() {
    Properties p = new Properties();
    return new Journal(JdbcJournal.open("memory", JdbcJournal.Dialect.SQLITE, "jdbc:sqlite::memory:", p, 1));
  }

  /**
   * Opens a PostgreSQL journal, creating its tables when missing.
   *
   * @param jdbcUrl such as {@code jdbc:postgresql://127.0.0.1:5432/operator}
   * @param user the database user
   * @param password the password (empty for trust authentication); never logged
   * @return the journal
   * @throws ValidationException when the URL is not a PostgreSQL JDBC URL
   */
  public static Journal postgres(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new ValidationException("jdbcUrl", jdbcUrl.replaceAll("\\?.*", "?…"), "must start with jdbc:postgresql://");
    }
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    String shown = jdbcUrl.replaceAll("\\?.*", "");
    return new Journal(JdbcJournal.open("postgres:" + shown, JdbcJournal.Dialect.POSTGRES, jdbcUrl, p, 4));
  }

  /**
   * Every recorded operation, oldest first.
   *
   * @return the operations
   */
  public List<Operation> operations() {
    return store.all().stream().map(Operation::of).toList();
  }

  /**
   * One operation by id.
   *
   * @param id the operation id
   * @return the operation
   */
  public Optional<Operation> operation(String id) {
    return store.find(id).map(Operation::of);
  }

  /**
   * The operation one of whose signed transactions has this hash.
   *
   * @param transactionHash 0x-hex
   * @return the operation
   */
  public Optional<Operation> byTransactionHash(String transactionHash) {
    return store.findByHash(transactionHash).map(Operation::of);
  }

  JdbcJournal store() {
    return store;
  }

  static Operation operation(OperationRow row) {
    return Operation.of(row);
  }

  @Override
  public String toString() {
    return "Journal[" + store.description() + "]";
  }

  /** Closes the database connections. */
  @Override
  public void close() {
    store.close();
  }
}
