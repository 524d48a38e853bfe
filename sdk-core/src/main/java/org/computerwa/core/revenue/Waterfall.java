package org.computerwa.core.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.math.BigInteger;
import java.util.Optional;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The order in which lease income is paid out: the operator's fee first, then the lender's debt
 * service if the asset is pledged, then the holders.
 *
 * <pre>{@code
 * Waterfall waterfall = Waterfall.builder()
 *     .operatorFeeBps(1_500)                                   // 15 %
 *     .debtService(TokenAmount.parse("2000", usdc))            // per distribution, while pledged
 *     .build();
 * Distribution d = waterfall.distribute(TokenAmount.parse("10000", usdc));
 * // operator 1500, lender 2000, holders 6500
 * }</pre>
 *
 * <p><b>Rounding.</b> The fee is {@code floor(income * operatorFeeBps / 10000)}; the lender gets
 * {@code min(debtService, income - fee)}; the holders get the rest, so the parts always sum to the
 * income exactly.
 *
 * <p>Rules: the fee is 0 to 10 000 bps.
 *
 * @param operatorFeeBps the operator's fee
 * @param debtService what the lender is due per distribution while the asset is pledged
 * @since 0.1.0
 */
@JsonDeserialize(builder = Waterfall.Builder.class)
public record Waterfall(
    @JsonProperty("operatorFeeBps") int operatorFeeBps,
    @JsonProperty("debtService") Optional<TokenAmount> debtService) {
  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param operatorFeeBps basis points of income, 0 to 10 000
   * @param debtService the debt service, empty when the asset is not pledged
   * @throws ValidationException naming the first field that breaks a rule
   */
  public Waterfall {
    debtService = debtService == null ? Optional.empty() : debtService;
    Checks.range("operatorFeeBps", operatorFeeBps, 0, 10_000);
  }

  /**
   * Splits income into operator fee, debt service and holders' part.
   *
   * @param income the income to distribute
   * @return the distribution, summing exactly to {@code income}
   * @throws MixedTokenException if the debt service is in another token than the income
   */
  public Distribution distribute(TokenAmount income) {
    TokenAmount fee = TokenAmount.of(
        income.baseUnits().multiply(BigInteger.valueOf(operatorFeeBps())).divide(BigInteger.valueOf(10_000)),
        income.token());
    TokenAmount afterFee = income.minus(fee);
    TokenAmount lender = debtService().map(due -> afterFee.min(due)).orElse(TokenAmount.zero(income.token()));
    return Distribution.builder()
        .income(income)
        .operatorFee(fee)
        .debtService(lender)
        .holders(afterFee.minus(lender))
        .build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link Waterfall}: one setter per component, named after it, each returning this builder;
   * {@code from(Waterfall)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Integer operatorFeeBps;
    private Optional<TokenAmount> debtService = Optional.empty();

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(Waterfall instance) {
      this.operatorFeeBps = instance.operatorFeeBps();
      this.debtService = instance.debtService();
      return this;
    }

    /**
     * Sets {@link Waterfall#operatorFeeBps()}: the operator's fee.
     *
     * @param operatorFeeBps the value
     * @return this builder
     */
    @JsonProperty("operatorFeeBps")
    public Builder operatorFeeBps(int operatorFeeBps) {
      this.operatorFeeBps = operatorFeeBps;
      return this;
    }

    /**
     * Sets {@link Waterfall#debtService()}: what the lender is due per distribution while the asset is pledged.
     *
     * @param debtService the value, or {@code null} for none
     * @return this builder
     */
    @JsonProperty("debtService")
    public Builder debtService(@Nullable TokenAmount debtService) {
      this.debtService = Optional.ofNullable(debtService);
      return this;
    }

    /**
     * Sets {@link Waterfall#debtService()}: what the lender is due per distribution while the asset is pledged.
     *
     * @param debtService the value, possibly empty
     * @return this builder
     */
    public Builder debtService(Optional<? extends TokenAmount> debtService) {
      this.debtService = debtService.map(v -> (TokenAmount) v);
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public Waterfall build() {
      return new Waterfall(Checks.required("operatorFeeBps", operatorFeeBps), debtService);
    }
  }
}
