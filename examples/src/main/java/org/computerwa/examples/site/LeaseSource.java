package org.computerwa.examples.site;

import java.util.List;
import org.computerwa.mining.policy.GpuLease;

/**
 * Where the site learns its committed AI load: the running GPU leases, in market time.
 *
 * <pre>{@code
 * LeaseSource leases = ChainLeaseSource.open(client, events, journal, asset, 1.25, Duration.ZERO);
 * List<GpuLease> committed = leases.committed();
 * }</pre>
 *
 * <p>Read once per interval, before the decision; the loop rebuilds the controller's site when the
 * answer changes.
 */
@FunctionalInterface
public interface LeaseSource {

  /**
   * The leases the site must serve, each with its start, end and committed power.
   *
   * @return the committed leases, possibly empty
   */
  List<GpuLease> committed();
}
