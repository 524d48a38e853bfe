package org.computerwa.mining.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {
  private static final BlockHash TIP =
      BlockHash.fromDisplayHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

  @Test
  void theFailuresAreCopied() {
    List<HeaderFailure> failures = new ArrayList<>(List.of(new HeaderFailure(1, 11, RejectReason.HIGH_HASH, "x")));
    ChainVerification r = new ChainVerification(10, 3, failures, BigInteger.ONE, TIP, 0);
    failures.clear();
    assertThat(r.failures()).hasSize(1);
    assertThat(r.valid()).isFalse();
    assertThatThrownBy(() -> r.failures().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(r::orThrow).isInstanceOfSatisfying(HeaderVerificationException.class,
        e -> assertThat(e.rejectReason()).isEqualTo(RejectReason.HIGH_HASH));
  }

  @Test
  void aFailureOutsideTheChainOrOutOfOrderIsRejected() {
    HeaderFailure at1 = new HeaderFailure(1, 11, RejectReason.HIGH_HASH, "x");
    HeaderFailure at3 = new HeaderFailure(3, 13, RejectReason.HIGH_HASH, "x");
    assertThatThrownBy(() -> new ChainVerification(10, 3, List.of(at3), BigInteger.ONE, TIP, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("chainVerification.failures[0].index"));
    assertThatThrownBy(() -> new ChainVerification(10, 3, List.of(at1, at1), BigInteger.ONE, TIP, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("chainVerification.failures[1].index"));
    assertThatThrownBy(() -> new ChainVerification(9, 3, List.of(at1), BigInteger.ONE, TIP, 0))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("chainVerification.failures[0].height");
          assertThat(e.rule()).isEqualTo("must be firstHeight + index = 10");
        });
  }

  @Test
  void countsAndWorkMustBeNonNegative() {
    assertThatThrownBy(() -> new ChainVerification(0, 0, List.of(), BigInteger.ONE, TIP, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("chainVerification.headerCount"));
    assertThatThrownBy(() -> new ChainVerification(0, 1, List.of(), BigInteger.ONE.negate(), TIP, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("chainVerification.chainWork"));
    assertThatThrownBy(() -> new ChainVerification(0, 1, List.of(), BigInteger.ONE, TIP, -1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("chainVerification.uncheckedRules"));
  }

  @Test
  void aHeaderFailureNamesANegativePosition() {
    assertThatThrownBy(() -> new HeaderFailure(-1, 0, RejectReason.HIGH_HASH, "x"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("headerFailure.index"));
    assertThat(new HeaderFailure(2, 7, RejectReason.HIGH_HASH, "hash above target").toString())
        .isEqualTo("HIGH_HASH at index 2 (height 7): hash above target");
  }
}
