package org.computerwa.examples.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.Evidence;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageStatement;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StatementSink} that signs each statement with its device's key (EIP-712, the chain's
 * usage domain), batches them into a Merkle tree per flush and anchors the root with the
 * attester's key through the client.
 *
 * <pre>{@code
 * AnchoringStatementSink sink = AnchoringStatementSink.builder()
 *     .evidence(client.evidence()).asset(asset).attester(attesterKey)
 *     .device(deviceKey).from(firstPeriodStart).build();
 * sink.accept(statement);
 * sink.flush(periodEnd);
 * sink.anchored();   // the batches, in order, each anchored
 * }</pre>
 *
 * <p>Batches are contiguous: each starts where the previous ended, so the attester's coverage
 * ({@link Evidence#anchoredUntil}) has no gap. A statement of a device the sink has no key for is
 * refused at {@link #accept}; a flush with nothing queued is refused (an empty root proves
 * nothing). Not thread-safe.
 */
public final class AnchoringStatementSink implements StatementSink {
  private final Evidence evidence;
  private final AssetId asset;
  private final SigningKey attester;
  private final Map<Address, SigningKey> devices;
  private final Eip712Domain domain;
  private final List<SignedUsageStatement> pending = new ArrayList<>();
  private final List<StatementBatch> anchored = new ArrayList<>();
  private Instant batchStart;

  private AnchoringStatementSink(Builder b, Evidence evidence, AssetId asset, SigningKey attester, Instant from) {
    this.evidence = evidence;
    this.asset = asset;
    this.attester = attester;
    this.devices = Map.copyOf(b.devices);
    this.domain = evidence.usageDomain();
    this.batchStart = from;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void accept(UsageStatement statement) {
    SigningKey key = devices.get(statement.device());
    if (key == null) {
      throw new ValidationException("statement.device", statement.device(), "must be a device this sink holds the key of");
    }
    if (!statement.assetId().equals(asset.value())) {
      throw new ValidationException("statement.assetId", statement.assetId(), "must be the sink's asset " + asset);
    }
    pending.add(statement.sign(key, domain));
  }

  @Override
  public void flush(Instant until) {
    if (pending.isEmpty()) {
      throw new ValidationException("statements", "[]", "must contain at least one statement to anchor up to " + until);
    }
    StatementBatch batch = StatementBatch.of(asset.value(), batchStart, until, List.copyOf(pending), domain);
    evidence.anchor(batch, attester);
    anchored.add(batch);
    pending.clear();
    batchStart = until;
  }

  /**
   * The batches anchored so far, oldest first.
   *
   * @return an unmodifiable view
   */
  public List<StatementBatch> anchored() {
    return Collections.unmodifiableList(anchored);
  }

  /** Builds an {@link AnchoringStatementSink}. */
  public static final class Builder {
    private @Nullable Evidence evidence;
    private @Nullable AssetId asset;
    private @Nullable SigningKey attester;
    private @Nullable Instant from;
    private final Map<Address, SigningKey> devices = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the evidence facade that anchors.
     *
     * @param e the client's evidence facade
     * @return this builder
     */
    public Builder evidence(Evidence e) {
      this.evidence = e;
      return this;
    }

    /**
     * Sets the asset the statements are about.
     *
     * @param id the asset
     * @return this builder
     */
    public Builder asset(AssetId id) {
      this.asset = id;
      return this;
    }

    /**
     * Sets the attester key that signs anchored roots (authorised for the asset).
     *
     * @param key the attester's key
     * @return this builder
     */
    public Builder attester(SigningKey key) {
      this.attester = key;
      return this;
    }

    /**
     * Adds a device key.
     *
     * @param key a device's key
     * @return this builder
     */
    public Builder device(SigningKey key) {
      devices.put(key.address(), key);
      return this;
    }

    /**
     * Sets the start of the first batch.
     *
     * @param start a whole second
     * @return this builder
     */
    public Builder from(Instant start) {
      this.from = start;
      return this;
    }

    /**
     * Builds the sink.
     *
     * @return the sink
     * @throws ValidationException naming the missing setting
     */
    public AnchoringStatementSink build() {
      Evidence e = evidence;
      AssetId id = asset;
      SigningKey key = attester;
      if (e == null) {
        throw new ValidationException("evidence", null, "is required");
      }
      if (id == null) {
        throw new ValidationException("asset", null, "is required");
      }
      if (key == null) {
        throw new ValidationException("attester", null, "is required");
      }
      if (devices.isEmpty()) {
        throw new ValidationException("devices", "[]", "must hold at least one device key");
      }
      Instant start = from;
      if (start == null) {
        throw new ValidationException("from", null, "is required");
      }
      return new AnchoringStatementSink(this, e, id, key, start);
    }
  }
}
