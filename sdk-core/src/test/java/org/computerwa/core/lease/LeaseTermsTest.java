package org.computerwa.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.computerwa.core.ValidationException;
import org.computerwa.core.money.MixedTokenException;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.junit.jupiter.api.Test;

class LeaseTermsTest {

  @Test
  void totalRentIsRateTimesTermInSeconds() {
    LeaseTerms terms = Leases.terms(3_858, Duration.ofDays(31));
    assertThat(terms.totalRent().baseUnits()).isEqualTo(3_858L * 31 * 86_400);
    assertThat(terms.term()).isEqualTo(Duration.ofDays(31));
  }

  @Test
  void endBeforeStartIsRejectedNamingEnd() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).end(terms.start().minusSeconds(1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("end");
          assertThat(e.rule()).contains("after start");
        });
  }

  @Test
  void aRateInAnotherTokenIsRejected() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    Rate dai = Rate.of(BigInteger.ONE, Token.of("DAI", 18));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).rate(dai).build())
        .isInstanceOfSatisfying(MixedTokenException.class, e -> assertThat(e.field()).isEqualTo("rate.token"));
  }

  @Test
  void lessorAndLesseeMustDiffer() {
    LeaseTerms terms = Leases.terms(1, Duration.ofDays(1));
    assertThatThrownBy(() -> LeaseTerms.builder().from(terms).lessee(Leases.OPERATOR).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lessee"));
  }
}
