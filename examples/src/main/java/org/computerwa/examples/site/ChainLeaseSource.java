package org.computerwa.examples.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.core.lease.LeaseStatus;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.GpuLease;

/**
 * A {@link LeaseSource} that reads the lease manager: every tracked lease becomes a
 * {@link GpuLease} of {@code units × mwPerUnit} — an accepted one over its running time, an open
 * offer from the first read that saw it until the latest end it can have ({@code acceptBy + term}),
 * because the lessee may accept at any moment and the lease runs from that moment.
 *
 * <pre>{@code
 * ChainLeaseSource leases = ChainLeaseSource.of(client, 1.25, Duration.ZERO);
 * leases.track(leaseId);            // e.g. from the offer's outcome or an event stream
 * leases.committed();               // [GpuLease[2024-08-19T03:00:00Z..., 5.0 MW]] once accepted
 * }</pre>
 *
 * <p>Which leases to read is told to it ({@link #track}); discovering them from the chain's events
 * belongs to an event stream, which can feed {@code track}. Chain time is shifted back by {@code
 * chainAhead} into market time (zero on a live site; the replay's offset on a replay). Each call
 * reads each tracked lease once. Not thread-safe.
 */
public final class ChainLeaseSource implements LeaseSource {
  private final ComputeRwaClient client;
  private final double mwPerUnit;
  private final Map<LeaseId, Instant> offerSeen = new HashMap<>();
  private final Duration chainAhead;
  private final Set<LeaseId> tracked = new LinkedHashSet<>();

  private ChainLeaseSource(ComputeRwaClient client, double mwPerUnit, Duration chainAhead) {
    this.client = client;
    this.mwPerUnit = mwPerUnit;
    this.chainAhead = chainAhead;
  }

  /**
   * Creates a source.
   *
   * @param client a client of the chain (any signer: it only reads)
   * @param mwPerUnit the power one leased capacity unit draws, {@code > 0}
   * @param chainAhead how far chain time runs ahead of market time, zero or positive
   * @return the source
   * @throws ValidationException for a non-positive power or a negative offset
   */
  public static ChainLeaseSource of(ComputeRwaClient client, double mwPerUnit, Duration chainAhead) {
    if (!(mwPerUnit > 0) || Double.isInfinite(mwPerUnit)) {
      throw new ValidationException("mwPerUnit", mwPerUnit, "must be a finite number > 0");
    }
    if (chainAhead.isNegative()) {
      throw new ValidationException("chainAhead", chainAhead, "must be zero or positive");
    }
    return new ChainLeaseSource(client, mwPerUnit, chainAhead);
  }

  /**
   * Adds a lease to read from now on (offered or running).
   *
   * @param id the lease
   */
  public void track(LeaseId id) {
    tracked.add(id);
  }

  @Override
  public List<GpuLease> committed() {
    List<GpuLease> out = new ArrayList<>();
    for (LeaseId id : tracked) {
      Lease lease = client.leases().lease(id);
      Optional<Instant> start = lease.start();
      Optional<Instant> end = lease.end();
      double mw = lease.units() * mwPerUnit;
      if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get())) {
        out.add(GpuLease.of(start.get().minus(chainAhead), end.get().minus(chainAhead), mw));
      } else if (lease.status() == LeaseStatus.OFFERED) {
        Instant seen = offerSeen.computeIfAbsent(id, i -> client.chainTime());
        Instant latestEnd = lease.acceptBy().plus(lease.term());
        if (latestEnd.isAfter(seen)) {
          out.add(GpuLease.of(seen.minus(chainAhead), latestEnd.minus(chainAhead), mw));
        }
      }
    }
    return out;
  }
}
