/**
 * The {@code backtest} subcommand: scores a load policy on a price file against always-mine and
 * the perfect-foresight optimum, and draws the price and allocation chart (PNG and SVG).
 */
@NullMarked
package org.computerwa.examples.policy;

import org.jspecify.annotations.NullMarked;
