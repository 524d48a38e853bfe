package org.computerwa.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

  @ParameterizedTest(name = "{0} ± {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "4568384.123; 772344.2; 4,568,384 ± 772,344",
      "1.5074043922783238; 0.03501495654980206; 1.507 ± 0.035",
      "211.817; 127.091; 212 ± 127",
      "9.195; 1.9; 9.2 ± 1.9",
      "567.139; NaN; 567",
      "0.0012345; NaN; 0.00123"})
  void aScoreKeepsTheDigitsItsErrorSupports(double score, double error, String expected) {
    assertThat(Figures.scoreWithError(score, error)).isEqualTo(expected);
  }
}
