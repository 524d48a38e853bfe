package org.computerwa.core.money;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.regex.Pattern;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.computerwa.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A fungible token: its symbol, its number of decimals and, optionally, its contract address.
 *
 * <pre>{@code
 * Token usdc = Token.builder()
 *     .symbol("USDC")
 *     .decimals(6)
 *     .address(Address.fromHex("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"))
 *     .build();
 * Token offChain = Token.of("USD", 2);
 * }</pre>
 *
 * <p>Two tokens are equal only if symbol, decimals and address are all equal; amounts of unequal
 * tokens never combine. Rules: the symbol is 1 to 16 characters of {@code A-Z a-z 0-9 . _ -}
 * starting with a letter or digit; decimals are 0 to {@value #MAX_DECIMALS}; the address, if
 * present, is not the zero address.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableToken.class)
@JsonDeserialize(as = ImmutableToken.class)
public abstract class Token {
  /** The largest number of decimals a token may declare. */
  public static final int MAX_DECIMALS = 36;

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");

  Token() {}

  /**
   * The ticker symbol, such as {@code USDC}.
   *
   * @return the symbol
   */
  public abstract String symbol();

  /**
   * How many decimal places one whole token has: one token is {@code 10^decimals} base units.
   *
   * @return 0 to {@value #MAX_DECIMALS}
   */
  public abstract int decimals();

  /**
   * The token's contract address, if it lives on a chain.
   *
   * @return the address, or empty for an off-chain unit of account
   */
  public abstract Optional<Address> address();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A token without a chain address.
   *
   * @param symbol the ticker symbol
   * @param decimals decimal places, 0 to {@value #MAX_DECIMALS}
   * @return the token
   * @throws ValidationException if a value breaks a rule
   */
  public static Token of(String symbol, int decimals) {
    return builder().symbol(symbol).decimals(decimals).build();
  }

  @Value.Check
  void check() {
    if (!SYMBOL.matcher(symbol()).matches()) {
      throw new ValidationException(
          "symbol", symbol(), "must be 1 to 16 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
    }
    if (decimals() < 0 || decimals() > MAX_DECIMALS) {
      throw new ValidationException("decimals", decimals(), "must be between 0 and " + MAX_DECIMALS);
    }
    address().ifPresent(a -> Checks.nonZero("address", a));
  }

  @Override
  public String toString() {
    return symbol() + address().map(a -> "@" + a).orElse("") + " (" + decimals() + " decimals)";
  }

  /**
   * Builds a {@link Token}: one setter per attribute, named after it, each returning
   * this builder; {@code from(Token)} copies an existing value; {@code build()} checks every
   * rule and throws {@link org.computerwa.core.ValidationException} naming the field.
   */
  public static final class Builder extends ImmutableToken.Builder {
    Builder() {}
  }
}
