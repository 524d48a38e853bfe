package org.computerwa.chain.tx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the journal's tests: {@code initdb} into a temporary folder and
 * {@code pg_ctl start} on a free loopback port, once per test JVM, stopped at exit. As root (CI),
 * the server runs as the {@code postgres} user through {@code runuser}, because PostgreSQL refuses
 * to run as root. When {@code -Dcomputerwa.postgres.url=jdbc:postgresql://…} is given, that server
 * is used instead. Never skips: no PostgreSQL means a failing test that says how to install it.
 */
final class PostgresServer {
  private static final String USER = "computerwa";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer instance;

  private final String baseUrl;

  private PostgresServer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  static synchronized PostgresServer get() {
    if (instance == null) {
      String given = System.getProperty("computerwa.postgres.url");
      instance = new PostgresServer(given != null && !given.isBlank() ? stripDb(given) : start());
    }
    return instance;
  }

  private static String stripDb(String url) {
    return url.replaceAll("/[^/]*$", "");
  }

  /** jdbc:postgresql://127.0.0.1:port of the server. */
  String baseUrl() {
    return baseUrl;
  }

  String user() {
    return USER;
  }

  /** A new, empty database on the server, and its JDBC URL. */
  String freshDatabase() {
    String name = "journal_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(baseUrl + "/postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " on " + baseUrl + ": " + e.getMessage(), e);
    }
    return baseUrl + "/" + name;
  }

  Journal freshJournal() {
    return Journal.postgres(freshDatabase(), USER, "");
  }

  private static String start() {
    Path bin = binDir();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("pg-journal-");
      Path data = dir.resolve("data");
      if (root) {
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
      }
      run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"), root);
      int port = freePort();
      String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
          "-o", options, "-w", "-t", "60", "start"), root);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
        } catch (RuntimeException ignored) {
          // the JVM is exiting; nothing to report to
        }
        deleteQuietly(dir);
      }));
      return "jdbc:postgresql://127.0.0.1:" + port;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path binDir() {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        Optional<Path> newest = versions
            .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
            .max(Comparator.comparingInt(p -> parse(p.getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String path = System.getenv("PATH");
    for (String dir : Arrays.asList((path == null ? "" : path).split(java.io.File.pathSeparator))) {
      if (Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
        return Path.of(dir);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, no initdb on the search path):"
            + " apt-get install -y postgresql, or pass -Dcomputerwa.postgres.url=jdbc:postgresql://host:port/db");
  }

  private static int parse(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void run(List<String> command, boolean asPostgres) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed: " + new String(out, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
