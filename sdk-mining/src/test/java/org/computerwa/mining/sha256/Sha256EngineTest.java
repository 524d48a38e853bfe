package org.computerwa.mining.sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.SplittableRandom;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256EngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"portable", "jdk"})
  void everyEnginePassesItsSelfCheck(String name) {
    assertThat(Sha256Engine.named(name).selfCheck()).isTrue();
    assertThat(Sha256Engine.named(name).name()).isEqualTo(name);
  }

  @Test
  void enginesAgreeWithTheStreamingHasherOnRandomHeaders() {
    long seed = 20261128L;
    SplittableRandom random = new SplittableRandom(seed);
    HeaderHasher portable = Sha256Engine.portable().newHeaderHasher();
    HeaderHasher jdk = Sha256Engine.jdk().newHeaderHasher();
    byte[] buf = new byte[80 * 3];
    byte[] a = new byte[40];
    byte[] b = new byte[40];
    for (int i = 0; i < 2000; i++) {
      random.nextBytes(buf);
      int off = random.nextInt(0, 3) * 80;
      portable.doubleHash80(buf, off, a, 4);
      jdk.doubleHash80(buf, off, b, 4);
      byte[] expected = Sha256.doubleHash(buf, off, 80);
      assertThat(java.util.Arrays.copyOfRange(a, 4, 36)).as("seed %d, case %d", seed, i).isEqualTo(expected);
      assertThat(java.util.Arrays.copyOfRange(b, 4, 36)).as("seed %d, case %d", seed, i).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"portable", "jdk"})
  void midstateHashersAgreeWithTheStreamingHasherOnMessagesSharingAPrefix(String name) {
    long seed = 20261201L;
    SplittableRandom random = new SplittableRandom(seed);
    MidstateHasher hasher = Sha256Engine.named(name).newMidstateHasher();
    assertThat(hasher.engine()).isSameAs(Sha256Engine.named(name));
    assertThatThrownBy(() -> hasher.doubleHash80(new byte[16], 0, new byte[32], 0))
        .isInstanceOf(IllegalStateException.class);
    byte[] message = new byte[80];
    byte[] out = new byte[36];
    for (int prefix = 0; prefix < 20; prefix++) {
      random.nextBytes(message);
      hasher.prefix(message, 0);
      for (int i = 0; i < 100; i++) {
        byte[] tail = new byte[20];
        random.nextBytes(tail);
        System.arraycopy(tail, 2, message, 64, 16);
        hasher.doubleHash80(tail, 2, out, 4);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 36)).as("seed %d, prefix %d, message %d", seed, prefix, i)
            .isEqualTo(Sha256.doubleHash(message));
      }
    }
    assertThatThrownBy(() -> hasher.doubleHash80(new byte[15], 0, out, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void fastestIsOneOfTheCorrectEngines() {
    assertThat(Sha256Engine.fastest()).isIn(Sha256Engine.portable(), Sha256Engine.jdk());
    assertThat(Sha256Engine.named("fastest")).isSameAs(Sha256Engine.fastest());
  }

  @Test
  void choiceFollowsTheDocumentedRule() {
    assertThat(Sha256Engine.choose(true, true, Optional.of(true))).isSameAs(Sha256Engine.jdk());
    assertThat(Sha256Engine.choose(true, true, Optional.of(false))).isSameAs(Sha256Engine.portable());
    assertThat(Sha256Engine.choose(true, true, Optional.empty())).isSameAs(Sha256Engine.jdk());
    assertThat(Sha256Engine.choose(false, true, Optional.of(true))).isSameAs(Sha256Engine.portable());
    assertThat(Sha256Engine.choose(true, false, Optional.of(false))).isSameAs(Sha256Engine.jdk());
  }

  @Test
  void theChoiceMatchesWhatThisJvmReports() {
    Sha256Engine expected = Sha256Engine.sha256Intrinsics().orElse(true) ? Sha256Engine.jdk() : Sha256Engine.portable();
    assertThat(Sha256Engine.fastest()).isSameAs(expected);
  }

  @Test
  void anUnknownEngineNameIsRejected() {
    assertThatThrownBy(() -> Sha256Engine.named("gpu"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("engine")
        .hasMessageContaining("gpu");
  }

  @Test
  void aHasherRejectsAShortRange() {
    HeaderHasher hasher = Sha256Engine.portable().newHeaderHasher();
    assertThatThrownBy(() -> hasher.doubleHash80(new byte[79], 0, new byte[32], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
