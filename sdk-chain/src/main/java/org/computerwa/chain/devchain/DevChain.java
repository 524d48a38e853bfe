package org.computerwa.chain.devchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local anvil node on a free loopback port, running until {@link #close()}.
 *
 * <pre>{@code
 * try (DevChain chain = DevChain.builder().accounts(5).build()) {
 *   String url = chain.rpcUrl();                 // "http://127.0.0.1:41234"
 *   DevAccount deployer = chain.accounts().get(0);
 *   long chainId = chain.chainId();              // 31337
 * }
 * }</pre>
 *
 * <p>The anvil binary is looked up in this order: the path given to {@link
 * Builder#anvilBinary(Path)}; the npm install of {@code @foundry-rs/anvil-linux-amd64} under the
 * {@link Builder#toolchainDirectory(Path) toolchain directory} (default: the working directory and
 * its ancestors, also looking into their {@code sdk-chain} folder); finally {@code anvil} on the
 * operating system's search path. Blocks are mined instantly, one per transaction.
 *
 * <p>{@link Builder#build()} returns only once the node answers {@code eth_chainId}. A JVM shutdown hook
 * stops a node that was never closed.
 */
public final class DevChain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevChain.class);
  private static final String NPM_BINARY = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
  private static final int START_ATTEMPTS = 3;
  /** States of recent blocks anvil keeps in memory (none go to disk); enough for any test reorg. */
  private static final int PRUNED_HISTORY_STATES = 256;

  private volatile Process process;
  private final Path workDir;
  private final List<String> command;
  private final Duration startupTimeout;
  private final JsonRpc rpc;
  private final Thread shutdownHook;
  private final String rpcUrl;
  private final int port;
  private final long chainId;
  private final List<DevAccount> accounts;
  private final String binary;

  private DevChain(
      Process process,
      Path workDir,
      int port,
      long chainId,
      List<DevAccount> accounts,
      String binary,
      List<String> command,
      Duration startupTimeout) {
    this.process = process;
    this.command = List.copyOf(command);
    this.startupTimeout = startupTimeout;
    this.workDir = workDir;
    this.port = port;
    this.rpcUrl = "http://127.0.0.1:" + port;
    this.chainId = chainId;
    this.accounts = Collections.unmodifiableList(new ArrayList<>(accounts));
    this.binary = binary;
    this.rpc = JsonRpc.connect(rpcUrl, Duration.ofSeconds(30), 1, Duration.ofMillis(50));
    this.shutdownHook = new Thread(this::stop, "devchain-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a builder with the defaults: 10 accounts, chain id 31337, 30 s startup timeout.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:41234}.
   *
   * @return the HTTP URL of the node
   */
  public String rpcUrl() {
    return rpcUrl;
  }

  /**
   * The loopback port the node listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The chain id the node reports.
   *
   * @return the chain id
   */
  public long chainId() {
    return chainId;
  }

  /**
   * The funded development accounts, in anvil's order (index 0 is the usual deployer).
   *
   * @return an unmodifiable list of accounts
   */
  public List<DevAccount> accounts() {
    return accounts;
  }

  /**
   * The anvil executable that was started (a path, or {@code anvil} when found on the search
   * path).
   *
   * @return the executable
   */
  public String binary() {
    return binary;
  }

  /**
   * Whether the node process is still running.
   *
   * @return true while running
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Mines blocks now (whatever the mining mode).
   *
   * @param blocks how many, at least 1
   */
  public void mine(int blocks) {
    if (blocks < 1) {
      throw new ValidationException("blocks", blocks, "must be at least 1");
    }
    call("anvil_mine", "0x" + Integer.toHexString(blocks));
  }

  /**
   * Moves the chain's clock forward and mines one block carrying the new time.
   *
   * @param by how far, at least one second
   */
  public void advanceTime(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.getSeconds() < 1) {
      throw new ValidationException("by", by, "must be at least one second");
    }
    call("evm_increaseTime", by.getSeconds());
    call("evm_mine");
  }

  /**
   * Switches instant mining (one block per transaction, the default) on or off; with it off,
   * transactions wait in the pool until {@link #mine(int)}.
   *
   * @param on whether each transaction is mined at once
   */
  public void automine(boolean on) {
    call("evm_setAutomine", on);
  }

  /**
   * Takes a snapshot of the whole chain state.
   *
   * @return the snapshot id, for {@link #revertTo(String)}
   */
  public String snapshot() {
    return call("evm_snapshot").asText();
  }

  /**
   * Returns to a snapshot (which is consumed).
   *
   * @param snapshotId from {@link #snapshot()}
   * @throws DevChainException when the node does not know the snapshot
   */
  public void revertTo(String snapshotId) {
    if (!call("evm_revert", snapshotId).asBoolean()) {
      throw new DevChainException("no snapshot " + snapshotId + " to revert to", false, null);
    }
  }

  /**
   * Removes a pending transaction from the pool, as a node that lost it would.
   *
   * @param transactionHash 0x-hex
   */
  public void dropTransaction(String transactionHash) {
    call("anvil_dropTransaction", transactionHash);
  }

  /**
   * Replaces the last {@code depth} blocks with as many empty blocks: their transactions are
   * no longer on the chain, and their logs are removed.
   *
   * @param depth 1 to 64, and below the head
   */
  public void reorg(int depth) {
    if (depth < 1 || depth > 64) {
      throw new ValidationException("depth", depth, "must be between 1 and 64");
    }
    call("anvil_reorg", depth, List.of());
  }

  /**
   * Sets the base fee of the next block (a fee spike, or a drop).
   *
   * @param weiPerGas the base fee
   */
  public void nextBaseFee(java.math.BigInteger weiPerGas) {
    call("anvil_setNextBlockBaseFeePerGas", "0x" + weiPerGas.toString(16));
  }

  /**
   * The latest block number.
   *
   * @return the head
   */
  public long blockNumber() {
    return Long.decode(call("eth_blockNumber").asText());
  }

  /**
   * Writes the whole chain (state, blocks, receipts) to a state file that {@link
   * Builder#loadState(Path)} or {@link #restart()} starts from.
   *
   * @param file the file to write
   * @return the file
   */
  public Path saveState(Path file) {
    String hex = call("anvil_dumpState").asText();
    byte[] gz = new byte[(hex.length() - 2) / 2];
    for (int i = 0; i < gz.length; i++) {
      gz[i] = (byte) Integer.parseInt(hex.substring(2 + 2 * i, 4 + 2 * i), 16);
    }
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      Files.write(file, in.readAllBytes());
    } catch (IOException e) {
      throw new DevChainException("cannot write the state file " + file + ": " + e.getMessage(), false, e);
    }
    return file;
  }

  /**
   * Kills the node without warning (SIGKILL, as a crash) and starts it again on the same port
   * from a state file written just before: blocks, receipts and balances survive, the transaction
   * pool does not.
   */
  public synchronized void restart() {
    Path state = saveState(workDir.resolve("state.json"));
    kill();
    List<String> again = new ArrayList<>(command);
    again.add("--load-state");
    again.add(state.toString());
    this.process = launch(again, workDir);
    awaitRpc(process, port, workDir.resolve("anvil.log"), startupTimeout);
    LOG.debug("anvil on port {} restarted from {}", port, state);
  }

  /** Kills the node process at once (SIGKILL); {@link #restart()} brings it back. */
  public synchronized void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevChainException("interrupted while killing anvil", false, e);
    }
  }

  private com.fasterxml.jackson.databind.JsonNode call(String method, Object... params) {
    try {
      return rpc.call(method, params);
    } catch (org.computerwa.chain.client.ChainException e) {
      throw new DevChainException(method + " failed: " + e.getMessage(), e.retryable(), e);
    }
  }

  /** Stops the node and deletes its temporary files; safe to call more than once. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      LOG.trace("JVM is shutting down; hook stays", shuttingDown);
    }
  }

  private void stop() {
    rpc.close();
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      LOG.debug("anvil on port {} stopped", port);
    }
    deleteQuietly(workDir);
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("could not delete {}", dir, e);
    }
  }


  private static Process launch(List<String> command, Path workDir) {
    try {
      return new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("anvil.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new DevChainException(
          "cannot start anvil ('"
              + command.get(0)
              + "'): "
              + e.getMessage()
              + ". Run `npm ci` in sdk-chain, put anvil on the search path, or set"
              + " DevChain.builder().anvilBinary(path)",
          false,
          e);
    }
  }

  private static void awaitRpc(Process process, int port, Path log, Duration startupTimeout) {
    try (JsonRpc probe = JsonRpc.connect("http://127.0.0.1:" + port, Duration.ofSeconds(2), 1, Duration.ofMillis(20))) {
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          String output = Builder.tail(log);
          throw new DevChainException(
              "anvil exited with code " + process.exitValue() + ": " + output, output.contains("in use"), null);
        }
        try {
          probe.call("eth_chainId");
          return;
        } catch (org.computerwa.chain.client.ChainException notYet) {
          LOG.trace("anvil not answering yet: {}", notYet.getMessage());
        }
        Builder.sleep(20);
      }
      throw new DevChainException(
          "anvil did not answer eth_chainId within " + startupTimeout + ": " + Builder.tail(log), true, null);
    }
  }

  /**
   * Configures and starts a {@link DevChain}.
   *
   * <pre>{@code
   * DevChain chain = DevChain.builder()
   *     .anvilBinary(Path.of("/opt/foundry/bin/anvil"))
   *     .accounts(20)
   *     .startupTimeout(Duration.ofSeconds(10))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Path anvilBinary;
    private @Nullable Path toolchainDirectory;
    private int accounts = 10;
    private long chainId = 31337;
    private Duration startupTimeout = Duration.ofSeconds(30);
    private @Nullable String hardfork;
    private @Nullable Path loadState;

    private Builder() {}

    /**
     * Runs this EVM hardfork instead of anvil's latest; {@code "berlin"} gives a chain without
     * EIP-1559 (legacy gas prices).
     *
     * @param name one of berlin, london, paris, shanghai, cancun, prague
     * @return this builder
     */
    public Builder hardfork(String name) {
      Objects.requireNonNull(name, "hardfork");
      if (!List.of("berlin", "london", "paris", "shanghai", "cancun", "prague").contains(name)) {
        throw new ValidationException("hardfork", name, "must be one of berlin, london, paris, shanghai, cancun, prague");
      }
      this.hardfork = name;
      return this;
    }

    /**
     * Starts from a state file written by {@link DevChain#saveState(Path)}.
     *
     * @param file the state file
     * @return this builder
     */
    public Builder loadState(Path file) {
      Objects.requireNonNull(file, "loadState");
      if (!Files.isRegularFile(file)) {
        throw new ValidationException("loadState", file, "must be an existing state file");
      }
      this.loadState = file;
      return this;
    }

    /**
     * Uses this anvil executable and no other.
     *
     * @param path the executable
     * @return this builder
     */
    public Builder anvilBinary(Path path) {
      this.anvilBinary = Objects.requireNonNull(path, "anvilBinary");
      return this;
    }

    /**
     * Looks for the npm-installed anvil under this directory (the folder holding {@code
     * node_modules}, usually {@code sdk-chain}) before the search path.
     *
     * @param directory the folder with {@code node_modules}
     * @return this builder
     */
    public Builder toolchainDirectory(Path directory) {
      this.toolchainDirectory = Objects.requireNonNull(directory, "toolchainDirectory");
      return this;
    }

    /**
     * Number of funded accounts, 1 to 1000.
     *
     * @param count the number of accounts
     * @return this builder
     * @throws ValidationException when out of range
     */
    public Builder accounts(int count) {
      if (count < 1 || count > 1000) {
        throw new ValidationException("accounts", count, "must be between 1 and 1000");
      }
      this.accounts = count;
      return this;
    }

    /**
     * Chain id the node reports, positive.
     *
     * @param id the chain id
     * @return this builder
     * @throws ValidationException when not positive
     */
    public Builder chainId(long id) {
      this.chainId = JsonRpc.checkChainId(id);
      return this;
    }

    /**
     * How long to wait for the node to answer JSON-RPC, positive.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws ValidationException when zero or negative
     */
    public Builder startupTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "startupTimeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new ValidationException("startupTimeout", timeout, "must be positive");
      }
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Starts anvil and waits until it answers.
     *
     * @return the running chain; close it to stop the node
     * @throws DevChainException when no binary is found or the node does not come up
     */
    public DevChain build() {
      String binary = resolveBinary();
      DevChainException last = null;
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        try {
          return startOnce(binary);
        } catch (DevChainException e) {
          if (!e.retryable()) {
            throw e;
          }
          LOG.debug("anvil start attempt {} failed: {}", attempt, e.getMessage());
          last = e;
        }
      }
      throw Objects.requireNonNull(last);
    }

    private String resolveBinary() {
      if (anvilBinary != null) {
        if (!Files.isExecutable(anvilBinary)) {
          throw new DevChainException(
              "anvil binary " + anvilBinary + " is not an executable file", false, null);
        }
        return anvilBinary.toString();
      }
      return findNpmBinary().map(Path::toString).orElse("anvil");
    }

    private Optional<Path> findNpmBinary() {
      if (toolchainDirectory != null) {
        Path p = toolchainDirectory.resolve(NPM_BINARY);
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
      }
      for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        for (Path candidate :
            List.of(dir.resolve(NPM_BINARY), dir.resolve("sdk-chain").resolve(NPM_BINARY))) {
          if (Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }

    private DevChain startOnce(String binary) {
      Path workDir;
      try {
        workDir = Files.createTempDirectory("devchain-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path config = workDir.resolve("anvil-config.json");
      Path log = workDir.resolve("anvil.log");
      int port = freePort();
      List<String> command =
          new ArrayList<>(
              List.of(
                  binary,
                  "--host", "127.0.0.1",
                  "--port", Integer.toString(port),
                  "--accounts", Integer.toString(accounts),
                  "--chain-id", Long.toString(chainId),
                  // Without this anvil spills the state of every block past its in-memory window to
                  // ~/.foundry/anvil/tmp and never removes it when killed: a long test run fills the
                  // disk (several GB per node). Recent states stay in memory for reorgs and reverts.
                  "--prune-history", Integer.toString(PRUNED_HISTORY_STATES),
                  "--config-out", config.toString()));
      if (hardfork != null) {
        command.add("--hardfork");
        command.add(hardfork);
      }
      List<String> first = new ArrayList<>(command);
      if (loadState != null) {
        first.add("--load-state");
        first.add(loadState.toString());
      }
      Process process;
      try {
        process = launch(first, workDir);
      } catch (DevChainException e) {
        deleteQuietly(workDir);
        throw e;
      }
      try {
        awaitRpc(process, port, log, startupTimeout);
        List<DevAccount> funded = readAccounts(config);
        LOG.debug("anvil {} listening on port {} with {} accounts", binary, port, funded.size());
        return new DevChain(process, workDir, port, chainId, funded, binary, command, startupTimeout);
      } catch (RuntimeException e) {
        process.destroyForcibly();
        deleteQuietly(workDir);
        throw e;
      }
    }

    private List<DevAccount> readAccounts(Path config) {
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      IOException last = null;
      while (System.nanoTime() < deadline) {
        try {
          JsonNode root = new ObjectMapper().readTree(config.toFile());
          JsonNode addresses = root.path("available_accounts");
          JsonNode keys = root.path("private_keys");
          if (addresses.size() == accounts && keys.size() == accounts) {
            List<DevAccount> list = new ArrayList<>(accounts);
            for (int i = 0; i < accounts; i++) {
              list.add(DevAccount.of(addresses.get(i).asText(), keys.get(i).asText()));
            }
            return list;
          }
        } catch (IOException e) {
          last = e;
        }
        sleep(20);
      }
      throw new DevChainException("anvil wrote no usable account list to " + config, true, last);
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevChainException("interrupted while waiting for anvil", false, e);
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new DevChainException("no free loopback port: " + e.getMessage(), true, e);
      }
    }

    private static String tail(Path log) {
      try {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
      } catch (IOException e) {
        return "(no output: " + e.getMessage() + ")";
      }
    }
  }
}
