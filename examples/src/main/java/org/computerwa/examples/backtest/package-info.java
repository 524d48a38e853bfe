/**
 * Example program: backtesting a load policy with {@code org.computerwa.mining.policy.backtest}
 * and charting it with XChart. One readable file to copy into your own project; the build
 * compiles it, a test runs it and the site shows it.
 */
@NullMarked
package org.computerwa.examples.backtest;

import org.jspecify.annotations.NullMarked;
