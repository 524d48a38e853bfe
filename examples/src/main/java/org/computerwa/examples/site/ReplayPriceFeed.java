package org.computerwa.examples.site;

import java.util.NoSuchElementException;
import org.computerwa.mining.policy.MarketReplay;
import org.computerwa.mining.policy.MarketView;

/**
 * A {@link PriceFeed} that replays a price history through {@link MarketReplay}: each view shows
 * exactly what the market had published at that interval's decision time.
 *
 * <pre>{@code
 * PriceFeed feed = ReplayPriceFeed.of(MarketReplay.builder().prices(series)
 *     .rules(MarketRules.ercot(Duration.ofMinutes(5))).decisionLead(Duration.ofMinutes(5))
 *     .scenario(Scenario.constant(50, 20)).build());
 * }</pre>
 *
 * <p>Not thread-safe: one loop reads it.
 */
public final class ReplayPriceFeed implements PriceFeed {
  private final MarketReplay replay;
  private int next;

  private ReplayPriceFeed(MarketReplay replay) {
    this.replay = replay;
  }

  /**
   * Replays from the first interval of {@code replay}.
   *
   * @param replay the replay
   * @return the feed
   */
  public static ReplayPriceFeed of(MarketReplay replay) {
    return new ReplayPriceFeed(replay);
  }

  @Override
  public boolean hasNext() {
    return next < replay.size();
  }

  @Override
  public MarketView next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the replay has no interval after " + (replay.size() - 1));
    }
    return replay.view(next++);
  }
}
