package org.computerwa.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats measured figures for pages: no more digits than the measurement supports. */
public final class Figures {
  private Figures() {}

  /**
   * A score with its error, both rounded to the error's second significant digit ({@code
   * 4,568,384 ± 772,344}, {@code 1.51 ± 0.035}); without an error, three significant digits.
   *
   * @param score the score
   * @param error the error, NaN when unknown
   * @return the formatted figure
   */
  public static String scoreWithError(double score, double error) {
    if (Double.isNaN(error) || error <= 0) {
      return significant(score, 3);
    }
    int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(error)));
    return fixed(score, decimals) + " ± " + fixed(error, decimals);
  }

  /**
   * A number with {@code digits} significant digits, grouped in thousands.
   *
   * @param value the number
   * @param digits significant digits, at least 1
   * @return the formatted number
   */
  public static String significant(double value, int digits) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
    return fixed(value, Math.max(0, digits - 1 - magnitude));
  }

  /**
   * A number with a fixed number of decimals, grouped in thousands.
   *
   * @param value the number
   * @param decimals decimals to keep
   * @return the formatted number
   */
  public static String fixed(double value, int decimals) {
    BigDecimal v = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(v);
  }
}
