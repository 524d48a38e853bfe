package org.computerwa.chain.client;

import java.time.Instant;
import org.computerwa.core.money.TokenAmount;

/**
 * What one settlement paid out, and where it went: the lease manager's income waterfall.
 *
 * <pre>{@code
 * Settlement s = client.leases().settle(leaseId).value();
 * s.gross();        // rent accrued since the last payout
 * s.net();          // after deducting SLA credits already refunded
 * s.operatorFee();  // to the asset owner (withdrawable from the lease manager)
 * s.toHolders();    // deposited into the asset's revenue distributor
 * Distribution expected = client.leases().waterfall().distribute(s.net());
 * }</pre>
 *
 * <p>{@code operatorFee + toLender + toHolders == net}. When nothing was due every amount is zero.
 *
 * @since 0.1.0
 */
public final class Settlement {
  private final Instant paidUntil;
  private final TokenAmount gross;
  private final TokenAmount net;
  private final TokenAmount operatorFee;
  private final TokenAmount toLender;
  private final TokenAmount toHolders;

  Settlement(
      Instant paidUntil,
      TokenAmount gross,
      TokenAmount net,
      TokenAmount operatorFee,
      TokenAmount toLender,
      TokenAmount toHolders) {
    this.paidUntil = paidUntil;
    this.gross = gross;
    this.net = net;
    this.operatorFee = operatorFee;
    this.toLender = toLender;
    this.toHolders = toHolders;
  }

  /**
   * Rent is paid up to this instant after the settlement.
   *
   * @return the paid-until instant
   */
  public Instant paidUntil() {
    return paidUntil;
  }

  /**
   * Rent that accrued over the settled seconds.
   *
   * @return the gross income
   */
  public TokenAmount gross() {
    return gross;
  }

  /**
   * Gross income less the SLA credits it covered; what went through the waterfall.
   *
   * @return the net income
   */
  public TokenAmount net() {
    return net;
  }

  /**
   * The operator's fee, credited to the asset owner.
   *
   * @return the fee
   */
  public TokenAmount operatorFee() {
    return operatorFee;
  }

  /**
   * The pledge lender's part (zero unless the asset is pledged and in default).
   *
   * @return the lender's part
   */
  public TokenAmount toLender() {
    return toLender;
  }

  /**
   * The holders' part, deposited into the revenue distributor (or credited to the owner while
   * the asset has no shares).
   *
   * @return the holders' part
   */
  public TokenAmount toHolders() {
    return toHolders;
  }

  @Override
  public String toString() {
    return "Settlement[paid until " + paidUntil + ", gross " + gross + ", net " + net + ", fee "
        + operatorFee + ", lender " + toLender + ", holders " + toHolders + "]";
  }
}
