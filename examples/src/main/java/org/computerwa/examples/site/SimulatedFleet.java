package org.computerwa.examples.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computerwa.core.ValidationException;
import org.computerwa.mining.policy.Actuator;
import org.computerwa.mining.policy.Decision;

/**
 * A simulated site that runs what it is told and reports back: the MW each pool really ran per
 * interval, and the availability of each GPU device per period, including outages scheduled in
 * advance.
 *
 * <pre>{@code
 * SimulatedFleet fleet = SimulatedFleet.builder().gpuDevices(8).intervalMinutes(15)
 *     .outage(0, Instant.parse("2024-08-19T05:00:00Z"), Duration.ofHours(1), 7_500).build();
 * LoadController.builder().actuator(fleet)...
 * fleet.ran();                                  // one Run per confirmed decision
 * fleet.availabilityBps(0, from, to);           // 7500 inside the outage, 10000 elsewhere
 * }</pre>
 *
 * <p>The power plant follows every setpoint exactly (a real fleet would report its meter); GPU
 * availability is 100 % except in the scheduled outages. Not thread-safe: called on the deciding
 * thread.
 */
public final class SimulatedFleet implements Actuator {
  private final int gpuDevices;
  private final Duration interval;
  private final Map<Integer, List<Outage>> outages;
  private final List<Run> ran = new ArrayList<>();

  /**
   * What the fleet ran in one interval.
   *
   * @param start the interval's start (market time)
   * @param end the interval's end
   * @param miningMw power the miners drew
   * @param aiSpotMw power the GPUs drew for spot work
   * @param aiLeasedMw power the GPUs drew for leases
   * @param curtailedMw power left unused
   */
  public record Run(Instant start, Instant end, double miningMw, double aiSpotMw, double aiLeasedMw, double curtailedMw) {

    /**
     * The interval's length in hours.
     *
     * @return hours
     */
    public double hours() {
      return Duration.between(start, end).getSeconds() / 3_600.0;
    }
  }

  private record Outage(Instant from, Instant to, int availabilityBps) {}

  private SimulatedFleet(Builder b) {
    this.gpuDevices = b.gpuDevices;
    this.interval = Duration.ofMinutes(b.intervalMinutes);
    this.outages = Map.copyOf(b.outages);
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
  public void apply(Decision decision) {
    var a = decision.applied();
    ran.add(new Run(decision.intervalStart(), decision.intervalStart().plus(interval), a.miningMw(), a.aiSpotMw(),
        a.aiLeasedMw(), a.curtailedMw()));
  }

  /**
   * Every interval run so far, oldest first.
   *
   * @return an unmodifiable view
   */
  public List<Run> ran() {
    return Collections.unmodifiableList(ran);
  }

  /**
   * The number of GPU devices.
   *
   * @return the count
   */
  public int gpuDevices() {
    return gpuDevices;
  }

  /**
   * A device's availability over a period: the lowest scheduled outage level touching it, else
   * 10000.
   *
   * @param device 0 to {@code gpuDevices - 1}
   * @param from the period's start (market time)
   * @param to the period's end
   * @return availability in basis points
   */
  public int availabilityBps(int device, Instant from, Instant to) {
    if (device < 0 || device >= gpuDevices) {
      throw new ValidationException("device", device, "must be in [0, " + gpuDevices + ")");
    }
    int bps = 10_000;
    for (Outage o : outages.getOrDefault(device, List.of())) {
      if (o.from.isBefore(to) && from.isBefore(o.to)) {
        bps = Math.min(bps, o.availabilityBps);
      }
    }
    return bps;
  }

  /** Builds a {@link SimulatedFleet}. */
  public static final class Builder {
    private int gpuDevices;
    private int intervalMinutes;
    private final Map<Integer, List<Outage>> outages = new HashMap<>();

    private Builder() {}

    /**
     * Sets the number of GPU devices.
     *
     * @param count 1 or more
     * @return this builder
     */
    public Builder gpuDevices(int count) {
      if (count < 1) {
        throw new ValidationException("gpuDevices", count, "must be at least 1");
      }
      this.gpuDevices = count;
      return this;
    }

    /**
     * Sets the decision interval.
     *
     * @param minutes 1 or more
     * @return this builder
     */
    public Builder intervalMinutes(int minutes) {
      if (minutes < 1) {
        throw new ValidationException("intervalMinutes", minutes, "must be at least 1");
      }
      this.intervalMinutes = minutes;
      return this;
    }

    /**
     * Schedules an outage of one device.
     *
     * @param device the device index, checked at {@link #build()}
     * @param from its start (market time)
     * @param length its length, positive
     * @param availabilityBps the device's availability during it, 0 to 9999
     * @return this builder
     */
    public Builder outage(int device, Instant from, Duration length, int availabilityBps) {
      if (length.isNegative() || length.isZero()) {
        throw new ValidationException("outage.length", length, "must be positive");
      }
      if (availabilityBps < 0 || availabilityBps >= 10_000) {
        throw new ValidationException("outage.availabilityBps", availabilityBps, "must be in [0, 10000)");
      }
      outages.computeIfAbsent(device, d -> new ArrayList<>()).add(new Outage(from, from.plus(length), availabilityBps));
      return this;
    }

    /**
     * Builds the fleet.
     *
     * @return the fleet
     * @throws ValidationException if a required setting is missing or an outage names no device
     */
    public SimulatedFleet build() {
      if (gpuDevices < 1) {
        throw new ValidationException("gpuDevices", gpuDevices, "is required");
      }
      if (intervalMinutes < 1) {
        throw new ValidationException("intervalMinutes", intervalMinutes, "is required");
      }
      for (int d : outages.keySet()) {
        if (d < 0 || d >= gpuDevices) {
          throw new ValidationException("outage.device", d, "must be in [0, " + gpuDevices + ")");
        }
      }
      Map<Integer, List<Outage>> copy = new HashMap<>();
      outages.forEach((d, list) -> copy.put(d, List.copyOf(list)));
      outages.clear();
      outages.putAll(copy);
      return new SimulatedFleet(this);
    }
  }
}
