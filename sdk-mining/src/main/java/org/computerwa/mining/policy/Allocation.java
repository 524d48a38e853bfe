package org.computerwa.mining.policy;

import org.computerwa.core.ValidationException;

/**
 * Power of one interval split between mining, AI spot, AI leased and curtailed, in MW.
 *
 * <pre>{@code
 * Allocation a = Allocation.of(40, 0, 10, 0);
 * a.miningMw();   // 40.0
 * }</pre>
 *
 * <p>A policy's proposal is read for its mining and AI spot parts; the controller's envelope sets
 * the leased part to the committed leases and the curtailed part to what is left. Two allocations
 * are equal when every part is equal as {@link Double#compare} sees it; a part given as
 * {@code -0.0} is stored as {@code 0.0}.
 *
 * @param miningMw MW to mining, finite and {@code >= 0}
 * @param aiSpotMw MW to AI spot work, finite and {@code >= 0}
 * @param aiLeasedMw MW to leased GPUs, finite and {@code >= 0}
 * @param curtailedMw MW curtailed, finite and {@code >= 0}
 * @since 0.1.0
 */
public record Allocation(double miningMw, double aiSpotMw, double aiLeasedMw, double curtailedMw) {
  /**
   * Validates the parts.
   *
   * @throws ValidationException if a part is negative or not finite, naming the part
   */
  public Allocation {
    check("miningMw", miningMw);
    check("aiSpotMw", aiSpotMw);
    check("aiLeasedMw", aiLeasedMw);
    check("curtailedMw", curtailedMw);
    // -0.0 passes the check; adding 0.0 makes it 0.0, so that equals (Double.compare) sees no
    // difference between two allocations of no power
    miningMw += 0.0;
    aiSpotMw += 0.0;
    aiLeasedMw += 0.0;
    curtailedMw += 0.0;
  }

  /**
   * Creates an allocation.
   *
   * @param miningMw MW to mining, {@code >= 0}
   * @param aiSpotMw MW to AI spot work, {@code >= 0}
   * @param aiLeasedMw MW to leased GPUs, {@code >= 0}
   * @param curtailedMw MW curtailed, {@code >= 0}
   * @return the allocation
   * @throws ValidationException if a part is negative or not finite
   */
  public static Allocation of(double miningMw, double aiSpotMw, double aiLeasedMw, double curtailedMw) {
    return new Allocation(miningMw, aiSpotMw, aiLeasedMw, curtailedMw);
  }

  private static void check(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ValidationException("allocation." + field, v, "must be a finite number >= 0");
    }
  }
}
