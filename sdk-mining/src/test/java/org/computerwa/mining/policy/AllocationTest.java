package org.computerwa.mining.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computerwa.core.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AllocationTest {
  @Test
  void theFactoryAndTheConstructorBuildEqualValues() {
    assertThat(Allocation.of(40, 0, 10, 0)).isEqualTo(new Allocation(40, 0, 10, 0))
        .hasSameHashCodeAs(new Allocation(40, 0, 10, 0))
        .isNotEqualTo(Allocation.of(40, 0, 0, 10));
  }

  @Test
  void negativeZeroIsStoredAsZero() {
    Allocation a = Allocation.of(-0.0, -0.0, -0.0, -0.0);
    assertThat(a).isEqualTo(Allocation.of(0, 0, 0, 0)).hasSameHashCodeAs(Allocation.of(0, 0, 0, 0));
    assertThat(Double.doubleToRawLongBits(a.miningMw())).isZero();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"miningMw, -1", "aiSpotMw, NaN", "aiLeasedMw, Infinity", "curtailedMw, -Infinity"})
  void aNegativeOrNonFinitePartIsRejectedByName(String field, double value) {
    double[] parts = new double[4];
    int i = java.util.List.of("miningMw", "aiSpotMw", "aiLeasedMw", "curtailedMw").indexOf(field);
    parts[i] = value;
    assertThatThrownBy(() -> new Allocation(parts[0], parts[1], parts[2], parts[3]))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("allocation." + field);
          assertThat(e.rejectedValue()).isEqualTo(Double.toString(value));
          assertThat(e.rule()).isEqualTo("must be a finite number >= 0");
        });
  }
}
