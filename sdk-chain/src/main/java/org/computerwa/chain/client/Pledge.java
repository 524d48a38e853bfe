package org.computerwa.chain.client;

import java.time.Instant;
import org.computerwa.core.ValidationException;
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
 * @param asset the pledged asset (its owner's side of the lease income is what is pledged)
 * @param lender the lender
 * @param debt the debt still outstanding, in the payment token
 * @param dueBy the repayment deadline: default can be declared only after it, with debt left
 * @param accepted whether the lender accepted the terms
 * @param defaulted whether the lender declared default (the owner's side of income then repays the debt)
 * @since 0.1.0
 */
public record Pledge(AssetId asset, Address lender, TokenAmount debt, Instant dueBy, boolean accepted, boolean defaulted) {
  /**
   * Checks a pledge; the client reads pledges from the pledge registry.
   *
   * @param asset the pledged asset
   * @param lender the lender
   * @param debt the debt still outstanding
   * @param dueBy the repayment deadline
   * @param accepted whether the lender accepted the terms
   * @param defaulted whether the lender declared default
   * @throws ValidationException if a reference is missing
   */
  public Pledge {
    required("asset", asset);
    required("lender", lender);
    required("debt", debt);
    required("dueBy", dueBy);
  }

  private static void required(String field, @Nullable Object value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
  }







  @Override
  public String toString() {
    return "Pledge{asset=" + asset + ", lender=" + lender + ", debt=" + debt + ", dueBy=" + dueBy
        + ", accepted=" + accepted + ", defaulted=" + defaulted + "}";
  }
}
