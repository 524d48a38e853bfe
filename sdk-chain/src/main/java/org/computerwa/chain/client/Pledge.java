package org.computerwa.chain.client;

import java.time.Instant;
import java.util.Objects;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.money.TokenAmount;
import org.jspecify.annotations.Nullable;

/**
 * An asset's pledge as the pledge registry holds it.
 *
 * <pre>{@code
 * Pledge p = lender.pledges().pledgeOf(assetId).orElseThrow();
 * if (!p.accepted()) lender.pledges().accept(assetId, p.debt(), p.dueBy());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Pledge {
  private final AssetId asset;
  private final Address lender;
  private final TokenAmount debt;
  private final Instant dueBy;
  private final boolean accepted;
  private final boolean defaulted;

  Pledge(AssetId asset, Address lender, TokenAmount debt, Instant dueBy, boolean accepted, boolean defaulted) {
    this.asset = asset;
    this.lender = lender;
    this.debt = debt;
    this.dueBy = dueBy;
    this.accepted = accepted;
    this.defaulted = defaulted;
  }

  /**
   * The pledged asset (its owner's side of the lease income is what is pledged).
   *
   * @return the asset
   */
  public AssetId asset() {
    return asset;
  }

  /**
   * The lender.
   *
   * @return the lender
   */
  public Address lender() {
    return lender;
  }

  /**
   * The debt still outstanding.
   *
   * @return the debt, in the payment token
   */
  public TokenAmount debt() {
    return debt;
  }

  /**
   * The repayment deadline: default can be declared only after it, with debt left.
   *
   * @return the deadline
   */
  public Instant dueBy() {
    return dueBy;
  }

  /**
   * Whether the lender accepted the terms.
   *
   * @return true once accepted
   */
  public boolean accepted() {
    return accepted;
  }

  /**
   * Whether the lender declared default (the owner's side of income then repays the debt).
   *
   * @return true in default
   */
  public boolean defaulted() {
    return defaulted;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Pledge)) {
      return false;
    }
    Pledge p = (Pledge) o;
    return asset.equals(p.asset) && lender.equals(p.lender) && debt.equals(p.debt) && dueBy.equals(p.dueBy)
        && accepted == p.accepted && defaulted == p.defaulted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(asset, lender, debt, dueBy, accepted, defaulted);
  }

  @Override
  public String toString() {
    return "Pledge{asset=" + asset + ", lender=" + lender + ", debt=" + debt + ", dueBy=" + dueBy
        + ", accepted=" + accepted + ", defaulted=" + defaulted + "}";
  }
}
