package org.computerwa.core.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

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
 * @param income the income distributed
 * @param operatorFee the operator's fee, taken first
 * @param debtService the lender's debt service, taken second (zero if the asset is not pledged)
 * @param holders what is left for the holders
 * @since 0.1.0
 */
@JsonDeserialize(builder = Distribution.Builder.class)
public record Distribution(
    @JsonProperty("income") TokenAmount income,
    @JsonProperty("operatorFee") TokenAmount operatorFee,
    @JsonProperty("debtService") TokenAmount debtService,
    @JsonProperty("holders") TokenAmount holders) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param income the income
   * @param operatorFee the fee
   * @param debtService the lender's part
   * @param holders the holders' part
   * @throws ValidationException naming the first field that breaks a rule
   */
  public Distribution {
    Checks.required("income", income);
    Checks.required("operatorFee", operatorFee);
    Checks.required("debtService", debtService);
    Checks.required("holders", holders);
    requireToken("operatorFee", operatorFee, income);
    requireToken("debtService", debtService, income);
    requireToken("holders", holders, income);
    TokenAmount sum = TokenAmount.of(
        operatorFee.baseUnits().add(debtService.baseUnits()).add(holders.baseUnits()), income.token());
    if (!sum.equals(income)) {
      throw new ValidationException("holders", holders.baseUnits(),
          "must make operatorFee + debtService + holders equal income (" + income.baseUnits() + ")");
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void requireToken(String field, TokenAmount amount, TokenAmount income) {
    if (!amount.token().equals(income.token())) {
      throw new MixedTokenException(field + ".token", income.token(), amount.token());
    }
  }

  /**
   * Builds {@link Distribution}: one setter per component, named after it, each returning this builder;
   * {@code from(Distribution)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable TokenAmount income;
    private @Nullable TokenAmount operatorFee;
    private @Nullable TokenAmount debtService;
    private @Nullable TokenAmount holders;

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(Distribution instance) {
      this.income = instance.income();
      this.operatorFee = instance.operatorFee();
      this.debtService = instance.debtService();
      this.holders = instance.holders();
      return this;
    }

    /**
     * Sets {@link Distribution#income()}: the income distributed.
     *
     * @param income the value
     * @return this builder
     */
    @JsonProperty("income")
    public Builder income(TokenAmount income) {
      this.income = income;
      return this;
    }

    /**
     * Sets {@link Distribution#operatorFee()}: the operator's fee, taken first.
     *
     * @param operatorFee the value
     * @return this builder
     */
    @JsonProperty("operatorFee")
    public Builder operatorFee(TokenAmount operatorFee) {
      this.operatorFee = operatorFee;
      return this;
    }

    /**
     * Sets {@link Distribution#debtService()}: the lender's debt service, taken second (zero if the asset is not pledged).
     *
     * @param debtService the value
     * @return this builder
     */
    @JsonProperty("debtService")
    public Builder debtService(TokenAmount debtService) {
      this.debtService = debtService;
      return this;
    }

    /**
     * Sets {@link Distribution#holders()}: what is left for the holders.
     *
     * @param holders the value
     * @return this builder
     */
    @JsonProperty("holders")
    public Builder holders(TokenAmount holders) {
      this.holders = holders;
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public Distribution build() {
      return new Distribution(Checks.required("income", income), Checks.required("operatorFee", operatorFee), Checks.required("debtService", debtService), Checks.required("holders", holders));
    }
  }
}
