package org.computerwa.examples.site;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.events.EventListener;
import org.computerwa.chain.events.EventPosition;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.core.event.LeaseAccepted;
import org.computerwa.core.event.LeaseOffered;
import org.computerwa.core.event.LeaseSettled;
import org.computerwa.core.event.LeaseTerminated;
import org.computerwa.core.event.SlaCreditApplied;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.mining.policy.GpuLease;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LeaseSource} that follows the lease manager's events for one asset: every lease
 * offered on the asset becomes a {@link GpuLease} of {@code units × mwPerUnit} — an accepted one
 * over its running time (cut short when terminated), an open offer from the first read that saw
 * it until the latest end it can have ({@code acceptBy + term}), because the lessee may accept at
 * any moment and the lease runs from that moment.
 *
 * <pre>{@code
 * try (Journal journal = Journal.sqlite(Path.of("site.db"));
 *     ChainLeaseSource leases = ChainLeaseSource.open(client,
 *         EventStream.builder().rpcUrl(url).chainId(1).name("site-leases")
 *             .contracts(List.of(deployment.leaseManager())).startBlock(deployBlock),
 *         journal, asset, 1.25, Duration.ZERO)) {
 *   leases.committed();   // [GpuLease[2024-08-19T03:00:00Z..., 5.0 MW]] once a lease is accepted
 * }
 * }</pre>
 *
 * <p>Each {@link #committed()} first polls the stream. A {@link LeaseOffered} for the asset makes
 * the lease known; an accepted, terminated, settled or credited event of a known lease marks it to
 * be read again; an event a reorganisation removed drops the lease (removed offer) or reads it
 * again (any other removed event), so the answer follows the canonical chain. A lease is read
 * from the client only when an event touched it, so a quiet interval costs one {@code
 * eth_getLogs} range and no lease reads. Events of other assets' leases are ignored. Chain time is
 * shifted back by {@code chainAhead} into market time (zero on a live site; the replay's offset on
 * a replay).
 *
 * <p><b>Restart.</b> The journal keeps the stream's checkpoint, not the leases found. So when the
 * journal already holds a checkpoint for the stream's name (a restarted site), {@link #open}
 * first rebuilds the lease set: it replays the lease manager's events from the stream's start
 * block up to the chain's head through a second stream with a throw-away in-memory checkpoint,
 * then continues from the journal's checkpoint (events between the two are delivered twice and
 * counted once). A restart therefore costs one scan of the logs since the start block, and the
 * start block must be at or before the asset's first offer. Not thread-safe.
 */
public final class ChainLeaseSource implements LeaseSource, AutoCloseable {
  private final ComputeRwaClient client;
  private final BigInteger asset;
  private final double mwPerUnit;
  private final Duration chainAhead;
  /** The asset's leases in offer order; the value is the last read, null until read. */
  private final Map<LeaseId, @Nullable Lease> known = new LinkedHashMap<>();
  private final Set<LeaseId> stale = new LinkedHashSet<>();
  private final Map<LeaseId, Instant> offerSeen = new HashMap<>();
  private final EventStream stream;

  private ChainLeaseSource(ComputeRwaClient client, EventStream.Builder events, Journal journal, AssetId asset,
      double mwPerUnit, Duration chainAhead) {
    this.client = client;
    this.asset = asset.value();
    this.mwPerUnit = mwPerUnit;
    this.chainAhead = chainAhead;
    Listener listener = new Listener();
    EventStream main = events.journal(journal).listener(listener).build();
    if (main.checkpoint().isPresent()) {
      // A restart: the leases offered before the checkpoint are in no journal, read them again.
      try (Journal scratch = Journal.inMemory();
          EventStream replay = events.journal(scratch).listener(listener).build()) {
        replay.poll();
      } catch (RuntimeException e) {
        main.close();
        throw e;
      } finally {
        events.journal(journal); // the caller's builder is left as it was given, with its journal
      }
    }
    this.stream = main;
  }

  /**
   * Opens a source: builds the event stream with this source as its listener.
   *
   * @param client a client of the chain (any signer: it only reads)
   * @param events the stream's configuration, with the lease manager among its contracts and a
   *     start block at or before the asset's first offer; its journal and listener are set by
   *     this source
   * @param journal keeps the stream's checkpoint across restarts
   * @param asset the site's asset; leases of other assets are ignored
   * @param mwPerUnit the power one leased capacity unit draws, {@code > 0}
   * @param chainAhead how far chain time runs ahead of market time, zero or positive
   * @return the source, to close when done (closes the stream's connection, not the journal)
   * @throws ValidationException for a non-positive power, a negative offset or an incomplete stream
   *     configuration
   */
  public static ChainLeaseSource open(ComputeRwaClient client, EventStream.Builder events, Journal journal,
      AssetId asset, double mwPerUnit, Duration chainAhead) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(asset, "asset");
    if (!(mwPerUnit > 0) || Double.isInfinite(mwPerUnit)) {
      throw new ValidationException("mwPerUnit", mwPerUnit, "must be a finite number > 0");
    }
    if (chainAhead.isNegative()) {
      throw new ValidationException("chainAhead", chainAhead, "must be zero or positive");
    }
    return new ChainLeaseSource(client, events, journal, asset, mwPerUnit, chainAhead);
  }

  @Override
  public List<GpuLease> committed() {
    stream.poll();
    for (LeaseId id : stale) {
      known.put(id, client.leases().lease(id));
    }
    stale.clear();
    List<GpuLease> out = new ArrayList<>();
    for (Map.Entry<LeaseId, @Nullable Lease> e : known.entrySet()) {
      Lease lease = Objects.requireNonNull(e.getValue());
      Optional<Instant> start = lease.start();
      Optional<Instant> end = lease.end();
      double mw = lease.units() * mwPerUnit;
      if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get())) {
        out.add(GpuLease.of(start.get().minus(chainAhead), end.get().minus(chainAhead), mw));
      } else if (lease.status() == LeaseStatus.OFFERED) {
        Instant seen = offerSeen.computeIfAbsent(e.getKey(), i -> client.chainTime());
        Instant latestEnd = lease.acceptBy().plus(lease.term());
        if (latestEnd.isAfter(seen)) {
          out.add(GpuLease.of(seen.minus(chainAhead), latestEnd.minus(chainAhead), mw));
        }
      }
    }
    return out;
  }

  /** Closes the stream's connection to the node; the journal and the client stay open. */
  @Override
  public void close() {
    stream.close();
  }

  /** The lease an event is about, if it is about one. */
  private static Optional<BigInteger> leaseOf(ChainEvent event) {
    if (event instanceof LeaseOffered o) {
      return Optional.of(o.leaseId());
    } else if (event instanceof LeaseAccepted a) {
      return Optional.of(a.leaseId());
    } else if (event instanceof LeaseTerminated t) {
      return Optional.of(t.leaseId());
    } else if (event instanceof LeaseSettled s) {
      return Optional.of(s.leaseId());
    } else if (event instanceof SlaCreditApplied c) {
      return Optional.of(c.leaseId());
    }
    return Optional.empty();
  }

  private final class Listener implements EventListener {
    @Override
    public void onEvent(ChainEvent event, EventPosition position) {
      if (event instanceof LeaseOffered o && o.assetId().equals(asset)) {
        LeaseId id = LeaseId.of(o.leaseId());
        known.putIfAbsent(id, null);
        stale.add(id);
        return;
      }
      leaseOf(event).map(LeaseId::of).filter(known::containsKey).ifPresent(stale::add);
    }

    @Override
    public void onRemoved(ChainEvent event, EventPosition position) {
      if (event instanceof LeaseOffered o && o.assetId().equals(asset)) {
        LeaseId id = LeaseId.of(o.leaseId());
        known.remove(id);
        stale.remove(id);
        offerSeen.remove(id);
        return;
      }
      leaseOf(event).map(LeaseId::of).filter(known::containsKey).ifPresent(stale::add);
    }
  }
}
