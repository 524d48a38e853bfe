package org.computerwa.core.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** Precondition checks that throw {@link ValidationException} naming the field, value and rule. */
public final class Checks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/()+-]{0,63}");

  private Checks() {}

  /**
   * Checks that a value is present: what a value's builder and compact constructor report for a
   * component that was never set.
   *
   * @param field the field name
   * @param value the value, possibly {@code null}
   * @param <T> the value's type
   * @return the value
   * @throws ValidationException (rule {@code is required}) if {@code null}
   */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  /**
   * Checks an identifier: 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}, starting with a
   * letter or digit.
   *
   * @param field the field name
   * @param value the identifier
   */
  public static void id(String field, String value) {
    if (!ID.matcher(value).matches()) {
      throw new ValidationException(field, value,
          "must be 1 to 64 characters of A-Z a-z 0-9 . _ : - starting with a letter or digit");
    }
  }

  /**
   * Checks a short name such as a device model or grid region: 1 to 64 letters, digits, spaces
   * and {@code . _ / ( ) + -}, starting with a letter or digit.
   *
   * @param field the field name
   * @param value the name
   */
  public static void name(String field, String value) {
    if (!TEXT.matcher(value).matches()) {
      throw new ValidationException(field, value,
          "must be 1 to 64 letters, digits, spaces or . _ / ( ) + - starting with a letter or digit");
    }
  }

  /**
   * Checks that an integer lies in a closed range.
   *
   * @param field the field name
   * @param value the value
   * @param min the smallest allowed value
   * @param max the largest allowed value
   */
  public static void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
  }

  /**
   * Checks that a decimal is positive, at most {@code max} and has at most {@code scale} fraction
   * digits.
   *
   * @param field the field name
   * @param value the value
   * @param max the largest allowed value
   * @param scale the most fraction digits allowed
   */
  public static void positiveDecimal(String field, BigDecimal value, long max, int scale) {
    if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ValidationException(field, value.toPlainString(), "must be greater than 0 and at most " + max);
    }
    if (normalized(value).scale() > scale) {
      throw new ValidationException(field, value.toPlainString(), "must have at most " + scale + " fraction digits");
    }
  }

  /**
   * Whether a decimal is in normal form: no trailing fraction zeros and a scale of at least zero,
   * so that equal quantities are equal values and render the same.
   *
   * @param value the value
   * @return the value in normal form ({@code 100}, {@code 989.4}, never {@code 1E+2} or {@code 989.40})
   */
  public static BigDecimal normalized(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Checks that an address is not the zero address.
   *
   * @param field the field name
   * @param address the address
   */
  public static void nonZero(String field, Address address) {
    if (address.equals(Address.ZERO)) {
      throw new ValidationException(field, address, "must not be the zero address");
    }
  }
}
