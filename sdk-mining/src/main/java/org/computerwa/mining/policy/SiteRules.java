package org.computerwa.mining.policy;

/**
 * The site's limits in setpoint levels for one interval length: the single source of the rules
 * that the envelope, the backtester and the optimum share (see the package overview).
 */
final class SiteRules {
  final SiteProfile site;
  final double resolution;
  final int maxLevel;
  final int minLevel;
  final int rampLevels;
  final int dwell;
  final double hours;

  SiteRules(SiteProfile site, int intervalMinutes) {
    this.site = site;
    this.resolution = site.resolutionMw();
    this.maxLevel = floorLevel(site.miningMaxMw());
    int min = (int) Math.ceil(site.miningMinMw() / resolution - 1e-9);
    this.minLevel = Math.max(1, min);
    double ramp = site.miningRampMwPerMinute() * intervalMinutes;
    this.rampLevels = Double.isInfinite(ramp) ? maxLevel : (int) Math.min(maxLevel, Math.floor(ramp / resolution + 1e-9));
    this.dwell = Math.max(1, (int) Math.ceil(site.minDwellMinutes() / intervalMinutes - 1e-9));
    this.hours = intervalMinutes / 60.0;
  }

  int floorLevel(double mw) {
    return (int) Math.floor(mw / resolution + 1e-9);
  }

  double mw(int level) {
    return level * resolution;
  }

  /** Highest mining level allowed when {@code leasedMw} is committed. */
  int capLevel(double leasedMw) {
    return Math.min(maxLevel, floorLevel(Math.max(0, site.capacityMw() - leasedMw)));
  }

  /** Whether a level is a valid setpoint under the given cap. */
  boolean feasible(int level, int cap) {
    return level == 0 || (level >= minLevel && level <= cap);
  }

  /** AI spot MW the site can run at the given mining level. */
  double spotRoom(double leasedMw, int level) {
    return Math.max(0, Math.min(site.gpuSpotMw(), site.capacityMw() - leasedMw - mw(level)));
  }

  /** Committed lease power of interval {@code t} of a series. */
  double leasedMw(PriceSeries prices, int t) {
    return site.leases().isEmpty() ? 0 : site.leasedMw(prices.start(t), prices.end(t));
  }

  int initialLevel() {
    return floorLevel(site.initialMiningMw());
  }
}
