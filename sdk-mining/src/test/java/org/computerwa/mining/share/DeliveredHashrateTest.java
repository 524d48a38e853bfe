package org.computerwa.mining.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.Test;

class DeliveredHashrateTest {
  /** Anvil's well-known second development key, a test key only. */
  private static final SigningKey DEVICE =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final Address ANCHOR = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-28T01:00:00Z");
  private final HashrateEstimator estimator = HashrateEstimator.withConfidence(0.95);

  @Test
  void verifiedRealSharesBecomeASignedBatchedHashrateStatement() throws IOException {
    StratumSession session = StratumSession.builder().poolDifficulty(4).build();
    long accepted = 0;
    for (JsonNode entry : ShareVerifierTest.json("stratum/shares.json")) {
      ShareVerifier.create().verify(session, ShareVerifierTest.job(entry), ShareVerifierTest.submission(entry));
      accepted++;
    }
    DeliveredHashrate delivered = DeliveredHashrate.of(session, accepted, START, END, estimator);
    HashrateEstimate e = delivered.estimate();
    assertThat(e.hashesPerSecond()).isEqualTo(accepted * 4 * 4_294_967_296.0 / 3600);

    UsageStatement lower = delivered.statement(BigInteger.ONE, DEVICE.address(), DeliveredHashrate.Claim.LOWER_BOUND,
        10_000);
    assertThat(lower.kind()).isEqualTo(UsageKind.HASHRATE);
    assertThat(lower.value()).isEqualTo(new BigDecimal(e.lower()).toBigInteger());
    assertThat(lower.periodStart()).isEqualTo(START);
    assertThat(lower.periodEnd()).isEqualTo(END);
    UsageStatement point = delivered.statement(BigInteger.ONE, DEVICE.address(),
        DeliveredHashrate.Claim.POINT_ESTIMATE, 10_000);
    assertThat(point.value()).isGreaterThan(lower.value());

    Eip712Domain domain = UsageStatement.domain(31337, ANCHOR);
    SignedUsageStatement signed = lower.sign(DEVICE, domain);
    signed.verify(domain);
    StatementBatch batch = StatementBatch.of(BigInteger.ONE, START, END, List.of(signed), domain);
    batch.proof(lower).verify(batch.root());
    assertThat(batch.proof(lower).leaf()).isEqualTo(lower.leafHash());
  }

  @Test
  void aPeriodWithoutSharesStatesZeroAtTheLowerBound() {
    StratumSession session = StratumSession.builder().poolDifficulty(65536).build();
    DeliveredHashrate none = DeliveredHashrate.of(session, 0, START, END, estimator);
    assertThat(none.value(DeliveredHashrate.Claim.LOWER_BOUND)).isZero();
    assertThat(none.estimate().upper()).isPositive();
  }

  @Test
  void badInputNamesTheField() {
    StratumSession session = StratumSession.builder().poolDifficulty(1).build();
    assertThatThrownBy(() -> DeliveredHashrate.of(session, 1, END, START, estimator))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodEnd"));
    assertThatThrownBy(() -> DeliveredHashrate.of(session, -1, START, END, estimator))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("shares"));
    assertThatThrownBy(() -> StratumSession.builder().build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("poolDifficulty"));
    DeliveredHashrate d = DeliveredHashrate.of(session, 10, START, END, estimator);
    assertThatThrownBy(() -> d.statement(BigInteger.ONE, DEVICE.address(), DeliveredHashrate.Claim.LOWER_BOUND, 10_001))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("availabilityBps"));
  }
}
