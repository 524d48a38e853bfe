/**
 * The backtester: runs a load policy through a {@link org.computerwa.mining.policy.LoadController}
 * over a historical price series and scores it with the realised prices against always-mine and
 * the perfect-foresight optimum.
 *
 * <p>Captured flexibility value {@code = (policy − always-mine) / (optimum − always-mine)}, all
 * three profits under the same site rules and switching cost.
 */
@NullMarked
package org.computerwa.mining.policy.backtest;

import org.jspecify.annotations.NullMarked;
