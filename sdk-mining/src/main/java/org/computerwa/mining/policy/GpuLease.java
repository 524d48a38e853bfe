package org.computerwa.mining.policy;

import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.ValidationException;

/**
 * A committed GPU lease: power that the site must serve over {@code [start, end)}.
 *
 * <pre>{@code
 * GpuLease lease = GpuLease.of(Instant.parse("2024-07-01T00:00:00Z"),
 *     Instant.parse("2024-08-01T00:00:00Z"), 10.0);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GpuLease {
  private final Instant start;
  private final Instant end;
  private final double mw;

  private GpuLease(Instant start, Instant end, double mw) {
    this.start = start;
    this.end = end;
    this.mw = mw;
  }

  /**
   * Creates a lease.
   *
   * @param start first instant served
   * @param end first instant no longer served, after {@code start}
   * @param mw committed power, {@code > 0}
   * @return the lease
   * @throws ValidationException if {@code end} is not after {@code start} or {@code mw <= 0}
   */
  public static GpuLease of(Instant start, Instant end, double mw) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new ValidationException("lease.end", end, "must be after start (" + start + ")");
    }
    if (!(mw > 0) || Double.isInfinite(mw)) {
      throw new ValidationException("lease.mw", mw, "must be a finite number > 0");
    }
    return new GpuLease(start, end, mw);
  }

  /**
   * First instant served.
   *
   * @return the start
   */
  public Instant start() {
    return start;
  }

  /**
   * First instant no longer served.
   *
   * @return the end
   */
  public Instant end() {
    return end;
  }

  /**
   * Committed power.
   *
   * @return MW
   */
  public double mw() {
    return mw;
  }

  /**
   * Whether the lease overlaps the interval {@code [from, to)} at all (then its MW is committed for
   * the whole interval).
   *
   * @param from interval start
   * @param to interval end
   * @return {@code true} if any instant of the interval is leased
   */
  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }

  @Override
  public String toString() {
    return "GpuLease[" + start + ".." + end + ", " + mw + " MW]";
  }
}
