package org.computerwa.core.money;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Optional;
import java.util.regex.Pattern;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.internal.Checks;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

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
 * @param symbol the ticker symbol, such as {@code USDC}
 * @param decimals how many decimal places one whole token has: one token is {@code 10^decimals} base units
 * @param address the token's contract address, if it lives on a chain
 * @since 0.1.0
 */
@JsonDeserialize(builder = Token.Builder.class)
public record Token(
    @JsonProperty("symbol") String symbol,
    @JsonProperty("decimals") int decimals,
    @JsonProperty("address") Optional<Address> address) {
  /** The largest number of decimals a token may declare. */
  public static final int MAX_DECIMALS = 36;

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");

  /**
   * Checks every rule; {@link #builder()} is the documented entry point.
   *
   * @param symbol the symbol
   * @param decimals 0 to {@value #MAX_DECIMALS}
   * @param address the address, or empty for an off-chain unit of account
   * @throws ValidationException naming the first field that breaks a rule
   */
  public Token {
    Checks.required("symbol", symbol);
    address = address == null ? Optional.empty() : address;
    if (!SYMBOL.matcher(symbol).matches()) {
      throw new ValidationException(
          "symbol", symbol, "must be 1 to 16 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
    }
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new ValidationException("decimals", decimals, "must be between 0 and " + MAX_DECIMALS);
    }
    address.ifPresent(a -> Checks.nonZero("address", a));
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

  @Override
  public String toString() {
    return symbol() + address().map(a -> "@" + a).orElse("") + " (" + decimals() + " decimals)";
  }

  /**
   * Builds {@link Token}: one setter per component, named after it, each returning this builder;
   * {@code from(Token)} copies an existing value; {@code build()} checks every rule and throws
   * {@link ValidationException} naming the field (a missing one as {@code "is required"}).
   */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable Integer decimals;
    private Optional<Address> address = Optional.empty();

    Builder() {}

    /**
     * Copies every component of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    public Builder from(Token instance) {
      this.symbol = instance.symbol();
      this.decimals = instance.decimals();
      this.address = instance.address();
      return this;
    }

    /**
     * Sets {@link Token#symbol()}: the ticker symbol, such as {@code USDC}.
     *
     * @param symbol the value
     * @return this builder
     */
    @JsonProperty("symbol")
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /**
     * Sets {@link Token#decimals()}: how many decimal places one whole token has: one token is {@code 10^decimals} base units.
     *
     * @param decimals the value
     * @return this builder
     */
    @JsonProperty("decimals")
    public Builder decimals(int decimals) {
      this.decimals = decimals;
      return this;
    }

    /**
     * Sets {@link Token#address()}: the token's contract address, if it lives on a chain.
     *
     * @param address the value, or {@code null} for none
     * @return this builder
     */
    @JsonProperty("address")
    public Builder address(@Nullable Address address) {
      this.address = Optional.ofNullable(address);
      return this;
    }

    /**
     * Sets {@link Token#address()}: the token's contract address, if it lives on a chain.
     *
     * @param address the value, possibly empty
     * @return this builder
     */
    public Builder address(Optional<? extends Address> address) {
      this.address = address.map(v -> (Address) v);
      return this;
    }

    /**
     * Checks every rule and builds the value.
     *
     * @return the value
     * @throws ValidationException naming the first missing component or broken rule
     */
    public Token build() {
      return new Token(Checks.required("symbol", symbol), Checks.required("decimals", decimals), address);
    }
  }
}
