package org.computerwa.chain.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.computerwa.chain.client.internal.Rpc;
import org.computerwa.chain.internal.contracts.TestStablecoin;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.money.Token;
import org.jspecify.annotations.Nullable;

/**
 * The ComputeRWA chain client: one signer talking to one deployment, in sdk-core types.
 *
 * <pre>{@code
 * try (Journal journal = Journal.sqlite(Path.of("operator-journal.db"));
 *     ComputeRwaClient client = ComputeRwaClient.builder()
 *         .rpcUrl("http://127.0.0.1:8545")
 *         .signer(SigningKey.fromHex(operatorKeyHex))
 *         .contracts(deployment)
 *         .journal(journal)
 *         .confirmations(12)
 *         .build()) {
 *   AssetId asset = client.assets().register(computeAsset).value();
 *   LeaseId lease = client.leases().offer(asset, terms).value();
 * }
 * }</pre>
 *
 * <p>Facades group the operations: {@link #assets()} (register, verify holders, issue shares),
 * {@link #leases()} (offer, accept with permit, settle, runway, terminate, withdraw), {@link
 * #evidence()} (attesters, anchor statement batches, SLA credits), {@link #revenue()} (claimable,
 * claim) and {@link #payments()} (the payment token). Every party signs with its own client: an
 * operator, a lessee and a holder each build one with their own key.
 *
 * <p><b>Submission.</b> Every write is simulated first; a revert is thrown as a {@link
 * ChainException} with the decoded custom error and nothing is sent. Otherwise the transaction is
 * signed (EIP-1559) with the signer, sent, and its receipt awaited; a mined failure is replayed to
 * recover its reason. Inputs are checked before anything is sent, and bad input is thrown as a
 * {@link ValidationException}. Writes of one client are serialised; reads are not.
 *
 * @since 0.1.0
 */
public final class ComputeRwaClient implements AutoCloseable {
  private final Rpc rpc;
  private final Deployment deployment;
  private final Token paymentToken;
  private final Assets assets;
  private final Leases leases;
  private final Evidence evidence;
  private final Revenue revenue;
  private final Payments payments;
  private final Pledges pledges;

  private ComputeRwaClient(Rpc rpc, Deployment deployment) {
    this.rpc = rpc;
    this.deployment = deployment;
    this.paymentToken = readToken(rpc, deployment.paymentToken());
    this.assets = new Assets(this);
    this.leases = new Leases(this);
    this.evidence = new Evidence(this);
    this.revenue = new Revenue(this);
    this.payments = new Payments(this);
    this.pledges = new Pledges(this);
  }

  private static Token readToken(Rpc rpc, Address address) {
    TestStablecoin erc20 =
        TestStablecoin.load(address.toHex(), rpc.web3j(), rpc.readOnly(), rpc.unusedGas());
    String where = address.toHex();
    String symbol = rpc.view("read symbol of payment token " + where, where, erc20.symbol());
    int decimals = rpc.view("read decimals of payment token " + where, where, erc20.decimals()).intValueExact();
    return Token.builder().symbol(symbol).decimals(decimals).address(address).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registering assets, verifying holders and issuing shares.
   *
   * @return the assets facade
   */
  public Assets assets() {
    return assets;
  }

  /**
   * Offering, accepting, settling and ending leases.
   *
   * @return the leases facade
   */
  public Leases leases() {
    return leases;
  }

  /**
   * Attesters, anchored statement batches and SLA credits.
   *
   * @return the evidence facade
   */
  public Evidence evidence() {
    return evidence;
  }

  /**
   * Holders' claimable income and claims.
   *
   * @return the revenue facade
   */
  public Revenue revenue() {
    return revenue;
  }

  /**
   * The payment token: its description and balances.
   *
   * @return the payments facade
   */
  public Payments payments() {
    return payments;
  }

  /**
   * Pledges of an owner's lease income to lenders: propose, accept, repay, default, release.
   *
   * @return the pledges facade
   */
  public Pledges pledges() {
    return pledges;
  }

  /**
   * The contracts this client talks to.
   *
   * @return the deployment
   */
  public Deployment deployment() {
    return deployment;
  }

  /**
   * The signer's account.
   *
   * @return the address every transaction of this client is sent from
   */
  public Address address() {
    return Address.fromHex(rpc.from());
  }

  /**
   * The chain id the node reported when the client was built.
   *
   * @return the chain id (31337 for a local dev chain)
   */
  public long chainId() {
    return rpc.chainId();
  }

  /**
   * The chain's clock: the timestamp of the latest block. Lease times are chain times, which may
   * differ from the wall clock.
   *
   * @return the latest block's timestamp
   * @throws ChainException (TRANSPORT) when the node does not answer
   */
  public Instant chainTime() {
    return rpc.latestTimestamp();
  }

  Rpc rpc() {
    return rpc;
  }

  Token token() {
    return paymentToken;
  }

  /** Releases the HTTP connection; the client is unusable afterwards. */
  @Override
  public void close() {
    rpc.close();
  }

  @Override
  public String toString() {
    return "ComputeRwaClient[" + address() + " on chain " + chainId() + "]";
  }

  /**
   * Configures a {@link ComputeRwaClient}; every setting is checked when set.
   *
   * <pre>{@code
   * ComputeRwaClient client = ComputeRwaClient.builder()
   *     .rpcUrl(chain.rpcUrl())
   *     .privateKey(account.privateKeyHex())
   *     .contracts(deployment)
   *     .journal(Journal.inMemory())          // a dev chain; a service uses Journal.sqlite(path)
   *     .confirmations(1)
   *     .receiptTimeout(Duration.ofMinutes(2))
   *     .pollInterval(Duration.ofMillis(500))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String rpcUrl;
    private @Nullable SigningKey signer;
    private @Nullable Deployment deployment;
    private Duration receiptTimeout = Duration.ofMinutes(2);
    private Duration pollInterval = Duration.ofMillis(100);
    private @Nullable Journal journal;
    private int confirmations;

    private Builder() {}

    /**
     * The journal every write is recorded in (see {@link Journal}); required, with {@link
     * #confirmations(int)}. {@code Journal.inMemory()} loses what was sent on a crash: a dev chain
     * only; a service uses {@code Journal.sqlite(path)} or, for several instances,
     * {@code Journal.postgres(...)}.
     *
     * @param journal an open journal; the client does not close it
     * @return this builder
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * How deep a transaction must be buried to count as final (required).
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
     * The node's HTTP(S) JSON-RPC endpoint.
     *
     * @param url such as {@code http://127.0.0.1:8545}
     * @return this builder
     * @throws ValidationException when not an http or https URL
     */
    public Builder rpcUrl(String url) {
      this.rpcUrl = checkUrl(url);
      return this;
    }

    /**
     * The key that signs every transaction of the client.
     *
     * @param key the signing key
     * @return this builder
     */
    public Builder signer(SigningKey key) {
      this.signer = Objects.requireNonNull(key, "signer");
      return this;
    }

    /**
     * The signing key as hex; same as {@code signer(SigningKey.fromHex(hex))}.
     *
     * @param hex 64 hex digits, with or without {@code 0x}
     * @return this builder
     * @throws ValidationException when malformed (the key is never shown)
     */
    public Builder privateKey(String hex) {
      return signer(SigningKey.fromHex(Objects.requireNonNull(hex, "privateKey")));
    }

    /**
     * The contracts to talk to.
     *
     * @param deployment their addresses
     * @return this builder
     */
    public Builder contracts(Deployment deployment) {
      this.deployment = Objects.requireNonNull(deployment, "contracts");
      return this;
    }

    /**
     * How long to wait for a receipt before throwing a retryable {@link ChainException}; default
     * 2 minutes.
     *
     * @param timeout positive
     * @return this builder
     * @throws ValidationException when not positive
     */
    public Builder receiptTimeout(Duration timeout) {
      this.receiptTimeout = positive("receiptTimeout", timeout);
      return this;
    }

    /**
     * How often to ask for a receipt; default 100 ms.
     *
     * @param interval positive
     * @return this builder
     * @throws ValidationException when not positive
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive("pollInterval", interval);
      return this;
    }

    /**
     * Connects, reads the chain id and the payment token.
     *
     * @return the client; close it to release the connection
     * @throws ValidationException naming a missing setting
     * @throws ChainException when the node cannot be reached or the payment token cannot be read
     */
    public ComputeRwaClient build() {
      Deployment d = require("contracts", deployment);
      Rpc rpc = connect(require("rpcUrl", rpcUrl), require("signer", signer), journal, confirmations, receiptTimeout, pollInterval);
      try {
        return new ComputeRwaClient(rpc, d);
      } catch (RuntimeException e) {
        rpc.close();
        throw e;
      }
    }
  }

  /**
   * Connects through the journal the caller chose. There is no default: an in-memory journal
   * silently loses what was sent on a crash, so even a dev chain names {@code Journal.inMemory()}.
   */
  static Rpc connect(
      String rpcUrl, SigningKey signer, @Nullable Journal journal, int confirmations, Duration receiptTimeout, Duration pollInterval) {
    if (journal == null) {
      throw new ValidationException("journal", null, JOURNAL_RULE);
    }
    if (confirmations == 0) {
      throw new ValidationException("confirmations", null, "is required with a journal (1 on a dev chain, 12 or more on a public chain)");
    }
    return Rpc.connect(rpcUrl, signer, journal, confirmations, receiptTimeout, pollInterval);
  }

  static final String JOURNAL_RULE =
      "is required: Journal.sqlite(path) survives a crash, Journal.postgres(...) is shared by several"
          + " instances, Journal.inMemory() is for a dev chain only";

  static <T> T require(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  static String checkUrl(@Nullable String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || url.length() < 10) {
      throw new ValidationException("rpcUrl", url, "must be an http:// or https:// URL");
    }
    return url;
  }

  static Duration positive(String field, @Nullable Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new ValidationException(field, d, "must be positive");
    }
    return d;
  }
}
