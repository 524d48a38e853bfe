/**
 * The switchable load policy engine: a site's power split between Bitcoin mining, AI compute and
 * curtailment, interval by interval.
 *
 * <p>The caller hands the {@link org.computerwa.mining.policy.LoadController} a
 * {@link org.computerwa.mining.policy.MarketView}: what the market had published at the decision
 * time (settled real-time prices and day-ahead curves, each with its publication time). Live, a
 * feed fills it; in a replay {@link org.computerwa.mining.policy.MarketReplay} derives the same
 * view from a price file and the market's {@link org.computerwa.mining.policy.MarketRules}, so a
 * policy cannot tell the two apart. The controller joins the view with the site's state into a
 * {@link org.computerwa.mining.policy.PolicyContext}, from which a
 * {@link org.computerwa.mining.policy.LoadPolicy} proposes an
 * {@link org.computerwa.mining.policy.Allocation}; the controller holds the current,
 * hot-swappable policy and passes every proposal through a safety envelope that the policy cannot
 * bypass. {@link org.computerwa.mining.policy.PerfectForesight} computes the exact optimum under the
 * same rules.
 *
 * <h2>Rules shared by the envelope, the backtester and the optimum</h2>
 *
 * <ul>
 *   <li><b>Setpoint.</b> Mining power is a multiple of the site's resolution (MW), either 0 or
 *       between the pool's minimum and maximum, and never more than the capacity left after the
 *       committed GPU leases.
 *   <li><b>Switch.</b> A switch is an interval whose mining setpoint differs from the previous
 *       interval's (for the first interval: from the site's initial setpoint). Each switch costs
 *       the site's switching cost once, whatever its size. AI spot power is not a switch: GPUs
 *       that are idle for a spot job stay powered in their own envelope.
 *   <li><b>Dwell.</b> With {@code d = ceil(minDwellMinutes / intervalMinutes)} (at least 1), a
 *       setpoint chosen by a switch at interval {@code t} is held through {@code t + d − 1}; the
 *       next switch can come at {@code t + d} at the earliest. The initial setpoint counts as held
 *       long enough.
 *   <li><b>Ramp.</b> A switch raises the setpoint by at most {@code rampUpMwPerMinute ·
 *       intervalMinutes} and lowers it by at most {@code rampDownMwPerMinute · intervalMinutes},
 *       each rounded down to the resolution.
 *   <li><b>Leases first.</b> Committed GPU leases are always served. When a lease leaves less
 *       room than the current mining setpoint, the setpoint is forced down at once to at most the
 *       room left: that forced switch ignores dwell and ramp, and still costs a switch.
 *   <li><b>AI spot</b> takes at most the GPU pool's spot MW and the capacity left after leases and
 *       mining; it can change every interval. Whatever is left is curtailed.
 * </ul>
 *
 * <p>Profit of an interval of {@code h} hours at realised price {@code p}: {@code mining·h·(v − p)
 * + (spot + leased)·h·(a − p)}, with {@code v} the mining value per MWh (the break-even price from
 * hashprice and efficiency) and {@code a} the AI margin per MWh; minus the switching cost for each
 * switch.
 */
@NullMarked
package org.computerwa.mining.policy;

import org.jspecify.annotations.NullMarked;
