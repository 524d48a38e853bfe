package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonIntervalTest {
  /**
   * Garwood intervals from an independent implementation: SciPy 1.17.1,
   * {@code chi2.ppf(alpha / 2, 2 * k) / 2} and {@code chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2}.
   */
  @ParameterizedTest(name = "k={0} at {1}")
  @CsvSource({
    "0,0.95,0,3.688879454",
    "1,0.95,0.02531780798,5.571643391",
    "5,0.95,1.62348639,11.66833208",
    "10,0.95,4.795388696,18.39035604",
    "100,0.95,81.36399125,121.6267938",
    "2500,0.95,2402.952365,2599.961484",
    "10,0.99,3.716922131,21.3978275",
    "3,0.5,1.727299418,5.109427485",
    "1000000,0.95,998040.9833,1001961.912"})
  void matchesTheChiSquareQuantilesOfAnIndependentLibrary(long k, double confidence, double lower, double upper) {
    assertThat(PoissonInterval.lower(k, confidence)).isCloseTo(lower, within(Math.max(1e-8, lower * 1e-8)));
    assertThat(PoissonInterval.upper(k, confidence)).isCloseTo(upper, within(upper * 1e-8));
  }
}
