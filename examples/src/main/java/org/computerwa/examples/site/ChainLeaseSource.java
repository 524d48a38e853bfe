package org.computerwa.examples.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Leases;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.GpuLease;

/**
 * A {@link LeaseSource} that reads the lease manager: every tracked lease that has been accepted
 * becomes a {@link GpuLease} of {@code units × mwPerUnit} over its running time.
 *
 * <pre>{@code
 * ChainLeaseSource leases = ChainLeaseSource.of(client.leases(), 1.25, Duration.ZERO);
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
  private final Leases leases;
  private final double mwPerUnit;
  private final Duration chainAhead;
  private final Set<LeaseId> tracked = new LinkedHashSet<>();

  private ChainLeaseSource(Leases leases, double mwPerUnit, Duration chainAhead) {
    this.leases = leases;
    this.mwPerUnit = mwPerUnit;
    this.chainAhead = chainAhead;
  }

  /**
   * Creates a source.
   *
   * @param leases the client's lease facade
   * @param mwPerUnit the power one leased capacity unit draws, {@code > 0}
   * @param chainAhead how far chain time runs ahead of market time, zero or positive
   * @return the source
   * @throws ValidationException for a non-positive power or a negative offset
   */
  public static ChainLeaseSource of(Leases leases, double mwPerUnit, Duration chainAhead) {
    if (!(mwPerUnit > 0) || Double.isInfinite(mwPerUnit)) {
      throw new ValidationException("mwPerUnit", mwPerUnit, "must be a finite number > 0");
    }
    if (chainAhead.isNegative()) {
      throw new ValidationException("chainAhead", chainAhead, "must be zero or positive");
    }
    return new ChainLeaseSource(leases, mwPerUnit, chainAhead);
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
      Lease lease = leases.lease(id);
      Optional<Instant> start = lease.start();
      Optional<Instant> end = lease.end();
      if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get())) {
        out.add(GpuLease.of(start.get().minus(chainAhead), end.get().minus(chainAhead), lease.units() * mwPerUnit));
      }
    }
    return out;
  }
}
