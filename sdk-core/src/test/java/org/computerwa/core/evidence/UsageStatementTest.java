package org.computerwa.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageStatementTest {
  static final SigningKey DEVICE =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  static final Address ANCHOR = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  static final Eip712Domain DOMAIN = UsageStatement.domain(31337, ANCHOR);
  static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

  static UsageStatement.Builder valid() {
    return UsageStatement.builder()
        .assetId(BigInteger.ONE)
        .device(DEVICE.address())
        .periodStart(T0)
        .periodEnd(T0.plusSeconds(3600))
        .kind(UsageKind.AVAILABILITY)
        .value(BigInteger.valueOf(3420))
        .availabilityBps(9500);
  }

  @Test
  void encodeTypeListsTheSevenLeafFieldsInOrder() {
    assertThat(UsageStatement.ENCODE_TYPE)
        .isEqualTo("UsageStatement(uint256 assetId,address device,uint64 periodStart,uint64 periodEnd,"
            + "uint8 kind,uint256 value,uint16 availabilityBps)");
  }

  @Test
  void signedStatementVerifiesAgainstItsDevice() {
    SignedUsageStatement signed = valid().build().sign(DEVICE, DOMAIN);
    signed.verify(DOMAIN);
    assertThat(signed.signature().recover(signed.statement().digest(DOMAIN))).isEqualTo(DEVICE.address());
  }

  @Test
  void signatureFromAnotherChainDoesNotVerify() {
    SignedUsageStatement signed = valid().build().sign(DEVICE, DOMAIN);
    assertThatThrownBy(() -> signed.verify(UsageStatement.domain(1, ANCHOR)))
        .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.reason()).isEqualTo("WRONG_SIGNER"));
  }

  @Test
  void signingWithAKeyOfAnotherDeviceIsRejected() {
    SigningKey other = SigningKey.fromHex("0x0000000000000000000000000000000000000000000000000000000000000007");
    assertThatThrownBy(() -> valid().build().sign(other, DOMAIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("deviceKey"));
  }

  @Test
  void theLeavesOfManyStatementsAreEachStatementsLeafInOrder() {
    // Values below and above 2^64 (the two ways a uint256 word is written) and varied fields.
    java.util.List<UsageStatement> statements = java.util.List.of(
        valid().build(),
        valid().assetId(BigInteger.ONE.shiftLeft(200).add(BigInteger.TEN)).build(),
        valid().value(BigInteger.ONE.shiftLeft(255)).kind(UsageKind.HASHRATE).build(),
        valid().device(ANCHOR).periodStart(T0.plusSeconds(7)).availabilityBps(0).build(),
        valid().build());
    byte[] leaves = UsageStatement.leafHashes(statements);
    assertThat(leaves).hasSize(32 * statements.size());
    for (int i = 0; i < statements.size(); i++) {
      assertThat(java.util.Arrays.copyOfRange(leaves, 32 * i, 32 * i + 32)).as("statement %d", i)
          .isEqualTo(statements.get(i).leafHash().toBytes());
    }
    assertThat(UsageStatement.leafHashes(java.util.List.of())).isEmpty();
  }

  @Test
  void everyFieldTakesPartInTheLeaf() {
    UsageStatement base = valid().build();
    assertThat(valid().assetId(BigInteger.TWO).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().device(ANCHOR).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().periodStart(T0.plusSeconds(1)).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().periodEnd(T0.plusSeconds(3601)).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().kind(UsageKind.HASHRATE).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().value(BigInteger.TEN).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().availabilityBps(9499).build().leafHash()).isNotEqualTo(base.leafHash());
    assertThat(valid().build().leafHash()).isEqualTo(base.leafHash());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 10_001})
  void availabilityOutsideBasisPointsIsRejected(int bps) {
    assertThatThrownBy(() -> valid().availabilityBps(bps).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("availabilityBps");
          assertThat(e.rejectedValue()).isEqualTo(String.valueOf(bps));
        });
  }

  @Test
  void periodEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> valid().periodEnd(T0).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodEnd"));
  }

  @Test
  void fractionalSecondsAreRejected() {
    assertThatThrownBy(() -> valid().periodStart(T0.plusMillis(1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodStart"));
  }

  @Test
  void negativeValueIsRejected() {
    assertThatThrownBy(() -> valid().value(BigInteger.valueOf(-1)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("value"));
  }

  @Test
  void missingFieldIsNamed() {
    assertThatThrownBy(() -> UsageStatement.builder().assetId(BigInteger.ONE).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("device"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void kindCodesRoundTrip(int code) {
    assertThat(UsageKind.fromCode(code).code()).isEqualTo(code);
  }

  @Test
  void unknownKindCodeIsRejected() {
    assertThatThrownBy(() -> UsageKind.fromCode(9)).isInstanceOf(ValidationException.class);
  }
}
