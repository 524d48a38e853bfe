package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
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
  void theIntervalIsGarwoodsExactPoissonInterval() {
    // Garwood 95% interval for 10 events: [4.7954, 18.3904].
    HashrateEstimate e = estimator.estimate(10, 1, Duration.ofSeconds(1));
    double unit = 4_294_967_296.0;
    assertThat(e.lower() / unit).isCloseTo(4.7954, within(1e-4));
    assertThat(e.upper() / unit).isCloseTo(18.3904, within(1e-4));
    HashrateEstimate none = estimator.estimate(0, 1, Duration.ofSeconds(1));
    assertThat(none.lower()).isZero();
    assertThat(none.upper() / unit).isCloseTo(3.6889, within(1e-4));
  }

  @Test
  void moreSharesNarrowTheRelativeInterval() {
    HashrateEstimate few = estimator.estimate(10, 1, Duration.ofSeconds(10));
    HashrateEstimate many = estimator.estimate(1000, 1, Duration.ofSeconds(1000));
    assertThat((many.upper() - many.lower()) / many.hashesPerSecond())
        .isLessThan((few.upper() - few.lower()) / few.hashesPerSecond());
  }

  /**
   * Simulated share streams at a known hashrate: in each of 10,000 seeded trials a pool difficulty
   * is drawn so that the expected share count lies between 50 and 2,000 per hour, shares arrive as
   * a Poisson process (exponential gaps) for one hour, and the 95 % interval must cover the true
   * rate in 95 % ± 2 % of the trials.
   */
  @Test
  void theNinetyFivePercentIntervalCoversTheTrueRateInNinetyFivePercentOfTrials() {
    long seed = Long.getLong("computerwa.seed", System.nanoTime());
    System.out.println("[seed] HashrateEstimatorTest.coverage seed=" + seed + " (replay with -Dcomputerwa.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    double trueRate = 1.0e14;
    Duration window = Duration.ofHours(1);
    int trials = 10_000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double meanShares = Math.exp(Math.log(50) + random.nextDouble() * (Math.log(2000) - Math.log(50)));
      double difficulty = trueRate * window.getSeconds() / (meanShares * 4_294_967_296.0);
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
    assertThat(covered / (double) trials).as("seed %d", seed).isBetween(0.93, 0.97);
  }

  @Test
  void verifiedRealSharesFeedAnEstimateAtThePoolDifficulty() throws IOException {
    StratumSession session = StratumSession.builder().poolDifficulty(4).build();
    long accepted = 0;
    for (JsonNode entry : ShareVerifierTest.json("stratum/shares.json")) {
      ShareVerifier.create().verify(session, ShareVerifierTest.job(entry), ShareVerifierTest.submission(entry));
      accepted++;
    }
    // Each accepted share counts as the pool difficulty, not the (heavy-tailed) difficulty it reached.
    HashrateEstimate e = estimator.estimate(accepted, session.poolDifficulty(), Duration.ofSeconds(60));
    assertThat(e.hashesPerSecond()).isEqualTo(2 * 4 * 4_294_967_296.0 / 60);
    assertThat(e.effectiveShares()).isEqualTo(2.0);
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
