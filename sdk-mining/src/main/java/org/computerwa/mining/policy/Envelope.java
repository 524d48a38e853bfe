package org.computerwa.mining.policy;

import java.util.EnumSet;

/** The safety envelope for the mining setpoint; the rules are in the package overview. */
final class Envelope {
  private Envelope() {}

  /**
   * The mining level applied for a proposal.
   *
   * @param r site rules
   * @param prev the previous interval's level
   * @param held intervals the previous level has been held (capped at the dwell)
   * @param cap highest level allowed this interval
   * @param proposedMw the policy's mining proposal
   * @param interventions collects why the proposal was changed
   */
  static int miningLevel(SiteRules r, int prev, int held, int cap, double proposedMw,
      EnumSet<Intervention> interventions) {
    int want = Double.isFinite(proposedMw) ? r.floorLevel(Math.max(0, proposedMw)) : prev;
    if (want > r.maxLevel) {
      interventions.add(Intervention.CAPACITY);
      want = r.maxLevel;
    }
    if (want > cap) {
      interventions.add(Intervention.LEASE);
      want = cap;
    }
    if (want > 0 && want < r.minLevel) {
      interventions.add(Intervention.MINIMUM);
      want = 0;
    }
    if (prev > cap) {
      // Leases force the setpoint down at once: dwell and ramp do not apply, the switch counts.
      interventions.add(Intervention.LEASE);
      return want;
    }
    if (want == prev) {
      return prev;
    }
    if (held < r.dwell) {
      interventions.add(Intervention.DWELL);
      return prev;
    }
    if (Math.abs(want - prev) > r.rampLevels) {
      interventions.add(Intervention.RAMP);
      want = want > prev ? prev + r.rampLevels : prev - r.rampLevels;
      if (want > 0 && want < r.minLevel) {
        want = want > prev ? 0 : r.minLevel;
      }
    }
    return want;
  }
}
