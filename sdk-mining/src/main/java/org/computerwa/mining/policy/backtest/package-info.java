/**
 * The backtester: runs a load policy through a {@link org.computerwa.mining.policy.LoadController}
 * over a historical price series and scores it with the realised prices against always-mine and
 * the perfect-foresight optimum.
 *
 * <p>Captured flexibility value {@code = (policy − always-mine) / (optimum − always-mine)}, all
 * three profits under the same site rules and switching cost.
 *
 * <p>A policy in a backtest sees exactly what a live feed would have published at each decision
 * time ({@link org.computerwa.mining.policy.MarketReplay}). {@link
 * org.computerwa.mining.policy.backtest.Seasons} scores calendar quarters; {@link
 * org.computerwa.mining.policy.backtest.WalkForward} chooses parameters only from data before each
 * evaluated period and reports in-sample and out-of-sample figures side by side.
 */
@NullMarked
package org.computerwa.mining.policy.backtest;

import org.jspecify.annotations.NullMarked;
