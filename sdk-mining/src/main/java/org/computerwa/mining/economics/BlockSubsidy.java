package org.computerwa.mining.economics;

import java.time.LocalDate;
import org.computerwa.core.ValidationException;

/**
 * The Bitcoin block subsidy by height (halving every 210,000 blocks) and, for daily data, by date.
 *
 * <pre>{@code
 * double btc = BlockSubsidy.atHeight(840_000);                  // 3.125
 * double onDay = BlockSubsidy.onDate(LocalDate.of(2017, 1, 1)); // 12.5
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BlockSubsidy {

  /** Blocks between two halvings. */
  public static final int HALVING_INTERVAL = 210_000;

  /** First UTC day on which each halving's subsidy was paid for the whole day (25, 12.5, 6.25, 3.125 BTC). */
  private static final LocalDate[] HALVING_DAYS = {
    LocalDate.of(2012, 11, 28), LocalDate.of(2016, 7, 9), LocalDate.of(2020, 5, 11),
    LocalDate.of(2024, 4, 20)
  };

  private BlockSubsidy() {}

  /**
   * The subsidy of a block, in BTC, following consensus rules (50 BTC halved every 210,000 blocks,
   * in whole satoshis).
   *
   * @param height the block height, {@code >= 0}
   * @return the subsidy in BTC
   * @throws ValidationException if {@code height < 0}
   */
  public static double atHeight(long height) {
    if (height < 0) {
      throw new ValidationException("height", height, "must be >= 0");
    }
    long halvings = height / HALVING_INTERVAL;
    if (halvings >= 64) {
      return 0.0;
    }
    long sats = 50L * 100_000_000L >> halvings;
    return sats / 1e8;
  }

  /**
   * The subsidy in force on a UTC day; on a halving day the new subsidy is returned. Days after the
   * last listed halving (2024-04-20) return 3.125 BTC until a future halving is added.
   *
   * @param day the UTC day, from 2009-01-03
   * @return the subsidy in BTC
   * @throws ValidationException if the day is before the genesis block
   */
  public static double onDate(LocalDate day) {
    if (day.isBefore(LocalDate.of(2009, 1, 3))) {
      throw new ValidationException("day", day, "must be on or after 2009-01-03 (genesis)");
    }
    double subsidy = 50.0;
    for (LocalDate halving : HALVING_DAYS) {
      if (!day.isBefore(halving)) {
        subsidy /= 2;
      }
    }
    return subsidy;
  }
}
