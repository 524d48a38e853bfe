package org.computerwa.chain.tx.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.computerwa.chain.client.ChainException;
import org.computerwa.core.ComputeRwaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's JDBC store. Every method is one database transaction. Nonces are allocated under
 * a row lock ({@code SELECT … FOR UPDATE} on PostgreSQL; SQLite transactions begin IMMEDIATE and
 * so hold the database's write lock), so that processes sharing one database never hand out the
 * same nonce twice. Thread-safe: a small connection pool (one connection for SQLite).
 */
public final class JdbcJournal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcJournal.class);
  private static final int SCHEMA_VERSION = 1;

  /** The SQL differences between the two supported databases. */
  public enum Dialect {
    /** SQLite through xerial's driver. */
    SQLITE,
    /** PostgreSQL through pgjdbc. */
    POSTGRES
  }

  /** Work inside one database transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs the work.
     *
     * @param c the connection, inside a transaction
     * @return the result
     * @throws SQLException to roll back
     */
    T run(Connection c) throws SQLException;
  }

  /** Signs at the nonce the journal allocated, inside the allocating transaction. */
  @FunctionalInterface
  public interface NonceSigner {
    /**
     * Signs.
     *
     * @param nonce the allocated nonce
     * @param seq the attempt's sequence number
     * @return the attempt and the gas limit used
     */
    Signed sign(long nonce, int seq);
  }

  /**
   * A signed first attempt.
   *
   * @param attempt the attempt to record
   * @param gasLimit its gas limit
   */
  public record Signed(OperationRow.Attempt attempt, long gasLimit) {}

  private final String description;
  private final Dialect dialect;
  private final String url;
  private final Properties properties;
  private final BlockingQueue<Connection> idle;
  private final AtomicInteger open = new AtomicInteger();
  private final int poolSize;
  private volatile boolean closed;

  private JdbcJournal(String description, Dialect dialect, String url, Properties properties, int poolSize) {
    this.description = description;
    this.dialect = dialect;
    this.url = url;
    this.properties = properties;
    this.poolSize = poolSize;
    this.idle = new ArrayBlockingQueue<>(poolSize);
  }

  /**
   * Opens (and creates when missing) a journal.
   *
   * @param description how to name the store in messages (never holds a password)
   * @param dialect the database
   * @param url the JDBC URL
   * @param properties driver properties (user, password, pragmas)
   * @param poolSize connections kept open, at least 1
   * @return the journal
   */
  public static JdbcJournal open(String description, Dialect dialect, String url, Properties properties, int poolSize) {
    JdbcJournal j = new JdbcJournal(description, dialect, url, properties, poolSize);
    try {
      j.inTx(c -> {
        j.createSchema(c);
        return null;
      });
    } catch (RuntimeException e) {
      j.close();
      throw e;
    }
    return j;
  }

  /**
   * The store, for messages.
   *
   * @return such as {@code sqlite:/var/lib/op/journal.db}
   */
  public String description() {
    return description;
  }

  private void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (dialect == Dialect.POSTGRES) {
        // Two processes creating the schema at once would race in the catalog.
        s.execute("SELECT pg_advisory_xact_lock(7245313)");
      }
      s.execute("CREATE TABLE IF NOT EXISTS crwa_meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(256) NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS crwa_operation ("
              + "id VARCHAR(40) PRIMARY KEY, sender VARCHAR(42) NOT NULL, idem_key VARCHAR(200), "
              + "action VARCHAR(500) NOT NULL, to_addr VARCHAR(42), data TEXT NOT NULL, value_wei VARCHAR(80) NOT NULL, "
              + "gas_limit BIGINT, nonce BIGINT, state VARCHAR(16) NOT NULL, failure VARCHAR(32), detail TEXT, "
              + "revert_data TEXT, tx_hash VARCHAR(66), block_number BIGINT, block_hash VARCHAR(66), "
              + "created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, UNIQUE (sender, idem_key))");
      s.execute("CREATE INDEX IF NOT EXISTS crwa_operation_state ON crwa_operation (sender, state)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS crwa_attempt (op_id VARCHAR(40) NOT NULL, seq INT NOT NULL, "
              + "tx_hash VARCHAR(66) NOT NULL, raw TEXT NOT NULL, max_fee VARCHAR(80), tip VARCHAR(80), "
              + "gas_price VARCHAR(80), created_ms BIGINT NOT NULL, PRIMARY KEY (op_id, seq))");
      s.execute("CREATE INDEX IF NOT EXISTS crwa_attempt_hash ON crwa_attempt (tx_hash)");
      s.execute("CREATE TABLE IF NOT EXISTS crwa_nonce (sender VARCHAR(42) PRIMARY KEY, next_nonce BIGINT NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS crwa_released_nonce (sender VARCHAR(42) NOT NULL, nonce BIGINT NOT NULL, "
              + "PRIMARY KEY (sender, nonce))");
    }
    insertMetaIfAbsent(c, "schema_version", Integer.toString(SCHEMA_VERSION));
    String version = meta(c, "schema_version");
    if (!Integer.toString(SCHEMA_VERSION).equals(version)) {
      throw new ComputeRwaException(
          "journal " + description + " has schema version " + version + "; this SDK reads version " + SCHEMA_VERSION);
    }
  }

  /**
   * Binds the journal to one chain (id and genesis block hash) on first use, and refuses a
   * journal bound to another.
   *
   * @param chainId the node's chain id
   * @param genesisHash the node's block 0 hash
   * @throws ChainException WRONG_CHAIN when the journal belongs to another chain
   */
  public void bind(long chainId, String genesisHash) {
    inTx(c -> {
      insertMetaIfAbsent(c, "chain_id", Long.toString(chainId));
      insertMetaIfAbsent(c, "genesis_hash", genesisHash);
      String id = meta(c, "chain_id");
      String genesis = meta(c, "genesis_hash");
      if (!Long.toString(chainId).equals(id) || !genesisHash.equalsIgnoreCase(genesis)) {
        throw new WrongChain(
            "journal " + description + " belongs to chain " + id + " with genesis " + genesis
                + "; the node is chain " + chainId + " with genesis " + genesisHash
                + ". Use one journal per chain (a fresh dev chain has a new genesis)");
      }
      return null;
    });
  }

  private static final class WrongChain extends SQLException {
    private static final long serialVersionUID = 1L;

    WrongChain(String message) {
      super(message);
    }
  }

  private void insertMetaIfAbsent(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO crwa_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
      p.setString(1, name);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  private static @Nullable String meta(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT value FROM crwa_meta WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /**
   * Records an intent, or returns the operation already recorded under the same key.
   *
   * @param row the new operation (state INTENT, no attempts)
   * @return the recorded row: {@code row} itself, or the earlier one with the same key
   */
  public OperationRow insertIntent(OperationRow row) {
    return inTx(c -> {
      if (row.idempotencyKey() != null) {
        Optional<OperationRow> existing = findByKey(c, row.sender(), row.idempotencyKey());
        if (existing.isPresent()) {
          return existing.get();
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO crwa_operation (id, sender, idem_key, action, to_addr, data, value_wei, gas_limit, "
                  + "state, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setString(1, row.id());
        p.setString(2, row.sender());
        p.setString(3, row.idempotencyKey());
        p.setString(4, row.action());
        p.setString(5, row.to());
        p.setString(6, row.data());
        p.setString(7, row.value());
        if (row.gasLimit() == null) {
          p.setNull(8, java.sql.Types.BIGINT);
        } else {
          p.setLong(8, row.gasLimit());
        }
        p.setString(9, row.state());
        p.setLong(10, row.createdMillis());
        p.setLong(11, row.updatedMillis());
        p.executeUpdate();
      }
      return row;
    });
  }

  /**
   * Allocates the sender's next nonce (a released one first), signs at it and records the signed
   * transaction, all in one transaction: a nonce is never handed out without its raw transaction
   * being recorded.
   *
   * @param opId the operation, which must be in INTENT
   * @param sender the sender
   * @param chainCount the node's transaction count of the sender (nonces below it are taken)
   * @param signer signs at the nonce
   * @return the updated row, or empty when the operation had already left INTENT
   */
  public Optional<OperationRow> allocateAndSign(String opId, String sender, long chainCount, NonceSigner signer) {
    return inTx(c -> {
      OperationRow current = find(c, opId).orElseThrow(() -> new SQLException("no operation " + opId));
      if (!"INTENT".equals(current.state())) {
        return Optional.<OperationRow>empty();
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO crwa_nonce (sender, next_nonce) VALUES (?, ?) ON CONFLICT (sender) DO NOTHING")) {
        p.setString(1, sender);
        p.setLong(2, chainCount);
        p.executeUpdate();
      }
      long next;
      try (PreparedStatement p =
          c.prepareStatement("SELECT next_nonce FROM crwa_nonce WHERE sender = ?" + forUpdate())) {
        p.setString(1, sender);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          next = r.getLong(1);
        }
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM crwa_released_nonce WHERE sender = ? AND nonce < ?")) {
        p.setString(1, sender);
        p.setLong(2, chainCount);
        p.executeUpdate();
      }
      Long released = null;
      try (PreparedStatement p = c.prepareStatement("SELECT MIN(nonce) FROM crwa_released_nonce WHERE sender = ?")) {
        p.setString(1, sender);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            long v = r.getLong(1);
            released = r.wasNull() ? null : v;
          }
        }
      }
      long nonce;
      if (released != null && released < next) {
        nonce = released;
        try (PreparedStatement p = c.prepareStatement("DELETE FROM crwa_released_nonce WHERE sender = ? AND nonce = ?")) {
          p.setString(1, sender);
          p.setLong(2, nonce);
          p.executeUpdate();
        }
      } else {
        nonce = Math.max(next, chainCount);
        try (PreparedStatement p = c.prepareStatement("UPDATE crwa_nonce SET next_nonce = ? WHERE sender = ?")) {
          p.setLong(1, nonce + 1);
          p.setString(2, sender);
          p.executeUpdate();
        }
      }
      Signed signed = signer.sign(nonce, current.attempts().size());
      insertAttempt(c, opId, signed.attempt());
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE crwa_operation SET nonce = ?, gas_limit = ?, state = 'SIGNED', updated_ms = ? WHERE id = ? AND state = 'INTENT'")) {
        p.setLong(1, nonce);
        p.setLong(2, signed.gasLimit());
        p.setLong(3, System.currentTimeMillis());
        p.setString(4, opId);
        p.executeUpdate();
      }
      return find(c, opId);
    });
  }

  /**
   * Sends an operation whose nonce a transaction outside the journal consumed (finally) back to
   * INTENT, to be signed again at a new nonce. Its earlier attempts stay recorded; none of them
   * can be mined any more.
   *
   * @param opId the operation
   * @return whether the row moved
   */
  public boolean renonce(String opId) {
    return inTx(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE crwa_operation SET state = 'INTENT', nonce = NULL, updated_ms = ? WHERE id = ? AND state IN ('SIGNED', 'BROADCAST')")) {
        p.setLong(1, System.currentTimeMillis());
        p.setString(2, opId);
        return p.executeUpdate() == 1;
      }
    });
  }

  /**
   * Records a replacement (fee-bumped) attempt before it is broadcast.
   *
   * @param opId the operation
   * @param attempt the attempt
   */
  public void addAttempt(String opId, OperationRow.Attempt attempt) {
    inTx(c -> {
      int seq;
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM crwa_attempt WHERE op_id = ?")) {
        p.setString(1, opId);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          seq = r.getInt(1);
        }
      }
      insertAttempt(c, opId, new OperationRow.Attempt(
          seq, attempt.txHash(), attempt.raw(), attempt.maxFee(), attempt.tip(), attempt.gasPrice(), attempt.createdMillis()));
      touch(c, opId);
      return null;
    });
  }

  private static void insertAttempt(Connection c, String opId, OperationRow.Attempt a) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO crwa_attempt (op_id, seq, tx_hash, raw, max_fee, tip, gas_price, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, opId);
      p.setInt(2, a.seq());
      p.setString(3, a.txHash());
      p.setString(4, a.raw());
      p.setString(5, a.maxFee());
      p.setString(6, a.tip());
      p.setString(7, a.gasPrice());
      p.setLong(8, a.createdMillis());
      p.executeUpdate();
    }
  }

  private static void touch(Connection c, String opId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE crwa_operation SET updated_ms = ? WHERE id = ?")) {
      p.setLong(1, System.currentTimeMillis());
      p.setString(2, opId);
      p.executeUpdate();
    }
  }

  /**
   * Moves SIGNED to BROADCAST.
   *
   * @param opId the operation
   * @return whether the row moved
   */
  public boolean markBroadcast(String opId) {
    return inTx(c -> {
      try (PreparedStatement p =
          c.prepareStatement("UPDATE crwa_operation SET state = 'BROADCAST', updated_ms = ? WHERE id = ? AND state = 'SIGNED'")) {
        p.setLong(1, System.currentTimeMillis());
        p.setString(2, opId);
        return p.executeUpdate() == 1;
      }
    });
  }

  /**
   * Records the terminal success.
   *
   * @param opId the operation
   * @param txHash the mined attempt
   * @param blockNumber its block
   * @param blockHash that block's hash
   * @return whether the row moved (false when already terminal)
   */
  public boolean confirm(String opId, String txHash, long blockNumber, String blockHash) {
    return terminal(opId, "CONFIRMED", null, null, null, txHash, blockNumber, blockHash, false);
  }

  /**
   * Records the terminal failure.
   *
   * @param opId the operation
   * @param failure the reason's name
   * @param detail a readable detail
   * @param revertData revert data, if any
   * @param txHash the mined attempt, if mined
   * @param blockNumber its block, if mined
   * @param blockHash that block's hash, if mined
   * @param releaseNonce whether the nonce was never used and goes back to the pool
   * @return whether the row moved
   */
  public boolean fail(
      String opId,
      String failure,
      String detail,
      @Nullable String revertData,
      @Nullable String txHash,
      @Nullable Long blockNumber,
      @Nullable String blockHash,
      boolean releaseNonce) {
    return terminal(opId, "FAILED", failure, detail, revertData, txHash, blockNumber, blockHash, releaseNonce);
  }

  private boolean terminal(
      String opId,
      String state,
      @Nullable String failure,
      @Nullable String detail,
      @Nullable String revertData,
      @Nullable String txHash,
      @Nullable Long blockNumber,
      @Nullable String blockHash,
      boolean releaseNonce) {
    return inTx(c -> {
      OperationRow row = find(c, opId).orElseThrow(() -> new SQLException("no operation " + opId));
      if (row.state().equals("CONFIRMED") || row.state().equals("FAILED")) {
        return false;
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE crwa_operation SET state = ?, failure = ?, detail = ?, revert_data = ?, tx_hash = ?, "
                  + "block_number = ?, block_hash = ?, updated_ms = ? WHERE id = ?")) {
        p.setString(1, state);
        p.setString(2, failure);
        p.setString(3, detail);
        p.setString(4, revertData);
        p.setString(5, txHash);
        if (blockNumber == null) {
          p.setNull(6, java.sql.Types.BIGINT);
        } else {
          p.setLong(6, blockNumber);
        }
        p.setString(7, blockHash);
        p.setLong(8, System.currentTimeMillis());
        p.setString(9, opId);
        p.executeUpdate();
      }
      if (releaseNonce && row.nonce() != null) {
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO crwa_released_nonce (sender, nonce) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
          p.setString(1, row.sender());
          p.setLong(2, row.nonce());
          p.executeUpdate();
        }
      }
      return true;
    });
  }

  /**
   * One operation.
   *
   * @param id the id
   * @return the row
   */
  public Optional<OperationRow> find(String id) {
    return inTx(c -> find(c, id));
  }

  /**
   * The operation recorded under a key.
   *
   * @param sender the sender
   * @param key the idempotency key
   * @return the row
   */
  public Optional<OperationRow> findByKey(String sender, String key) {
    return inTx(c -> findByKey(c, sender, key));
  }

  /**
   * The operation one of whose attempts has this hash.
   *
   * @param txHash the hash, 0x-hex
   * @return the row
   */
  public Optional<OperationRow> findByHash(String txHash) {
    return inTx(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT op_id FROM crwa_attempt WHERE tx_hash = ?")) {
        p.setString(1, txHash.toLowerCase(java.util.Locale.ROOT));
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? find(c, r.getString(1)) : Optional.<OperationRow>empty();
        }
      }
    });
  }

  /**
   * The lowest nonce of a sender that a refusal gave back and no transaction has taken since.
   *
   * @param sender the sender
   * @return the nonce, empty when none is waiting
   */
  public Optional<Long> lowestReleased(String sender) {
    return inTx(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT MIN(nonce) FROM crwa_released_nonce WHERE sender = ?")) {
        p.setString(1, sender);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            long v = r.getLong(1);
            return r.wasNull() ? Optional.<Long>empty() : Optional.of(v);
          }
          return Optional.<Long>empty();
        }
      }
    });
  }

  /**
   * Every operation of a sender not yet terminal, by nonce (intents last).
   *
   * @param sender the sender
   * @return the rows
   */
  public List<OperationRow> open(String sender) {
    return query(
        "SELECT * FROM crwa_operation WHERE sender = ? AND state NOT IN ('CONFIRMED', 'FAILED') ORDER BY nonce IS NULL, nonce, created_ms",
        sender);
  }

  /**
   * Every operation, oldest first.
   *
   * @return the rows
   */
  public List<OperationRow> all() {
    return query("SELECT * FROM crwa_operation ORDER BY created_ms, id");
  }

  private List<OperationRow> query(String sql, String... args) {
    return inTx(c -> {
      List<OperationRow> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          p.setString(i + 1, args[i]);
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.add(read(c, r));
          }
        }
      }
      return rows;
    });
  }

  private Optional<OperationRow> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM crwa_operation WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(read(c, r)) : Optional.empty();
      }
    }
  }

  private Optional<OperationRow> findByKey(Connection c, String sender, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM crwa_operation WHERE sender = ? AND idem_key = ?")) {
      p.setString(1, sender);
      p.setString(2, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(read(c, r)) : Optional.empty();
      }
    }
  }

  private static OperationRow read(Connection c, ResultSet r) throws SQLException {
    String id = r.getString("id");
    List<OperationRow.Attempt> attempts = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM crwa_attempt WHERE op_id = ? ORDER BY seq")) {
      p.setString(1, id);
      try (ResultSet a = p.executeQuery()) {
        while (a.next()) {
          attempts.add(
              new OperationRow.Attempt(
                  a.getInt("seq"),
                  a.getString("tx_hash"),
                  a.getString("raw"),
                  a.getString("max_fee"),
                  a.getString("tip"),
                  a.getString("gas_price"),
                  a.getLong("created_ms")));
        }
      }
    }
    return new OperationRow(
        id,
        r.getString("sender"),
        r.getString("idem_key"),
        r.getString("action"),
        r.getString("to_addr"),
        r.getString("data"),
        r.getString("value_wei"),
        nullableLong(r, "gas_limit"),
        nullableLong(r, "nonce"),
        r.getString("state"),
        r.getString("failure"),
        r.getString("detail"),
        r.getString("revert_data"),
        r.getString("tx_hash"),
        nullableLong(r, "block_number"),
        r.getString("block_hash"),
        r.getLong("created_ms"),
        r.getLong("updated_ms"),
        List.copyOf(attempts));
  }

  private static @Nullable Long nullableLong(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }

  private String forUpdate() {
    return dialect == Dialect.POSTGRES ? " FOR UPDATE" : "";
  }

  /**
   * Runs work in one transaction, retrying on lock conflicts (SQLite busy, PostgreSQL
   * serialization failure or deadlock).
   *
   * @param work the work
   * @param <T> its result
   * @return the result
   */
  public <T> T inTx(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c = borrow();
      boolean healthy = true;
      try {
        c.setAutoCommit(false);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        rollbackQuietly(c);
        if (e instanceof WrongChain) {
          throw ChainException.of(ChainException.Kind.WRONG_CHAIN, e.getMessage(), null, null);
        }
        if (conflict(e) && attempt < 50) {
          LOG.debug("journal {} conflict, retrying: {}", description, e.getMessage());
          sleep(5L * attempt);
          continue;
        }
        healthy = !"08".equals(state2(e));
        throw new ComputeRwaException("journal " + description + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        // Back to auto-commit while idle: SQLite's driver begins the next transaction right after
        // a commit, and an idle connection must not hold the database's write lock.
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          healthy = false;
        }
        giveBack(c, healthy);
      }
    }
  }

  private static @Nullable String state2(SQLException e) {
    String s = e.getSQLState();
    return s == null || s.length() < 2 ? null : s.substring(0, 2);
  }

  private static boolean conflict(SQLException e) {
    String s = e.getSQLState();
    String m = String.valueOf(e.getMessage());
    return "40001".equals(s) || "40P01".equals(s) || m.contains("SQLITE_BUSY") || m.contains("database is locked");
  }

  private Connection borrow() {
    if (closed) {
      throw new ComputeRwaException("journal " + description + " is closed");
    }
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    if (open.incrementAndGet() <= poolSize) {
      try {
        return DriverManager.getConnection(url, properties);
      } catch (SQLException e) {
        open.decrementAndGet();
        throw new ComputeRwaException("cannot open journal " + description + ": " + e.getMessage(), e);
      }
    }
    open.decrementAndGet();
    try {
      Connection waited = idle.poll(60, TimeUnit.SECONDS);
      if (waited == null) {
        throw new ComputeRwaException("journal " + description + ": no free connection within 60 s");
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeRwaException("interrupted while waiting for the journal", e);
    }
  }

  private void giveBack(Connection c, boolean healthy) {
    if (!healthy || closed || !idle.offer(c)) {
      closeQuietly(c);
      open.decrementAndGet();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.trace("rollback failed", e);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.trace("close failed", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeRwaException("interrupted while waiting for the journal", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      closeQuietly(c);
    }
  }
}
