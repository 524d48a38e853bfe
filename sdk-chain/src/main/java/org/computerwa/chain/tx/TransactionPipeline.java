package org.computerwa.chain.tx;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.internal.RevertDecoder;
import org.computerwa.chain.internal.rpc.ChainReader;
import org.computerwa.chain.internal.rpc.JsonRpc;
import org.computerwa.chain.internal.rpc.RpcErrors;
import org.computerwa.chain.tx.internal.Fees;
import org.computerwa.chain.tx.internal.JdbcJournal;
import org.computerwa.chain.tx.internal.OperationRow;
import org.computerwa.chain.tx.internal.TxSigner;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the SDK sends a transaction: intent journaled, nonce allocated from the journal,
 * signed, raw transaction journaled, broadcast, then confirmed at a chosen depth or failed with a
 * typed reason.
 *
 * <pre>{@code
 * try (TransactionPipeline pipeline = TransactionPipeline.builder()
 *     .rpcUrl(url).chainId(31337).signer(key).journal(journal).confirmations(3).build()) {
 *   pipeline.resume();
 *   Operation op = pipeline.send(request);     // CONFIRMED, or a ChainException
 * }
 * }</pre>
 *
 * <p>What it guarantees, per sender and journal:
 *
 * <ul>
 *   <li><b>Recorded before acted on.</b> The intent is committed before anything is signed; the
 *       nonce and the signed raw transaction are committed in one database transaction before the
 *       first broadcast. A crash at any point leaves an operation that {@link #resume()} finishes.
 *   <li><b>Exactly once.</b> Every attempt of an operation (first send and fee-bumped
 *       replacements) uses the same nonce, so at most one of them is ever mined. A request with an
 *       idempotency key the journal holds returns the recorded operation and sends nothing.
 *   <li><b>No nonce gaps.</b> Nonces come from the journal under a lock; a nonce whose transaction
 *       the node refused for good goes back to the pool and is reused first; when later nonces are
 *       already out (other threads or processes), it is filled at once by a zero-value transfer
 *       to the sender, so they are not held back until the next call.
 *   <li><b>Terminal states.</b> {@link OperationState#CONFIRMED} once mined with success, its block
 *       canonical and {@code confirmations - 1} blocks on top; {@link OperationState#FAILED} with a
 *       {@link Failure}: simulated revert (nothing sent), mined revert at depth, refusal, no
 *       contract at the target. When a transaction outside the journal takes an operation's
 *       nonce (another program using the same key), the operation is signed again at a new nonce
 *       once that transaction is final: none of its earlier attempts can be mined any more.
 *   <li><b>Node faults.</b> A lost reply is retried with the same raw transaction (the node
 *       answers "already known" or the receipt shows up); a transaction the node dropped or lost in
 *       a restart or reorg is re-broadcast; one pending longer than {@code bumpAfter} is replaced
 *       with fees raised by at least 12.5% (EIP-1559 replacement rule; gas price on legacy chains).
 * </ul>
 *
 * <p>The chain id the caller names must match the node's, and the journal is bound to the node's
 * chain id and genesis hash. Thread-safe: many threads may send at once. Cost per confirmed
 * operation: about ten JSON-RPC calls and four small database transactions.
 *
 * @since 0.1.0
 */
public final class TransactionPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionPipeline.class);
  /** The action of the zero-value transfer that fills a nonce a refusal gave back. */
  private static final String FILLER_ACTION = "fill released nonce ";

  private final JsonRpc rpc;
  private final ChainReader chain;
  private final JdbcJournal journal;
  private final SigningKey key;
  private final String from;
  private final long chainId;
  private final int confirmations;
  private final Duration receiptTimeout;
  private final Duration pollInterval;
  private final Duration bumpAfter;
  private final @Nullable BigInteger maxFeeCap;
  private final boolean eip1559;
  private final TxSigner signer;
  private final OperationListener listener;
  private final Set<String> contracts = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Object> driving = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> nonceTakenSince = new ConcurrentHashMap<>();
  private final Duration renonceGrace;

  private TransactionPipeline(Builder b, JsonRpc rpc) {
    this.rpc = rpc;
    this.chain = new ChainReader(rpc);
    this.journal = Objects.requireNonNull(b.journal).store();
    this.key = Objects.requireNonNull(b.signer);
    this.from = key.address().toHex();
    this.chainId = b.chainId;
    this.confirmations = b.confirmations;
    this.receiptTimeout = b.receiptTimeout;
    this.pollInterval = b.pollInterval;
    this.bumpAfter = b.bumpAfter;
    this.renonceGrace = b.bumpAfter.compareTo(Duration.ofSeconds(10)) > 0 ? b.bumpAfter : Duration.ofSeconds(10);
    this.maxFeeCap = b.maxFeeCap;
    this.listener = b.listener;
    long nodeChain = chain.chainId();
    if (nodeChain != chainId) {
      throw ChainException.of(
          ChainException.Kind.WRONG_CHAIN,
          "the node at " + rpc.endpoint() + " is chain " + nodeChain + ", not the configured chain " + chainId,
          null,
          null);
    }
    ChainReader.Block genesis =
        chain.block(0).orElseThrow(() -> ChainException.of(ChainException.Kind.DECODE, "the node has no block 0", null, null));
    journal.bind(chainId, genesis.hash());
    this.eip1559 = chain.block("latest").map(ChainReader.Block::baseFee).isPresent();
    this.signer = new TxSigner(key, chainId);
  }

  /**
   * Starts a builder. Required: {@code rpcUrl}, {@code chainId}, {@code signer}, {@code journal},
   * {@code confirmations}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sending address.
   *
   * @return lower-case 0x-hex
   */
  public String sender() {
    return from;
  }

  /**
   * The chain id.
   *
   * @return the id, checked against the node
   */
  public long chainId() {
    return chainId;
  }

  /**
   * Whether the chain prices gas by base fee (EIP-1559); legacy gas prices otherwise.
   *
   * @return true on EIP-1559 chains
   */
  public boolean eip1559() {
    return eip1559;
  }

  /**
   * The confirmation depth: a transaction is final when its block and {@code depth - 1} more are
   * on the canonical chain.
   *
   * @return the depth, at least 1
   */
  public int confirmations() {
    return confirmations;
  }

  /**
   * Journals, signs and broadcasts a request, without waiting for it to be mined.
   *
   * @param request the request
   * @return the operation as recorded (BROADCAST, or SIGNED when the node could not be reached)
   * @throws ChainException when the simulation reverts or the target has no code (the operation
   *     is recorded as FAILED, nothing was sent), or the node refuses the transaction for good
   * @throws ValidationException when the idempotency key was used for a different request
   */
  public Operation submit(TransactionRequest request) {
    OperationRow row = record(request);
    if (!OperationState.valueOf(row.state()).terminal()) {
      row = advance(row, true);
    }
    Operation op = Operation.of(row);
    if (op.state() == OperationState.FAILED) {
      throw failure(op);
    }
    return op;
  }

  /**
   * Sends a request and waits until it is confirmed at the configured depth.
   *
   * @param request the request
   * @return the confirmed operation (the original one when the idempotency key is known)
   * @throws ChainException REVERTED, REJECTED or NO_CONTRACT when it failed; TIMEOUT
   *     when not terminal within the receipt timeout (it stays journaled; {@link #resume()} or
   *     {@link #await(String)} finishes it)
   */
  public Operation send(TransactionRequest request) {
    return await(submit(request).id());
  }

  /**
   * Drives a recorded operation until it is terminal.
   *
   * @param operationId the id
   * @return the confirmed operation
   * @throws ChainException as {@link #send(TransactionRequest)}
   */
  public Operation await(String operationId) {
    OperationRow row = journal.find(operationId).orElseThrow(
        () -> new ValidationException("operationId", operationId, "is not in " + journal.description()));
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    while (!OperationState.valueOf(row.state()).terminal()) {
      row = advance(row, false);
      if (OperationState.valueOf(row.state()).terminal()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw ChainException.of(
            ChainException.Kind.TIMEOUT,
            row.action() + ": operation " + row.id() + " not final within " + receiptTimeout + " (state " + row.state()
                + "); it stays journaled, resume() finishes it",
            row.lastAttempt() == null ? null : row.lastAttempt().txHash(),
            null);
      }
      sleep(pollInterval.toMillis());
    }
    Operation op = Operation.of(row);
    if (op.state() == OperationState.FAILED) {
      throw failure(op);
    }
    return op;
  }

  /**
   * Drives every operation of this sender that is not terminal (left by a crash, a timeout or
   * another instance) until it is, oldest nonce first.
   *
   * @return the operations that were open, as they ended (failed ones included)
   * @throws ChainException TIMEOUT when one is not terminal within the receipt timeout
   */
  public List<Operation> resume() {
    fillReleasedNonce();
    List<Operation> done = new ArrayList<>();
    for (OperationRow row : journal.open(from)) {
      try {
        done.add(await(row.id()));
      } catch (ChainException e) {
        if (e.kind() == ChainException.Kind.TIMEOUT || e.kind() == ChainException.Kind.TRANSPORT) {
          throw e;
        }
        done.add(Operation.of(journal.find(row.id()).orElseThrow()));
      }
    }
    return done;
  }

  /**
   * The operation one of whose transactions has this hash.
   *
   * @param transactionHash 0x-hex
   * @return the operation, empty when the journal has no such transaction
   */
  public Optional<Operation> lookup(String transactionHash) {
    return journal.findByHash(transactionHash).map(Operation::of);
  }

  /**
   * The operation recorded under an idempotency key of this sender.
   *
   * @param idempotencyKey the key
   * @return the operation
   */
  public Optional<Operation> find(String idempotencyKey) {
    return journal.findByKey(from, idempotencyKey).map(Operation::of);
  }

  private OperationRow record(TransactionRequest request) {
    long now = System.currentTimeMillis();
    OperationRow fresh =
        new OperationRow(
            UUID.randomUUID().toString(),
            from,
            request.idempotencyKey().orElse(null),
            request.action(),
            request.to().map(a -> a.toHex()).orElse(null),
            request.data(),
            request.value().toString(),
            request.gasLimit().isPresent() ? request.gasLimit().getAsLong() : null,
            null,
            OperationState.INTENT.name(),
            null,
            null,
            null,
            null,
            null,
            null,
            now,
            now,
            List.of());
    OperationRow row = journal.insertIntent(fresh);
    if (row != fresh) {
      if (!Objects.equals(row.to(), fresh.to()) || !row.data().equals(fresh.data()) || !row.value().equals(fresh.value())) {
        throw new ValidationException(
            "idempotencyKey", fresh.idempotencyKey(), "was used for a different call (operation " + row.id() + ")");
      }
      LOG.debug("{}: idempotency key {} already journaled as {}", request.action(), fresh.idempotencyKey(), row.id());
      return row;
    }
    listener.onTransition(Operation.of(row));
    return row;
  }

  /**
   * One step forward; returns the row as now recorded. Steps of one operation are serialised in
   * this process (a caller's send and a resume() may drive the same operation); across processes
   * every transition is conditional on the recorded state.
   */
  private OperationRow advance(OperationRow stale, boolean submitting) {
    Object lock = driving.computeIfAbsent(stale.id(), k -> new Object());
    try {
      synchronized (lock) {
        OperationRow row = journal.find(stale.id()).orElseThrow();
        return step(row, submitting);
      }
    } finally {
      if (OperationState.valueOf(journal.find(stale.id()).orElseThrow().state()).terminal()) {
        driving.remove(stale.id());
      }
    }
  }

  private OperationRow step(OperationRow row, boolean submitting) {
    switch (OperationState.valueOf(row.state())) {
      case INTENT:
        return prepare(row);
      case SIGNED:
        return broadcast(row, Objects.requireNonNull(row.lastAttempt()), true);
      case BROADCAST:
        return submitting ? row : check(row);
      default:
        return row;
    }
  }

  private OperationRow prepare(OperationRow row) {
    if (row.to() != null && row.data().length() > 2 && !contracts.contains(row.to())) {
      if (chain.code(row.to()).equals("0x")) {
        return fail(row, Failure.NO_CONTRACT, "no contract at " + row.to() + " on chain " + chainId, null, null, false);
      }
      contracts.add(row.to());
    }
    long gas;
    if (row.gasLimit() != null) {
      gas = row.gasLimit();
    } else {
      try {
        long estimate = chain.estimateGas(from, row.to(), row.data(), new BigInteger(row.value()));
        gas = estimate + estimate / 5 + 10_000;
      } catch (ChainException e) {
        if (RpcErrors.isRevert(e)) {
          String data = e.revertData().orElse("0x");
          return fail(row, Failure.SIMULATION_REVERTED, describeRevert(data), data, null, false);
        }
        throw e;
      }
    }
    Fees fees = market();
    long pending = chain.transactionCount(from, "pending");
    long gasLimit = gas;
    Optional<OperationRow> signed =
        journal.allocateAndSign(
            row.id(),
            from,
            pending,
            (nonce, seq) ->
                new JdbcJournal.Signed(
                    signer.sign(seq, nonce, gasLimit, row.to(), new BigInteger(row.value()), row.data(), fees), gasLimit));
    OperationRow now = signed.orElseGet(() -> journal.find(row.id()).orElseThrow());
    if (signed.isPresent()) {
      listener.onTransition(Operation.of(now));
    }
    if (OperationState.valueOf(now.state()) == OperationState.SIGNED) {
      return broadcast(now, Objects.requireNonNull(now.lastAttempt()), true);
    }
    return now;
  }

  /** Sends an attempt's raw transaction; a refusal of the very first attempt fails the operation. */
  private OperationRow broadcast(OperationRow row, OperationRow.Attempt attempt, boolean first) {
    try {
      String nodeHash = chain.sendRaw(attempt.raw());
      if (!nodeHash.equalsIgnoreCase(attempt.txHash())) {
        throw ChainException.of(
            ChainException.Kind.DECODE,
            row.action() + ": the node computed hash " + nodeHash + " for the transaction journaled as " + attempt.txHash(),
            attempt.txHash(),
            null);
      }
    } catch (ChainException e) {
      if (e.kind() == ChainException.Kind.DECODE) {
        throw e;
      }
      if (e.kind() == ChainException.Kind.RPC_ERROR) {
        if (RpcErrors.alreadyKnown(e)) {
          LOG.debug("{}: node already has {}", row.action(), attempt.txHash());
        } else if (RpcErrors.nonceTooLow(e)) {
          LOG.debug("{}: nonce of {} already used, checking receipts", row.action(), attempt.txHash());
          return check(row);
        } else if (RpcErrors.underpriced(e)) {
          LOG.debug("{}: {} underpriced, replacing", row.action(), attempt.txHash());
          return replace(row, attempt);
        } else if (first && "SIGNED".equals(row.state()) && row.attempts().size() == 1) {
          OperationRow failed =
              fail(row, Failure.REJECTED, row.action() + " was refused by the node: " + e.getMessage(), null, null, true);
          if (!row.action().startsWith(FILLER_ACTION)) {
            fillReleasedNonce();
          }
          return failed;
        } else {
          LOG.debug("{}: re-broadcast of {} refused: {}", row.action(), attempt.txHash(), e.getMessage());
          return row;
        }
      } else if (e.retryable()) {
        // Unknown whether the node has it: stay SIGNED, the next step sends the same bytes again.
        LOG.debug("{}: broadcast of {} uncertain: {}", row.action(), attempt.txHash(), e.getMessage());
        return row;
      } else {
        throw e;
      }
    }
    listener.onSent(Operation.of(row), attempt.txHash());
    if ("SIGNED".equals(row.state()) && journal.markBroadcast(row.id())) {
      OperationRow now = journal.find(row.id()).orElseThrow();
      listener.onTransition(Operation.of(now));
      return now;
    }
    return journal.find(row.id()).orElseThrow();
  }

  /** Records and broadcasts a fee-bumped replacement at the same nonce. */
  private OperationRow replace(OperationRow row, OperationRow.Attempt last) {
    Fees next = Fees.of(last).bump(market());
    if (maxFeeCap != null && next.ceiling().compareTo(maxFeeCap) > 0) {
      LOG.debug("{}: replacement would pay {} > cap {}, waiting", row.action(), next.ceiling(), maxFeeCap);
      return row;
    }
    OperationRow.Attempt attempt =
        signer.sign(
            last.seq() + 1,
            Objects.requireNonNull(row.nonce()),
            Objects.requireNonNull(row.gasLimit()),
            row.to(),
            new BigInteger(row.value()),
            row.data(),
            next);
    journal.addAttempt(row.id(), attempt);
    LOG.debug("{}: replacement {} at {} wei/gas", row.action(), attempt.txHash(), next.ceiling());
    OperationRow now = journal.find(row.id()).orElseThrow();
    return broadcast(now, attempt, false);
  }

  /** Looks for a receipt of any attempt; confirms at depth, or re-broadcasts, or replaces. */
  private OperationRow check(OperationRow row) {
    Optional<ChainReader.Receipt> mined = minedAttempt(row);
    if (mined.isPresent()) {
      return settle(row, mined.get());
    }
    long nonce = Objects.requireNonNull(row.nonce());
    if (chain.transactionCount(from, "latest") > nonce) {
      mined = minedAttempt(row);
      if (mined.isPresent()) {
        return settle(row, mined.get());
      }
      // The nonce went to a transaction that is not one of ours. Once that is final, none of our
      // attempts can ever be mined: sign the operation again at a new nonce.
      // A node may count a mined transaction before it serves its receipt: wait a grace period
      // with the nonce taken and no receipt before concluding.
      long since = nonceTakenSince.computeIfAbsent(row.id(), k -> System.currentTimeMillis());
      long head = chain.blockNumber();
      long finalBlock = Math.max(0, head - confirmations + 1);
      if (System.currentTimeMillis() - since > renonceGrace.toMillis()
          && chain.transactionCount(from, ChainReader.hex(finalBlock)) > nonce
          && minedAttempt(row).isEmpty()) {
        nonceTakenSince.remove(row.id());
        LOG.debug("{}: nonce {} taken by a transaction outside the journal; signing again", row.action(), nonce);
        journal.renonce(row.id());
        return journal.find(row.id()).orElseThrow();
      }
      return row;
    }
    OperationRow.Attempt last = Objects.requireNonNull(row.lastAttempt());
    if (!chain.knows(last.txHash())) {
      LOG.debug("{}: node does not know {}, re-broadcasting", row.action(), last.txHash());
      return broadcast(row, last, false);
    }
    if (System.currentTimeMillis() - last.createdMillis() > bumpAfter.toMillis()) {
      return replace(row, last);
    }
    return row;
  }

  private Optional<ChainReader.Receipt> minedAttempt(OperationRow row) {
    List<OperationRow.Attempt> attempts = row.attempts();
    for (int i = attempts.size() - 1; i >= 0; i--) {
      Optional<ChainReader.Receipt> r = chain.receipt(attempts.get(i).txHash());
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private OperationRow settle(OperationRow row, ChainReader.Receipt receipt) {
    long head = chain.blockNumber();
    if (head - receipt.blockNumber() + 1 < confirmations) {
      return row;
    }
    Optional<ChainReader.Block> block = chain.block(receipt.blockNumber());
    if (block.isEmpty() || !block.get().hash().equalsIgnoreCase(receipt.blockHash())) {
      LOG.debug("{}: block {} of {} was reorganised away, waiting", row.action(), receipt.blockNumber(), receipt.txHash());
      return row;
    }
    if (receipt.success()) {
      if (journal.confirm(row.id(), receipt.txHash(), receipt.blockNumber(), receipt.blockHash())) {
        OperationRow now = journal.find(row.id()).orElseThrow();
        listener.onTransition(Operation.of(now));
        return now;
      }
      return journal.find(row.id()).orElseThrow();
    }
    String revert = replayRevert(row, receipt.blockNumber());
    return fail(row, Failure.REVERTED, describeRevert(revert), revert, receipt, false);
  }

  /** Replays a mined failure on the state after its block to read its revert data. */
  private String replayRevert(OperationRow row, long blockNumber) {
    try {
      chain.call(from, row.to(), row.data(), ChainReader.hex(blockNumber));
      return "0x";
    } catch (ChainException e) {
      return e.revertData().orElse("0x");
    }
  }

  private OperationRow fail(
      OperationRow row, Failure failure, String detail, @Nullable String revertData, ChainReader.@Nullable Receipt receipt, boolean release) {
    boolean moved =
        journal.fail(
            row.id(),
            failure.name(),
            detail,
            revertData,
            receipt == null ? null : receipt.txHash(),
            receipt == null ? null : receipt.blockNumber(),
            receipt == null ? null : receipt.blockHash(),
            release);
    OperationRow now = journal.find(row.id()).orElseThrow();
    if (moved) {
      listener.onTransition(Operation.of(now));
    }
    return now;
  }

  /**
   * A nonce given back by a refusal leaves a gap when later nonces of this sender are already out
   * (another thread or process took them first): the node holds those back until the gap is
   * used. Rather than wait for the sender's next call, the gap is filled at once with a zero-value
   * transfer to the sender itself, journaled like any operation. A filler the node refuses as well
   * is left to the next call or {@link #resume()}.
   */
  private void fillReleasedNonce() {
    Optional<Long> gap = journal.lowestReleased(from);
    if (gap.isEmpty() || gap.get() < chain.transactionCount(from, "latest")) {
      return;
    }
    long released = gap.get();
    boolean laterOut = journal.open(from).stream().anyMatch(r -> r.nonce() != null && r.nonce() > released);
    if (!laterOut) {
      return;
    }
    TransactionRequest filler =
        TransactionRequest.builder()
            .action(FILLER_ACTION + released)
            .to(Address.fromHex(from))
            .data("0x")
            .gasLimit(21_000)
            .build();
    try {
      submit(filler);
    } catch (ChainException e) {
      LOG.warn("filling released nonce {} of {} failed: {}", released, from, e.getMessage());
    }
  }

  private Fees market() {
    if (eip1559) {
      ChainReader.Block latest =
          chain.block("latest").orElseThrow(() -> ChainException.of(ChainException.Kind.DECODE, "no latest block", null, null));
      BigInteger base = latest.baseFee() == null ? BigInteger.ZERO : latest.baseFee();
      return Fees.market1559(base, chain.priorityFee());
    }
    return Fees.legacy(chain.gasPrice());
  }

  private static String describeRevert(String data) {
    RevertDecoder.Decoded d = RevertDecoder.decode(data);
    return d == null ? "reverted without a known reason (data " + data + ")" : "reverted with " + d.name() + d.arguments();
  }

  private static ChainException failure(Operation op) {
    Failure f = op.failure().orElseThrow();
    String detail = op.failureDetail().orElse("");
    switch (f) {
      case SIMULATION_REVERTED:
      case REVERTED: {
        String data = op.revertData().orElse("0x");
        RevertDecoder.Decoded d = RevertDecoder.decode(data);
        return ChainException.reverted(
            op.action(),
            d == null ? null : d.name(),
            d == null ? List.of() : d.arguments(),
            data,
            op.transactionHash().orElse(null));
      }
      case NO_CONTRACT:
        return ChainException.of(ChainException.Kind.NO_CONTRACT, op.action() + ": " + detail, null, null);
      default:
        return ChainException.of(ChainException.Kind.REJECTED, detail, null, null);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChainException.of(ChainException.Kind.TIMEOUT, "interrupted while waiting for a receipt", null, e);
    }
  }

  /** Closes the connection to the node and its threads; the journal stays open. */
  @Override
  public void close() {
    rpc.close();
  }

  @Override
  public String toString() {
    return "TransactionPipeline[" + from + " on chain " + chainId + " via " + rpc.endpoint() + ", " + journal.description() + "]";
  }

  /** Configures a {@link TransactionPipeline}. */
  public static final class Builder {
    private @Nullable String rpcUrl;
    private long chainId;
    private @Nullable SigningKey signer;
    private @Nullable Journal journal;
    private int confirmations;
    private Duration receiptTimeout = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration bumpAfter = Duration.ofSeconds(60);
    private @Nullable BigInteger maxFeeCap;
    private OperationListener listener = new OperationListener() {};

    private Builder() {}

    /**
     * The node's http(s) JSON-RPC URL; its path and query never appear in messages or logs.
     *
     * @param url the URL
     * @return this builder
     */
    public Builder rpcUrl(String url) {
      this.rpcUrl = JsonRpc.checkUrl("rpcUrl", url);
      return this;
    }

    /**
     * The chain id transactions are signed for; the node must report the same.
     *
     * @param id positive
     * @return this builder
     */
    public Builder chainId(long id) {
      this.chainId = JsonRpc.checkChainId(id);
      return this;
    }

    /**
     * The key that signs every transaction.
     *
     * @param key the key
     * @return this builder
     */
    public Builder signer(SigningKey key) {
      this.signer = Objects.requireNonNull(key, "signer");
      return this;
    }

    /**
     * The journal.
     *
     * @param journal an open journal; the pipeline does not close it
     * @return this builder
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * How deep a transaction must be buried to be final: 1 means its own block is enough (a dev
     * chain), 12 or more on a public chain. No default: the caller weighs reorg risk.
     *
     * @param depth 1 to 1000
     * @return this builder
     */
    public Builder confirmations(int depth) {
      if (depth < 1 || depth > 1000) {
        throw new ValidationException("confirmations", depth, "must be between 1 and 1000");
      }
      this.confirmations = depth;
      return this;
    }

    /**
     * How long {@link #send} and {@link #await} wait for finality before throwing TIMEOUT (the
     * operation stays journaled). Default 5 minutes.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder receiptTimeout(Duration timeout) {
      this.receiptTimeout = positive("receiptTimeout", timeout);
      return this;
    }

    /**
     * How often to poll the node while waiting. Default 1 s.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive("pollInterval", interval);
      return this;
    }

    /**
     * How long a broadcast transaction may stay pending before it is replaced with higher fees.
     * Default 60 s.
     *
     * @param after positive
     * @return this builder
     */
    public Builder bumpAfter(Duration after) {
      this.bumpAfter = positive("bumpAfter", after);
      return this;
    }

    /**
     * The most a replacement may pay per gas (max fee, or gas price on legacy chains); a bump
     * above it is not sent and the transaction waits. Default: no cap.
     *
     * @param weiPerGas positive
     * @return this builder
     */
    public Builder maxFeePerGas(BigInteger weiPerGas) {
      Objects.requireNonNull(weiPerGas, "maxFeePerGas");
      if (weiPerGas.signum() <= 0) {
        throw new ValidationException("maxFeePerGas", weiPerGas, "must be positive");
      }
      this.maxFeeCap = weiPerGas;
      return this;
    }

    /**
     * Observes every journal transition (for metrics or audit logs); called on the sending thread
     * after the transition is committed.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(OperationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    private static Duration positive(String field, @Nullable Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new ValidationException(field, d, "must be positive");
      }
      return d;
    }

    /**
     * Connects, checks the chain id and binds the journal.
     *
     * @return the pipeline
     * @throws ValidationException when a required setting is missing
     * @throws ChainException WRONG_CHAIN when the node or the journal belongs to another chain;
     *     TRANSPORT, UNAUTHORIZED ... when the node cannot be used
     */
    public TransactionPipeline build() {
      if (rpcUrl == null) {
        throw new ValidationException("rpcUrl", null, "is required");
      }
      if (chainId == 0) {
        throw new ValidationException("chainId", null, "is required");
      }
      if (signer == null) {
        throw new ValidationException("signer", null, "is required");
      }
      if (journal == null) {
        throw new ValidationException("journal", null, "is required");
      }
      if (confirmations == 0) {
        throw new ValidationException("confirmations", null, "is required (1 on a dev chain, 12 or more on a public chain)");
      }
      JsonRpc rpc = JsonRpc.connect(rpcUrl);
      try {
        return new TransactionPipeline(this, rpc);
      } catch (RuntimeException e) {
        rpc.close();
        throw e;
      }
    }
  }
}
