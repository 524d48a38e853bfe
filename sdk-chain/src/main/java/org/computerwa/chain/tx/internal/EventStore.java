package org.computerwa.chain.tx.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event stream's durable state in the journal's database: the hashes of recent processed
 * blocks (to find the fork point of a reorganisation by walking parent hashes back) and the raw
 * logs delivered from them (to signal exactly those as removed). The newest block row is the
 * checkpoint.
 */
public final class EventStore {
  private final JdbcJournal db;
  private final String stream;
  private final int window;

  /**
   * A processed block.
   *
   * @param number its number
   * @param hash its hash
   */
  public record BlockRef(long number, String hash) {}

  /**
   * A delivered log.
   *
   * @param blockNumber its block
   * @param logIndex its index in the block
   * @param raw the log as JSON-RPC returned it
   */
  public record StoredLog(long blockNumber, int logIndex, String raw) {}

  /**
   * Opens the store of one named stream, creating the tables when missing.
   *
   * @param db the journal database
   * @param stream the stream's name
   * @param window how many processed blocks to remember (deeper reorgs cannot be followed)
   */
  public EventStore(JdbcJournal db, String stream, int window) {
    this.db = db;
    this.stream = stream;
    this.window = window;
    db.inTx(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS crwa_stream_block (stream VARCHAR(100) NOT NULL, block_number BIGINT NOT NULL, "
            + "block_hash VARCHAR(66) NOT NULL, PRIMARY KEY (stream, block_number))");
        s.execute("CREATE TABLE IF NOT EXISTS crwa_stream_log (stream VARCHAR(100) NOT NULL, block_number BIGINT NOT NULL, "
            + "log_index INT NOT NULL, raw TEXT NOT NULL, PRIMARY KEY (stream, block_number, log_index))");
      }
      return null;
    });
  }

  /**
   * The newest processed block.
   *
   * @return the checkpoint, empty before the first poll
   */
  public Optional<BlockRef> checkpoint() {
    return db.inTx(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT block_number, block_hash FROM crwa_stream_block WHERE stream = ? ORDER BY block_number DESC LIMIT 1")) {
        p.setString(1, stream);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(new BlockRef(r.getLong(1), r.getString(2))) : Optional.<BlockRef>empty();
        }
      }
    });
  }

  /**
   * Remembered blocks, newest first.
   *
   * @return the refs
   */
  public List<BlockRef> recentBlocks() {
    return db.inTx(c -> {
      List<BlockRef> refs = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT block_number, block_hash FROM crwa_stream_block WHERE stream = ? ORDER BY block_number DESC")) {
        p.setString(1, stream);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            refs.add(new BlockRef(r.getLong(1), r.getString(2)));
          }
        }
      }
      return refs;
    });
  }

  /**
   * Delivered logs above a block, newest first (what a reorg back to that block removes).
   *
   * @param forkPoint the last block both branches share
   * @return the logs
   */
  public List<StoredLog> logsAbove(long forkPoint) {
    return db.inTx(c -> {
      List<StoredLog> logs = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT block_number, log_index, raw FROM crwa_stream_log WHERE stream = ? AND block_number > ? "
              + "ORDER BY block_number DESC, log_index DESC")) {
        p.setString(1, stream);
        p.setLong(2, forkPoint);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            logs.add(new StoredLog(r.getLong(1), r.getInt(2), r.getString(3)));
          }
        }
      }
      return logs;
    });
  }

  /**
   * Forgets everything above the fork point, in one transaction.
   *
   * @param forkPoint the last block both branches share
   */
  public void rewind(long forkPoint) {
    db.inTx(c -> {
      delete(c, "DELETE FROM crwa_stream_log WHERE stream = ? AND block_number > ?", forkPoint);
      delete(c, "DELETE FROM crwa_stream_block WHERE stream = ? AND block_number > ?", forkPoint);
      return null;
    });
  }

  /**
   * Records a processed range: its delivered logs and its last block, which becomes the
   * checkpoint; prunes what falls out of the window. One transaction.
   *
   * @param logs the delivered logs
   * @param last the range's last block
   */
  public void advance(List<StoredLog> logs, BlockRef last) {
    db.inTx(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO crwa_stream_log (stream, block_number, log_index, raw) VALUES (?, ?, ?, ?)")) {
        for (StoredLog l : logs) {
          p.setString(1, stream);
          p.setLong(2, l.blockNumber());
          p.setInt(3, l.logIndex());
          p.setString(4, l.raw());
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO crwa_stream_block (stream, block_number, block_hash) VALUES (?, ?, ?)")) {
        p.setString(1, stream);
        p.setLong(2, last.number());
        p.setString(3, last.hash());
        p.executeUpdate();
      }
      long oldestKept;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT MIN(block_number) FROM (SELECT block_number FROM crwa_stream_block WHERE stream = ? "
              + "ORDER BY block_number DESC LIMIT ?) AS recent")) {
        p.setString(1, stream);
        p.setInt(2, window);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          oldestKept = r.getLong(1);
        }
      }
      delete(c, "DELETE FROM crwa_stream_block WHERE stream = ? AND block_number < ?", oldestKept);
      delete(c, "DELETE FROM crwa_stream_log WHERE stream = ? AND block_number <= ?", oldestKept);
      return null;
    });
  }

  private void delete(Connection c, String sql, long block) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, stream);
      p.setLong(2, block);
      p.executeUpdate();
    }
  }
}
