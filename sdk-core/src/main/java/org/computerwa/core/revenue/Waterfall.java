package org.computerwa.core.revenue;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigInteger;
import java.util.Optional;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.TokenAmount;
import org.immutables.value.Value;

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
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWaterfall.class)
@JsonDeserialize(as = ImmutableWaterfall.class)
public abstract class Waterfall {
  Waterfall() {}

  /**
   * The operator's fee.
   *
   * @return basis points of income, 0 to 10 000
   */
  public abstract int operatorFeeBps();

  /**
   * What the lender is due per distribution while the asset is pledged.
   *
   * @return the debt service, empty when the asset is not pledged
   */
  public abstract Optional<TokenAmount> debtService();

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

  @Value.Check
  void check() {
    Checks.range("operatorFeeBps", operatorFeeBps(), 0, 10_000);
  }

  /**
   * Builds a {@link Waterfall}: one setter per attribute, named after it, each returning
   * this builder; {@code from(Waterfall)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableWaterfall.Builder {
    Builder() {}
  }
}
