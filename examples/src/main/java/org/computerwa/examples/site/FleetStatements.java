package org.computerwa.examples.site;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;

/**
 * The statements a {@link SimulatedFleet} reports per period: one ENERGY statement from the site
 * meter (Wh the GPUs drew, spot and leased) and one AVAILABILITY statement per GPU device.
 *
 * <pre>{@code
 * PeriodStatements hourly = FleetStatements.of(fleet, assetId, meterAddress, deviceAddresses, offset);
 * }</pre>
 *
 * <p>Statement times are chain time: market time plus {@code chainAhead} (zero on a live site).
 * An availability statement's value is the seconds the device was up, floored.
 */
public final class FleetStatements implements PeriodStatements {
  private final SimulatedFleet fleet;
  private final BigInteger assetId;
  private final Address meter;
  private final List<Address> devices;
  private final Duration chainAhead;

  private FleetStatements(SimulatedFleet fleet, BigInteger assetId, Address meter, List<Address> devices, Duration ahead) {
    this.fleet = fleet;
    this.assetId = assetId;
    this.meter = meter;
    this.devices = devices;
    this.chainAhead = ahead;
  }

  /**
   * Creates the reporter.
   *
   * @param fleet the fleet
   * @param assetId the GPU asset the statements are about
   * @param meter the site meter's address (signs the energy statements)
   * @param devices one address per GPU device of the fleet, in device order
   * @param chainAhead how far chain time runs ahead of market time
   * @return the reporter
   * @throws ValidationException if the device count differs from the fleet's
   */
  public static FleetStatements of(
      SimulatedFleet fleet, BigInteger assetId, Address meter, List<Address> devices, Duration chainAhead) {
    if (devices.size() != fleet.gpuDevices()) {
      throw new ValidationException("devices", devices.size(), "must name the fleet's " + fleet.gpuDevices() + " GPU devices");
    }
    return new FleetStatements(fleet, assetId, meter, List.copyOf(devices), chainAhead);
  }

  @Override
  public List<UsageStatement> forPeriod(Instant from, Instant to) {
    double mwh = 0;
    for (SimulatedFleet.Run r : fleet.ran()) {
      if (!r.start().isBefore(from) && !r.end().isAfter(to)) {
        mwh += (r.aiSpotMw() + r.aiLeasedMw()) * r.hours();
      }
    }
    Instant start = from.plus(chainAhead);
    Instant end = to.plus(chainAhead);
    List<UsageStatement> out = new ArrayList<>();
    out.add(UsageStatement.builder().assetId(assetId).device(meter).periodStart(start).periodEnd(end)
        .kind(UsageKind.ENERGY).value(BigInteger.valueOf(Math.round(mwh * 1_000_000))).availabilityBps(10_000).build());
    long seconds = Duration.between(from, to).getSeconds();
    for (int d = 0; d < devices.size(); d++) {
      int bps = fleet.availabilityBps(d, from, to);
      out.add(UsageStatement.builder().assetId(assetId).device(devices.get(d)).periodStart(start).periodEnd(end)
          .kind(UsageKind.AVAILABILITY).value(BigInteger.valueOf(seconds * bps / 10_000)).availabilityBps(bps).build());
    }
    return out;
  }
}
