package org.computerwa.chain.tx.internal;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fees of one attempt: EIP-1559 (max fee and tip) or legacy (gas price).
 *
 * @param eip1559 whether the chain prices by base fee
 * @param maxFee max fee per gas (EIP-1559)
 * @param tip priority fee per gas (EIP-1559)
 * @param gasPrice gas price (legacy)
 */
public record Fees(boolean eip1559, BigInteger maxFee, BigInteger tip, BigInteger gasPrice) {
  /** Replacement rule: at least 12.5% more than the replaced fee plus one wei (geth needs 10%). */
  private static BigInteger bumped(BigInteger old) {
    return old.multiply(BigInteger.valueOf(9)).add(BigInteger.valueOf(7)).divide(BigInteger.valueOf(8)).add(BigInteger.ONE);
  }

  /**
   * EIP-1559 market fees: twice the base fee plus the tip, so that six full blocks in a row do
   * not price the transaction out.
   *
   * @param baseFee the latest base fee
   * @param tip the suggested tip
   * @return the fees
   */
  public static Fees market1559(BigInteger baseFee, BigInteger tip) {
    return new Fees(true, baseFee.shiftLeft(1).add(tip), tip, BigInteger.ZERO);
  }

  /**
   * Legacy market fees.
   *
   * @param gasPrice the node's suggested gas price
   * @return the fees
   */
  public static Fees legacy(BigInteger gasPrice) {
    return new Fees(false, BigInteger.ZERO, BigInteger.ZERO, gasPrice);
  }

  /**
   * The fees of a replacement: each fee raised by the replacement rule, and never below the
   * market.
   *
   * @param market the current market fees
   * @return the replacement fees
   */
  public Fees bump(Fees market) {
    if (eip1559) {
      BigInteger t = bumped(tip).max(market.tip);
      BigInteger m = bumped(maxFee).max(market.maxFee).max(t);
      return new Fees(true, m, t, BigInteger.ZERO);
    }
    return new Fees(false, BigInteger.ZERO, BigInteger.ZERO, bumped(gasPrice).max(market.gasPrice));
  }

  /**
   * The fees recorded with an attempt.
   *
   * @param a the attempt
   * @return its fees
   */
  public static Fees of(OperationRow.Attempt a) {
    return a.gasPrice() != null
        ? legacy(new BigInteger(a.gasPrice()))
        : new Fees(true, new BigInteger(nonNull(a.maxFee())), new BigInteger(nonNull(a.tip())), BigInteger.ZERO);
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "0" : s;
  }

  /**
   * The most this attempt can pay per gas.
   *
   * @return max fee or gas price
   */
  public BigInteger ceiling() {
    return eip1559 ? maxFee : gasPrice;
  }
}
