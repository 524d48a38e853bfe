package org.computerwa.chain.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.events.internal.LogDecoder;
import org.computerwa.chain.internal.rpc.ChainReader;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.internal.EventStore;
import org.computerwa.chain.tx.internal.JournalAccess;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.event.ChainEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK contracts' events as sdk-core {@link ChainEvent}s, in chain order, checkpointed in the
 * journal by block number and hash, resumable, and reorg-aware.
 *
 * <pre>{@code
 * try (EventStream stream = EventStream.builder()
 *     .rpcUrl(url).chainId(31337).journal(journal).name("settlements")
 *     .contracts(List.of(leaseManager, distributor)).startBlock(0)
 *     .listener(listener).build()) {
 *   stream.poll();   // delivers everything new since the checkpoint
 * }
 * }</pre>
 *
 * <p>Each {@link #poll()}:
 *
 * <ol>
 *   <li>checks that the checkpoint block is still on the chain (same hash at the same number);
 *       if not, walks back over the remembered blocks to the newest one the chain still has (the
 *       fork point), signals every event delivered above it through {@link
 *       EventListener#onRemoved} (newest first) and resumes from there;
 *   <li>reads logs with {@code eth_getLogs} over ranges of at most {@code maxBlockRange} blocks,
 *       checking that the first block of each range is a child of the checkpoint (parent hash)
 *       and that the last block's hash did not change while the logs were read;
 *   <li>delivers the decoded events, then records the range's logs and last block as the new
 *       checkpoint in one database transaction.
 * </ol>
 *
 * <p>Delivery is at least once: a crash between delivery and checkpoint delivers the same events
 * again, with the same {@link EventPosition}, so a consumer keyed on {@code (blockHash, logIndex)}
 * is exactly once. Nothing between the start block and the head is skipped. Reorganisations
 * deeper than the remembered window ({@code window} checkpoints) rewind to the start block. Not
 * thread-safe: one thread polls.
 *
 * @since 0.1.0
 */
public final class EventStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonRpc rpc;
  private final ChainReader chain;
  private final EventStore store;
  private final List<String> contracts;
  private final long startBlock;
  private final int maxBlockRange;
  private final int lag;
  private final EventListener listener;

  private EventStream(Builder b, JsonRpc rpc) {
    this.rpc = rpc;
    this.chain = new ChainReader(rpc);
    long nodeChain = chain.chainId();
    if (nodeChain != b.chainId) {
      throw ChainException.of(
          ChainException.Kind.WRONG_CHAIN,
          "the node at " + rpc.endpoint() + " is chain " + nodeChain + ", not the configured chain " + b.chainId,
          null,
          null);
    }
    ChainReader.Block genesis =
        chain.block(0).orElseThrow(() -> ChainException.of(ChainException.Kind.DECODE, "the node has no block 0", null, null));
    JournalAccess.store(Objects.requireNonNull(b.journal)).bind(nodeChain, genesis.hash());
    this.store = new EventStore(JournalAccess.store(b.journal), Objects.requireNonNull(b.name), b.window);
    this.contracts = b.contracts.stream().map(Address::toHex).toList();
    this.startBlock = b.startBlock;
    this.maxBlockRange = b.maxBlockRange;
    this.lag = b.lag;
    this.listener = Objects.requireNonNull(b.listener);
  }

  /**
   * Starts a builder. Required: rpcUrl, chainId, journal, name, contracts, startBlock, listener.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The last block processed completely.
   *
   * @return the checkpoint, empty before the first poll delivered anything
   */
  public Optional<Checkpoint> checkpoint() {
    return store.checkpoint().map(r -> Checkpoint.of(r.number(), r.hash()));
  }

  /**
   * Catches up with the chain: handles a reorganisation, then delivers every event up to the
   * head (minus the configured lag).
   *
   * @return how many events were delivered or signalled removed
   * @throws ChainException when the node fails (the checkpoint stays where it was)
   */
  public int poll() {
    int signalled = 0;
    Optional<EventStore.BlockRef> cp = store.checkpoint();
    if (cp.isPresent() && !onChain(cp.get())) {
      long fork = forkPoint();
      signalled += removeAbove(fork);
      cp = store.checkpoint();
    }
    long head = chain.blockNumber() - lag;
    long from = cp.map(r -> r.number() + 1).orElse(startBlock);
    while (from <= head) {
      long to = Math.min(head, from + maxBlockRange - 1);
      Optional<ChainReader.Block> before = chain.block(to);
      if (before.isEmpty()) {
        return signalled;
      }
      if (cp.isPresent()) {
        Optional<ChainReader.Block> first = chain.block(from);
        if (first.isEmpty() || !first.get().parentHash().equalsIgnoreCase(cp.get().hash())) {
          LOG.debug("block {} is no child of the checkpoint {}: a reorganisation, next poll follows it", from, cp.get());
          return signalled;
        }
      }
      JsonNode logs = logs(from, to);
      Optional<ChainReader.Block> after = chain.block(to);
      if (after.isEmpty() || !after.get().hash().equalsIgnoreCase(before.get().hash())) {
        LOG.debug("block {} changed while its logs were read; reading again", to);
        continue;
      }
      List<EventStore.StoredLog> delivered = new ArrayList<>();
      for (JsonNode log : logs) {
        if (log.path("removed").asBoolean(false)) {
          continue;
        }
        Optional<ChainEvent> event = LogDecoder.decode(log);
        if (event.isPresent()) {
          EventPosition at = position(log);
          listener.onEvent(event.get(), at);
          delivered.add(new EventStore.StoredLog(at.blockNumber(), at.logIndex(), log.toString()));
          signalled++;
        }
      }
      EventStore.BlockRef last = new EventStore.BlockRef(to, after.get().hash());
      store.advance(delivered, last);
      cp = Optional.of(last);
      from = to + 1;
    }
    return signalled;
  }

  private boolean onChain(EventStore.BlockRef ref) {
    return chain.block(ref.number()).map(b -> b.hash().equalsIgnoreCase(ref.hash())).orElse(false);
  }

  /** The newest remembered block the chain still has; below the start when none. */
  private long forkPoint() {
    for (EventStore.BlockRef ref : store.recentBlocks()) {
      if (onChain(ref)) {
        return ref.number();
      }
    }
    LOG.debug("reorganisation deeper than the remembered window: replaying from block {}", startBlock);
    return startBlock - 1;
  }

  private int removeAbove(long fork) {
    int n = 0;
    for (EventStore.StoredLog stored : store.logsAbove(fork)) {
      JsonNode log = parse(stored.raw());
      Optional<ChainEvent> event = LogDecoder.decode(log);
      if (event.isPresent()) {
        listener.onRemoved(event.get(), position(log));
        n++;
      }
    }
    store.rewind(fork);
    LOG.debug("reorganisation: rewound to block {}, {} events removed", fork, n);
    return n;
  }

  private JsonNode logs(long from, long to) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("fromBlock", ChainReader.hex(from));
    filter.put("toBlock", ChainReader.hex(to));
    filter.put("address", contracts);
    JsonNode logs = rpc.call("eth_getLogs", filter);
    if (!logs.isArray()) {
      throw ChainException.of(ChainException.Kind.DECODE, "eth_getLogs answered no array: " + logs, null, null);
    }
    return logs;
  }

  private static EventPosition position(JsonNode log) {
    return EventPosition.of(
        Address.fromHex(log.path("address").asText()),
        ChainReader.quantity("log.blockNumber", log.get("blockNumber")).longValueExact(),
        log.path("blockHash").asText().toLowerCase(java.util.Locale.ROOT),
        log.path("transactionHash").asText().toLowerCase(java.util.Locale.ROOT),
        ChainReader.quantity("log.logIndex", log.get("logIndex")).intValueExact());
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (java.io.IOException e) {
      throw ChainException.of(ChainException.Kind.DECODE, "a stored log is not JSON: " + e.getMessage(), null, e);
    }
  }

  /** Closes the connection to the node; the journal stays open. */
  @Override
  public void close() {
    rpc.close();
  }

  /** Configures an {@link EventStream}. */
  public static final class Builder {
    private @Nullable String rpcUrl;
    private long chainId;
    private @Nullable Journal journal;
    private @Nullable String name;
    private List<Address> contracts = List.of();
    private long startBlock = -1;
    private int maxBlockRange = 1_000;
    private int window = 256;
    private int lag;
    private @Nullable EventListener listener;

    private Builder() {}

    /**
     * The node's http(s) URL; its path and query never appear in messages or logs.
     *
     * @param url the URL
     * @return this builder
     * @throws org.computerwa.core.ValidationException for another scheme
     */
    public Builder rpcUrl(String url) {
      this.rpcUrl = JsonRpc.checkUrl("rpcUrl", url);
      return this;
    }

    /**
     * The chain id the node must report.
     *
     * @param id positive
     * @return this builder
     */
    public Builder chainId(long id) {
      this.chainId = JsonRpc.checkChainId(id);
      return this;
    }

    /**
     * The journal that keeps the checkpoint.
     *
     * @param journal an open journal
     * @return this builder
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * The stream's name in the journal (one checkpoint per name).
     *
     * @param name 1 to 100 characters of letters, digits, '-', '_' and '.'
     * @return this builder
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
        throw new ValidationException("name", name, "must be 1 to 100 letters, digits, '-', '_' or '.'");
      }
      this.name = name;
      return this;
    }

    /**
     * The contracts whose events are delivered.
     *
     * @param addresses at least one
     * @return this builder
     */
    public Builder contracts(Collection<Address> addresses) {
      Objects.requireNonNull(addresses, "contracts");
      if (addresses.isEmpty()) {
        throw new ValidationException("contracts", addresses, "must name at least one contract");
      }
      this.contracts = List.copyOf(addresses);
      return this;
    }

    /**
     * The first block to read when the journal has no checkpoint (usually the deployment block).
     *
     * @param block zero or more
     * @return this builder
     */
    public Builder startBlock(long block) {
      if (block < 0) {
        throw new ValidationException("startBlock", block, "must not be negative");
      }
      this.startBlock = block;
      return this;
    }

    /**
     * The most blocks one {@code eth_getLogs} call covers (providers cap it). Default 1 000.
     *
     * @param blocks 1 to 100 000
     * @return this builder
     */
    public Builder maxBlockRange(int blocks) {
      if (blocks < 1 || blocks > 100_000) {
        throw new ValidationException("maxBlockRange", blocks, "must be between 1 and 100000");
      }
      this.maxBlockRange = blocks;
      return this;
    }

    /**
     * How many checkpoints to remember for finding a fork point. Default 256.
     *
     * @param checkpoints 2 to 100 000
     * @return this builder
     */
    public Builder window(int checkpoints) {
      if (checkpoints < 2 || checkpoints > 100_000) {
        throw new ValidationException("window", checkpoints, "must be between 2 and 100000");
      }
      this.window = checkpoints;
      return this;
    }

    /**
     * Stay this many blocks behind the head (0, the default, delivers up to the head and relies
     * on removed-event signals for reorganisations).
     *
     * @param blocks 0 to 10 000
     * @return this builder
     */
    public Builder lag(int blocks) {
      if (blocks < 0 || blocks > 10_000) {
        throw new ValidationException("lag", blocks, "must be between 0 and 10000");
      }
      this.lag = blocks;
      return this;
    }

    /**
     * Who receives the events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Connects, checks the chain and binds the journal.
     *
     * @return the stream
     */
    public EventStream build() {
      if (rpcUrl == null) {
        throw new ValidationException("rpcUrl", null, "is required");
      }
      if (chainId == 0) {
        throw new ValidationException("chainId", null, "is required");
      }
      if (journal == null) {
        throw new ValidationException("journal", null, "is required");
      }
      if (name == null) {
        throw new ValidationException("name", null, "is required");
      }
      if (contracts.isEmpty()) {
        throw new ValidationException("contracts", null, "is required");
      }
      if (startBlock < 0) {
        throw new ValidationException("startBlock", null, "is required (the block the contracts were deployed in)");
      }
      if (listener == null) {
        throw new ValidationException("listener", null, "is required");
      }
      JsonRpc rpc = JsonRpc.connect(rpcUrl);
      try {
        return new EventStream(this, rpc);
      } catch (RuntimeException e) {
        rpc.close();
        throw e;
      }
    }
  }
}
