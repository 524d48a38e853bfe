package org.computerwa.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.computerwa.core.evidence.UsageStatementTest.DEVICE;
import static org.computerwa.core.evidence.UsageStatementTest.DOMAIN;
import static org.computerwa.core.evidence.UsageStatementTest.T0;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class StatementBatchTest {
  static final Instant END = T0.plusSeconds(4 * 3600);

  static List<SignedUsageStatement> hourly(int hours) {
    List<SignedUsageStatement> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      out.add(UsageStatementTest.valid()
          .periodStart(T0.plusSeconds(3600L * h))
          .periodEnd(T0.plusSeconds(3600L * (h + 1)))
          .availabilityBps(9000 + h)
          .build()
          .sign(DEVICE, DOMAIN));
    }
    return out;
  }

  @Test
  void everyStatementIsProvenAgainstTheRoot() {
    List<SignedUsageStatement> statements = hourly(4);
    StatementBatch batch = StatementBatch.of(BigInteger.ONE, T0, END, statements, DOMAIN);
    for (SignedUsageStatement s : statements) {
      MerkleProof proof = batch.proof(s.statement());
      assertThat(proof.leaf()).isEqualTo(s.statement().leafHash());
      proof.verify(batch.root());
    }
  }

  @Test
  void anchorMessageCarriesAssetPeriodAndRootAndRecoversTheAttester() {
    StatementBatch batch = StatementBatch.of(BigInteger.ONE, T0, END, hourly(3), DOMAIN);
    AnchorRoot message = batch.anchorRoot();
    assertThat(message.root()).isEqualTo(batch.root());
    assertThat(message.periodStart()).isEqualTo(T0);
    assertThat(message.periodEnd()).isEqualTo(END);
    SigningKey attester = SigningKey.fromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    Eip712Domain anchorDomain = AnchorRoot.domain(31337, UsageStatementTest.ANCHOR);
    Signature sig = message.sign(attester, anchorDomain);
    assertThat(sig.recover(message.digest(anchorDomain))).isEqualTo(attester.address());
    assertThat(message.digest(anchorDomain)).isNotEqualTo(message.digest(AnchorRoot.domain(1, UsageStatementTest.ANCHOR)));
  }

  @Test
  void statementOfAnotherAssetIsRejectedWithItsIndex() {
    List<SignedUsageStatement> statements = new ArrayList<>(hourly(2));
    statements.add(UsageStatementTest.valid().assetId(BigInteger.TWO).build().sign(DEVICE, DOMAIN));
    assertThatThrownBy(() -> StatementBatch.of(BigInteger.ONE, T0, END, statements, DOMAIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("statements[2].assetId"));
  }

  @Test
  void statementOutsideThePeriodIsRejected() {
    assertThatThrownBy(() -> StatementBatch.of(BigInteger.ONE, T0, T0.plusSeconds(7200), hourly(3), DOMAIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("statements[2].periodEnd"));
  }

  @Test
  void forgedSignatureIsRejected() {
    SigningKey impostor = SigningKey.fromHex("0x0000000000000000000000000000000000000000000000000000000000000009");
    UsageStatement s = UsageStatementTest.valid().build();
    SignedUsageStatement forged = SignedUsageStatement.of(s, impostor.sign(s.digest(DOMAIN)));
    assertThatThrownBy(() -> StatementBatch.of(BigInteger.ONE, T0, END, List.of(forged), DOMAIN))
        .isInstanceOfSatisfying(VerificationException.class, e -> {
          assertThat(e.reason()).isEqualTo("WRONG_SIGNER");
          assertThat(e.getMessage()).startsWith("statements[0]");
        });
  }

  @Test
  void duplicateStatementIsRejected() {
    List<SignedUsageStatement> statements = new ArrayList<>(hourly(2));
    statements.add(statements.get(0));
    assertThatThrownBy(() -> StatementBatch.of(BigInteger.ONE, T0, END, statements, DOMAIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("statements[2]"));
  }

  @Test
  void emptyBatchIsRejected() {
    assertThatThrownBy(() -> StatementBatch.of(BigInteger.ONE, T0, END, List.of(), DOMAIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("statements"));
  }
}
