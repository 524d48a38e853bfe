package org.computerwa.core.revenue;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.TokenAmount;
import org.immutables.value.Value;

/**
 * One pass of income through the {@link Waterfall}: what the operator, the lender and the holders
 * receive, summing exactly to the income.
 *
 * <pre>{@code
 * Distribution d = waterfall.distribute(income);
 * d.operatorFee().plus(d.debtService()).plus(d.holders()).equals(d.income()); // always true
 * }</pre>
 *
 * <p>Rules: all four amounts are in one token and the three parts sum to the income.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDistribution.class)
@JsonDeserialize(as = ImmutableDistribution.class)
public abstract class Distribution {
  Distribution() {}

  /**
   * The income distributed.
   *
   * @return the income
   */
  public abstract TokenAmount income();

  /**
   * The operator's fee, taken first.
   *
   * @return the fee
   */
  public abstract TokenAmount operatorFee();

  /**
   * The lender's debt service, taken second (zero if the asset is not pledged).
   *
   * @return the lender's part
   */
  public abstract TokenAmount debtService();

  /**
   * What is left for the holders.
   *
   * @return the holders' part
   */
  public abstract TokenAmount holders();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    requireToken("operatorFee", operatorFee());
    requireToken("debtService", debtService());
    requireToken("holders", holders());
    TokenAmount sum = TokenAmount.of(
        operatorFee().baseUnits().add(debtService().baseUnits()).add(holders().baseUnits()), income().token());
    if (!sum.equals(income())) {
      throw new ValidationException("holders", holders().baseUnits(),
          "must make operatorFee + debtService + holders equal income (" + income().baseUnits() + ")");
    }
  }

  private void requireToken(String field, TokenAmount amount) {
    if (!amount.token().equals(income().token())) {
      throw new MixedTokenException(field + ".token", income().token(), amount.token());
    }
  }

  /**
   * Builds a {@link Distribution}: one setter per attribute, named after it, each returning
   * this builder; {@code from(Distribution)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableDistribution.Builder {
    Builder() {}
  }
}
