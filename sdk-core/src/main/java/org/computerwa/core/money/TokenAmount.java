package org.computerwa.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A non-negative amount of one token, held exactly as an integer number of base units.
 *
 * <pre>{@code
 * Token usdc = Token.of("USDC", 6);
 * TokenAmount a = TokenAmount.parse("12.5", usdc);        // 12 500 000 base units
 * TokenAmount b = TokenAmount.ofBaseUnits(250_000, usdc); // 0.25 USDC
 * a.plus(b).toDecimalString();                            // "12.75"
 * a.minus(b).compareTo(b) > 0;                            // true
 * }</pre>
 *
 * <p>Rules: base units are between 0 and 2^256 - 1 (what a chain can hold); arithmetic and
 * comparison refuse amounts of another token with a {@link MixedTokenException}; a subtraction
 * that would go below zero is rejected. Decimal strings are parsed and formatted exactly: no
 * sign, no exponent, no more fraction digits than the token has decimals. In JSON an amount is
 * {@code {"token":{...},"baseUnits":"12500000"}}, base units always a string of digits.
 *
 * @param baseUnits the amount in base units, 0 to {@link #MAX_BASE_UNITS}
 * @param token the token of this amount
 * @since 0.1.0
 */
@JsonPropertyOrder({"token", "baseUnits"})
public record TokenAmount(BigInteger baseUnits, Token token) implements Comparable<TokenAmount> {
  /** The largest amount a chain can hold: 2^256 - 1 base units. */
  public static final BigInteger MAX_BASE_UNITS = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static final Pattern DECIMAL = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");
  private static final int MAX_DECIMAL_CHARS = 120;

  /**
   * Checks an amount; {@link #of} and {@link #ofBaseUnits} are the documented entry points.
   *
   * @param baseUnits the number of base units, 0 to {@link #MAX_BASE_UNITS}
   * @param token the token
   * @throws ValidationException (field {@code token} or {@code baseUnits}) if missing, negative or
   *     too large
   */
  public TokenAmount {
    if (token == null) {
      throw new ValidationException("token", null, "is required");
    }
    checkBaseUnits("baseUnits", baseUnits);
  }

  /**
   * An amount from its base units.
   *
   * @param baseUnits the number of base units, 0 to {@link #MAX_BASE_UNITS}
   * @param token the token
   * @return the amount
   * @throws ValidationException (field {@code baseUnits}) if negative or too large
   */
  @JsonCreator
  public static TokenAmount of(
      @JsonProperty("baseUnits") @Nullable BigInteger baseUnits,
      @JsonProperty("token") @Nullable Token token) {
    return new TokenAmount(baseUnits, token);
  }

  /**
   * An amount from its base units.
   *
   * @param baseUnits the number of base units, not negative
   * @param token the token
   * @return the amount
   * @throws ValidationException (field {@code baseUnits}) if negative
   */
  public static TokenAmount ofBaseUnits(long baseUnits, Token token) {
    return of(BigInteger.valueOf(baseUnits), token);
  }

  /**
   * Zero of a token.
   *
   * @param token the token
   * @return an amount of zero base units
   */
  public static TokenAmount zero(Token token) {
    return new TokenAmount(BigInteger.ZERO, Objects.requireNonNull(token, "token"));
  }

  /**
   * Parses a decimal string in whole tokens, exactly.
   *
   * @param decimal digits with an optional fraction, such as {@code "12.5"} or {@code "1000"};
   *     at most as many fraction digits as the token has decimals
   * @param token the token
   * @return the amount
   * @throws ValidationException (field {@code amount}) for a sign, an exponent, spaces, excess
   *     fraction digits or a value beyond {@link #MAX_BASE_UNITS}
   */
  public static TokenAmount parse(String decimal, Token token) {
    Objects.requireNonNull(token, "token");
    if (decimal.length() > MAX_DECIMAL_CHARS) {
      throw new ValidationException("amount", decimal, "must be at most " + MAX_DECIMAL_CHARS + " characters");
    }
    Matcher m = DECIMAL.matcher(decimal);
    if (!m.matches()) {
      throw new ValidationException(
          "amount", decimal, "must be a plain decimal number such as 12.5 (no sign, exponent or spaces)");
    }
    String fraction = m.group(2) == null ? "" : m.group(2);
    if (fraction.length() > token.decimals()) {
      throw new ValidationException(
          "amount", decimal, "must have at most " + token.decimals() + " fraction digits for " + token.symbol());
    }
    String padded = fraction + "0".repeat(token.decimals() - fraction.length());
    BigInteger units = new BigInteger(m.group(1) + padded);
    if (units.compareTo(MAX_BASE_UNITS) > 0) {
      throw new ValidationException("amount", decimal, "must be at most 2^256 - 1 base units");
    }
    return new TokenAmount(units, token);
  }

  /**
   * The amount in base units.
   *
   * @return base units, never negative
   */
  @JsonProperty("baseUnits")
  public BigInteger baseUnits() {
    return baseUnits;
  }

  /**
   * The token of this amount.
   *
   * @return the token
   */
  @JsonProperty("token")
  public Token token() {
    return token;
  }

  /**
   * Whether the amount is zero.
   *
   * @return {@code true} for zero base units
   */
  public boolean isZero() {
    return baseUnits.signum() == 0;
  }

  /**
   * The sum of two amounts of the same token.
   *
   * @param other an amount of the same token
   * @return the sum
   * @throws MixedTokenException if the tokens differ
   * @throws ValidationException if the sum exceeds {@link #MAX_BASE_UNITS}
   */
  public TokenAmount plus(TokenAmount other) {
    MixedTokenException.requireSame("token", token, other.token);
    return new TokenAmount(checkBaseUnits("amount", baseUnits.add(other.baseUnits)), token);
  }

  /**
   * The difference of two amounts of the same token.
   *
   * @param other an amount of the same token, not larger than this one
   * @return the difference
   * @throws MixedTokenException if the tokens differ
   * @throws ValidationException (field {@code amount}) if {@code other} is larger than this
   */
  public TokenAmount minus(TokenAmount other) {
    MixedTokenException.requireSame("token", token, other.token);
    if (other.baseUnits.compareTo(baseUnits) > 0) {
      throw new ValidationException(
          "amount", other.toDecimalString(), "must not exceed " + toDecimalString() + " it is subtracted from");
    }
    return new TokenAmount(baseUnits.subtract(other.baseUnits), token);
  }

  /**
   * The difference, or zero where {@code other} is larger.
   *
   * @param other an amount of the same token
   * @return {@code max(0, this - other)}
   * @throws MixedTokenException if the tokens differ
   */
  public TokenAmount saturatingMinus(TokenAmount other) {
    MixedTokenException.requireSame("token", token, other.token);
    return baseUnits.compareTo(other.baseUnits) <= 0 ? zero(token) : minus(other);
  }

  /**
   * The smaller of two amounts of the same token.
   *
   * @param other an amount of the same token
   * @return the smaller amount ({@code this} when equal)
   * @throws MixedTokenException if the tokens differ
   */
  public TokenAmount min(TokenAmount other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * Compares two amounts of the same token by base units.
   *
   * @param other an amount of the same token
   * @return negative, zero or positive as this is smaller, equal or larger
   * @throws MixedTokenException if the tokens differ (amounts of different tokens have no order)
   */
  @Override
  public int compareTo(TokenAmount other) {
    MixedTokenException.requireSame("token", token, other.token);
    return baseUnits.compareTo(other.baseUnits);
  }

  /**
   * The amount in whole tokens as an exact decimal string, without trailing fraction zeros.
   *
   * @return for example {@code "12.5"} or {@code "1000"}; {@link #parse} reads it back
   */
  public String toDecimalString() {
    int decimals = token.decimals();
    String digits = baseUnits.toString();
    if (decimals == 0) {
      return digits;
    }
    if (digits.length() <= decimals) {
      digits = "0".repeat(decimals - digits.length() + 1) + digits;
    }
    String whole = digits.substring(0, digits.length() - decimals);
    String fraction = digits.substring(digits.length() - decimals).replaceFirst("0+$", "");
    return fraction.isEmpty() ? whole : whole + "." + fraction;
  }

  /** Renders the amount as {@code "12.5 USDC"}. */
  @Override
  public String toString() {
    return toDecimalString() + " " + token.symbol();
  }

  static BigInteger checkBaseUnits(String field, @Nullable BigInteger units) {
    if (units == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (units.signum() < 0) {
      throw new ValidationException(field, units, "must not be negative");
    }
    if (units.compareTo(MAX_BASE_UNITS) > 0) {
      throw new ValidationException(field, units, "must be at most 2^256 - 1");
    }
    return units;
  }
}
