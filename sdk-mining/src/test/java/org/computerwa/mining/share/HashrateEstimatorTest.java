package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;

class HashrateEstimatorTest {
  private final HashrateEstimator estimator = HashrateEstimator.withConfidence(0.95);

  @Test
  void thePointEstimateIsDifficultyTimesTwoToThe32PerSecond() {
    HashrateEstimate e = estimator.estimate(600, 1024, Duration.ofMinutes(10));
    assertThat(e.hashesPerSecond()).isEqualTo(1024 * 4_294_967_296.0);
    assertThat(e.lower()).isLessThan(e.hashesPerSecond());
    assertThat(e.upper()).isGreaterThan(e.hashesPerSecond());
    assertThat(e.effectiveShares()).isEqualTo(600);
  }

  @Test
  void theIntervalMatchesTheExactPoissonIntervalClosely() {
    // Garwood 95% interval for 10 events: [4.7954, 18.3904].
    HashrateEstimate e = estimator.estimate(10, 1, Duration.ofSeconds(1));
    double unit = 4_294_967_296.0;
    assertThat(e.lower() / unit).isCloseTo(4.7954, within(0.02));
    assertThat(e.upper() / unit).isCloseTo(18.3904, within(0.02));
    HashrateEstimate none = estimator.estimate(0, 1, Duration.ofSeconds(1));
    assertThat(none.lower()).isZero();
    assertThat(none.upper() / unit).isCloseTo(3.6889, within(0.05));
  }

  @Test
  void moreSharesNarrowTheRelativeInterval() {
    HashrateEstimate few = estimator.estimate(10, 1, Duration.ofSeconds(10));
    HashrateEstimate many = estimator.estimate(1000, 1, Duration.ofSeconds(1000));
    assertThat((many.upper() - many.lower()) / many.hashesPerSecond())
        .isLessThan((few.upper() - few.lower()) / few.hashesPerSecond());
  }

  @Test
  void theIntervalCoversTheTrueHashrateAboutAsOftenAsItClaims() {
    long seed = 7_2026L;
    SplittableRandom random = new SplittableRandom(seed);
    double trueRate = 1.0e12;
    double difficulty = 4096;
    Duration window = Duration.ofMinutes(5);
    double meanShares = trueRate * window.getSeconds() / (difficulty * 4_294_967_296.0);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      // Shares arrive as a Poisson process: count exponential gaps within the window.
      long shares = 0;
      double time = -Math.log(1 - random.nextDouble()) / meanShares;
      while (time < 1) {
        shares++;
        time += -Math.log(1 - random.nextDouble()) / meanShares;
      }
      HashrateEstimate e = estimator.estimate(shares, difficulty, window);
      if (e.lower() <= trueRate && trueRate <= e.upper()) {
        covered++;
      }
    }
    assertThat(covered / (double) trials).as("seed %d, mean shares %.1f", seed, meanShares).isBetween(0.93, 0.99);
  }

  @Test
  void verifiedRealSharesFeedAnEstimate() throws IOException {
    List<Double> difficulties = new ArrayList<>();
    for (JsonNode entry : ShareVerifierTest.json("stratum/shares.json")) {
      VerifiedShare s = ShareVerifier.create().verify(ShareVerifierTest.job(entry), ShareVerifierTest.submission(entry), 1);
      difficulties.add(s.difficulty().doubleValue());
    }
    HashrateEstimate e = estimator.estimate(difficulties, Duration.ofSeconds(60));
    double sum = difficulties.stream().mapToDouble(Double::doubleValue).sum();
    assertThat(e.hashesPerSecond()).isCloseTo(sum * 4_294_967_296.0 / 60, within(1.0));
    assertThat(e.effectiveShares()).isBetween(1.0, 2.0);
    assertThat(e.lower()).isLessThan(e.hashesPerSecond()).isPositive();
    assertThat(e.upper()).isGreaterThan(e.hashesPerSecond());
  }

  @Test
  void badInputIsRejectedWithTheField() {
    assertThatThrownBy(() -> HashrateEstimator.withConfidence(1.0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("confidence");
    assertThatThrownBy(() -> estimator.estimate(1, 0, Duration.ofSeconds(1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("difficulty");
    assertThatThrownBy(() -> estimator.estimate(1, 1, Duration.ZERO)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("window");
    assertThatThrownBy(() -> estimator.estimate(List.of(), Duration.ofSeconds(1))).isInstanceOf(ValidationException.class);
  }
}
