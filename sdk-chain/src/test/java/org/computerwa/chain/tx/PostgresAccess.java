package org.computerwa.chain.tx;

/** The test PostgreSQL server for tests outside this package. */
public final class PostgresAccess {
  private PostgresAccess() {}

  /** A new empty database on the shared test server. */
  public static String freshDatabase() {
    return PostgresServer.get().freshDatabase();
  }

  /** The database user. */
  public static String user() {
    return PostgresServer.get().user();
  }
}
