package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class ShareSubmissionTest {
  @Test
  void theHexFactoryReadsBigEndianWords() {
    ShareSubmission s = ShareSubmission.of("0000000a", "504e86ed", "b2957c02");
    assertThat(s.extranonce2()).containsExactly(0, 0, 0, 10);
    assertThat(s.time()).isEqualTo(0x504e86ed);
    assertThat(s.nonce()).isEqualTo(0xb2957c02);
    assertThat(s.versionBits()).isZero();
    assertThat(s.versionBitsSubmitted()).isEmpty();
    assertThat(s.withVersionBits("00002000").versionBitsSubmitted()).contains(0x2000);
  }

  @Test
  void submissionsWithEqualBytesInDifferentArraysAreEqual() {
    ShareSubmission a = new ShareSubmission(new byte[] {1, 2}, 7, 9, 0);
    ShareSubmission b = new ShareSubmission(new byte[] {1, 2}, 7, 9, 0);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new ShareSubmission(new byte[] {1, 3}, 7, 9, 0))
        .isNotEqualTo(new ShareSubmission(new byte[] {1, 2}, 8, 9, 0))
        .isNotEqualTo(new ShareSubmission(new byte[] {1, 2}, 7, 9, 0x2000));
    assertThat(a.toString())
        .isEqualTo("ShareSubmission[extranonce2=0102, time=00000007, nonce=00000009, versionBits=00000000]");
  }

  @Test
  void theExtranonce2IsCopiedInAndOut() {
    byte[] bytes = {1, 2};
    ShareSubmission s = new ShareSubmission(bytes, 7, 9, 0);
    bytes[0] = 5;
    s.extranonce2()[1] = 5;
    assertThat(s.extranonce2()).containsExactly(1, 2);
  }

  @Test
  void aBadWordIsRejectedByName() {
    assertThatThrownBy(() -> ShareSubmission.of("00", "504e86e", "b2957c02"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("ntime");
          assertThat(e.rule()).isEqualTo("must be 8 hex digits");
        });
    assertThatThrownBy(() -> ShareSubmission.of("0g", "504e86ed", "b2957c02"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("extranonce2"));
  }
}
