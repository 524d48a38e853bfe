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
 * the leased part to the committed leases and the curtailed part to what is left.
 *
 * @since 0.1.0
 */
public final class Allocation {
  private final double miningMw;
  private final double aiSpotMw;
  private final double aiLeasedMw;
  private final double curtailedMw;

  private Allocation(double miningMw, double aiSpotMw, double aiLeasedMw, double curtailedMw) {
    this.miningMw = miningMw;
    this.aiSpotMw = aiSpotMw;
    this.aiLeasedMw = aiLeasedMw;
    this.curtailedMw = curtailedMw;
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
    check("miningMw", miningMw);
    check("aiSpotMw", aiSpotMw);
    check("aiLeasedMw", aiLeasedMw);
    check("curtailedMw", curtailedMw);
    return new Allocation(miningMw, aiSpotMw, aiLeasedMw, curtailedMw);
  }

  private static void check(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ValidationException("allocation." + field, v, "must be a finite number >= 0");
    }
  }

  /**
   * MW to mining.
   *
   * @return MW
   */
  public double miningMw() {
    return miningMw;
  }

  /**
   * MW to AI spot work.
   *
   * @return MW
   */
  public double aiSpotMw() {
    return aiSpotMw;
  }

  /**
   * MW to leased GPUs.
   *
   * @return MW
   */
  public double aiLeasedMw() {
    return aiLeasedMw;
  }

  /**
   * MW curtailed.
   *
   * @return MW
   */
  public double curtailedMw() {
    return curtailedMw;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Allocation)) {
      return false;
    }
    Allocation a = (Allocation) o;
    return Double.compare(miningMw, a.miningMw) == 0
        && Double.compare(aiSpotMw, a.aiSpotMw) == 0
        && Double.compare(aiLeasedMw, a.aiLeasedMw) == 0
        && Double.compare(curtailedMw, a.curtailedMw) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(miningMw) * 31 * 31 * 31
        + Double.hashCode(aiSpotMw) * 31 * 31
        + Double.hashCode(aiLeasedMw) * 31
        + Double.hashCode(curtailedMw);
  }

  @Override
  public String toString() {
    return "Allocation[mining=" + miningMw + ", aiSpot=" + aiSpotMw + ", aiLeased=" + aiLeasedMw
        + ", curtailed=" + curtailedMw + "]";
  }
}
