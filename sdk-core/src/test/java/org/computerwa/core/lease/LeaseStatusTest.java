package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseStatusTest {

  /** The whole transition table: every ordered pair of states, allowed or not. */
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "OFFERED, OFFERED, false", "OFFERED, ACTIVE, true", "OFFERED, EXPIRED, false",
    "OFFERED, TERMINATED, true", "OFFERED, DEFAULTED, false",
    "ACTIVE, OFFERED, false", "ACTIVE, ACTIVE, false", "ACTIVE, EXPIRED, true",
    "ACTIVE, TERMINATED, true", "ACTIVE, DEFAULTED, true",
    "EXPIRED, OFFERED, false", "EXPIRED, ACTIVE, false", "EXPIRED, EXPIRED, false",
    "EXPIRED, TERMINATED, false", "EXPIRED, DEFAULTED, false",
    "TERMINATED, OFFERED, false", "TERMINATED, ACTIVE, false", "TERMINATED, EXPIRED, false",
    "TERMINATED, TERMINATED, false", "TERMINATED, DEFAULTED, false",
    "DEFAULTED, OFFERED, false", "DEFAULTED, ACTIVE, false", "DEFAULTED, EXPIRED, false",
    "DEFAULTED, TERMINATED, false", "DEFAULTED, DEFAULTED, false"
  })
  void allowsExactlyTheDocumentedTransitions(LeaseStatus from, LeaseStatus to, boolean allowed) {
    assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
    if (allowed) {
      assertThat(from.transitionTo(to)).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> from.transitionTo(to))
          .isInstanceOfSatisfying(IllegalLeaseTransitionException.class, e -> {
            assertThat(e.from()).isEqualTo(from);
            assertThat(e.to()).isEqualTo(to);
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.rejectedValue()).isEqualTo(from + " -> " + to);
          });
    }
  }

  @ParameterizedTest
  @CsvSource({"OFFERED, false", "ACTIVE, false", "EXPIRED, true", "TERMINATED, true", "DEFAULTED, true"})
  void finalStatesHaveNoSuccessors(LeaseStatus status, boolean isFinal) {
    assertThat(status.isFinal()).isEqualTo(isFinal);
  }
}
