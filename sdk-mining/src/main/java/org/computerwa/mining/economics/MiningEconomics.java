package org.computerwa.mining.economics;

import org.computerwa.core.ValidationException;

/**
 * Hashprice and the break-even power price of an ASIC fleet; every unit is in the method name.
 *
 * <pre>{@code
 * double hp = MiningEconomics.hashpriceUsdPerThDay(60_000, 8.0e13, 3.125, 0.1); // USD/(TH/s)/day
 * double be = MiningEconomics.breakEvenUsdPerMwh(50, 20);                      // 104.17 USD/MWh
 * }</pre>
 *
 * <p>Hashprice: {@code HP = (S + F) · 86400 · 1e12 / (D · 2^32) · P} USD per (TH/s) per day, with
 * S the block subsidy and F the mean fees per block in BTC, D the difficulty and P the BTC price in
 * USD. One TH/s finds {@code 86400 · 1e12 / 2^32} hashes-per-difficulty-unit a day, so at
 * difficulty D it earns that fraction of a block's reward. Break-even: an ASIC at {@code e} J/TH
 * draws {@code e} W per TH/s, so one MW runs {@code 1e6 / e} TH/s and earns
 * {@code HP · 1e6 / e} USD a day, that is {@code HP · 1e6 / (24 · e)} USD per MWh.
 *
 * @since 0.1.0
 */
public final class MiningEconomics {

  private static final double TWO_POW_32 = 4_294_967_296.0;

  private MiningEconomics() {}

  /**
   * Expected BTC earned by one TH/s in one day.
   *
   * @param difficulty network difficulty, {@code > 0}
   * @param rewardBtcPerBlock subsidy plus mean fees per block, in BTC, {@code >= 0}
   * @return BTC per (TH/s) per day
   */
  public static double btcPerThDay(double difficulty, double rewardBtcPerBlock) {
    positive("difficulty", difficulty);
    nonNegative("rewardBtcPerBlock", rewardBtcPerBlock);
    return rewardBtcPerBlock * 86_400.0 * 1e12 / (difficulty * TWO_POW_32);
  }

  /**
   * Hashprice in USD per (TH/s) per day (multiply by 1000 for the usual USD/PH/day quote).
   *
   * @param btcPriceUsd BTC price in USD, {@code >= 0}
   * @param difficulty network difficulty, {@code > 0}
   * @param subsidyBtc block subsidy in BTC, {@code >= 0} (see {@link BlockSubsidy})
   * @param feesBtcPerBlock mean transaction fees per block in BTC, {@code >= 0}
   * @return USD per (TH/s) per day
   */
  public static double hashpriceUsdPerThDay(
      double btcPriceUsd, double difficulty, double subsidyBtc, double feesBtcPerBlock) {
    nonNegative("btcPriceUsd", btcPriceUsd);
    nonNegative("subsidyBtc", subsidyBtc);
    nonNegative("feesBtcPerBlock", feesBtcPerBlock);
    return btcPerThDay(difficulty, subsidyBtc + feesBtcPerBlock) * btcPriceUsd;
  }

  /**
   * Revenue of one MWh of mining, which is also the break-even all-in power price, in USD/MWh.
   *
   * @param hashpriceUsdPerPhDay hashprice in USD per (PH/s) per day, {@code >= 0}
   * @param efficiencyJPerTh fleet efficiency in J/TH, {@code > 0}
   * @return USD per MWh
   */
  public static double breakEvenUsdPerMwh(double hashpriceUsdPerPhDay, double efficiencyJPerTh) {
    nonNegative("hashpriceUsdPerPhDay", hashpriceUsdPerPhDay);
    positive("efficiencyJPerTh", efficiencyJPerTh);
    return hashpriceUsdPerPhDay * 1e3 / (24.0 * efficiencyJPerTh);
  }

  static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ValidationException(field, value, "must be a finite number > 0");
    }
  }

  static void nonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ValidationException(field, value, "must be a finite number >= 0");
    }
  }
}
