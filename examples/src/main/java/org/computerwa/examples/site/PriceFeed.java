package org.computerwa.examples.site;

import org.computerwa.mining.policy.MarketView;

/**
 * The market as the site sees it, one decision interval after the other: a CSV replay
 * ({@link ReplayPriceFeed}) or a live source.
 *
 * <pre>{@code
 * while (feed.hasNext()) {
 *   controller.decide(feed.next());
 * }
 * }</pre>
 */
public interface PriceFeed {

  /**
   * Whether another interval is due.
   *
   * @return true while the feed has views left
   */
  boolean hasNext();

  /**
   * The next interval's view: what the market had published at its decision time.
   *
   * @return the view
   * @throws java.util.NoSuchElementException when {@link #hasNext()} is false
   */
  MarketView next();
}
