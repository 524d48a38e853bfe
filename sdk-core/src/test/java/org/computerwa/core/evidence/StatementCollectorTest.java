package org.computerwa.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.RejectedSignatureException;
import org.computerwa.core.crypto.SignedMessageRejection;
import org.computerwa.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class StatementCollectorTest {
  static final SigningKey DEVICE =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
  static final SigningKey ATTESTER =
      SigningKey.fromHex("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  static final Address ANCHOR = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  static final Eip712Domain USAGE = UsageStatement.domain(31337, ANCHOR);
  static final long T = 1_795_824_000L;

  static UsageStatement hour(long from, long to, UsageKind kind) {
    return UsageStatement.builder().assetId(BigInteger.ONE).device(DEVICE.address())
        .periodStart(Instant.ofEpochSecond(from)).periodEnd(Instant.ofEpochSecond(to))
        .kind(kind).value(BigInteger.TEN).availabilityBps(9_000).build();
  }

  static byte[] sig(UsageStatement s, Eip712Domain d) {
    return DEVICE.sign(s.digest(d)).toBytes();
  }

  static SignedMessageRejection rejection(Runnable r) {
    try {
      r.run();
      throw new AssertionError("accepted");
    } catch (RejectedSignatureException e) {
      return e.rejection();
    }
  }

  @Test
  void acceptsEachStatementOnceInPeriodOrderPerDeviceAndKind() {
    StatementCollector c = StatementCollector.forDomain(USAGE);
    UsageStatement h0 = hour(T, T + 3600, UsageKind.AVAILABILITY);
    c.accept(h0, sig(h0, USAGE));
    assertThat(rejection(() -> c.accept(h0, sig(h0, USAGE)))).isEqualTo(SignedMessageRejection.REPLAYED);
    UsageStatement overlap = hour(T + 1800, T + 5400, UsageKind.AVAILABILITY);
    assertThat(rejection(() -> c.accept(overlap, sig(overlap, USAGE)))).isEqualTo(SignedMessageRejection.PERIOD_OVERLAP);
    UsageStatement stale = hour(T - 3600, T, UsageKind.AVAILABILITY);
    assertThat(rejection(() -> c.accept(stale, sig(stale, USAGE)))).isEqualTo(SignedMessageRejection.STALE_PERIOD);
    UsageStatement energy = hour(T, T + 3600, UsageKind.ENERGY);
    c.accept(energy, sig(energy, USAGE)); // another kind is another stream
    UsageStatement h1 = hour(T + 3600, T + 7200, UsageKind.AVAILABILITY);
    c.accept(h1, sig(h1, USAGE));
  }

  @Test
  void signaturesForAnotherDomainAreWrongSigners() {
    StatementCollector c = StatementCollector.forDomain(USAGE);
    UsageStatement h0 = hour(T, T + 3600, UsageKind.AVAILABILITY);
    assertThat(rejection(() -> c.accept(h0, sig(h0, UsageStatement.domain(1, ANCHOR)))))
        .isEqualTo(SignedMessageRejection.WRONG_SIGNER);
    assertThat(rejection(() -> c.accept(h0, sig(h0, UsageStatement.domain(31337, Address.ZERO)))))
        .isEqualTo(SignedMessageRejection.WRONG_SIGNER);
    c.accept(h0, sig(h0, USAGE)); // the refusals recorded nothing
  }

  @Test
  void batchHandsOverWhatIsHeldAndAnAnchorVerifierAcceptsItsRootOnce() {
    StatementCollector c = StatementCollector.forDomain(USAGE);
    UsageStatement h0 = hour(T, T + 3600, UsageKind.AVAILABILITY);
    UsageStatement h1 = hour(T + 3600, T + 7200, UsageKind.AVAILABILITY);
    c.accept(h0, sig(h0, USAGE));
    c.accept(h1, sig(h1, USAGE));
    StatementBatch batch = c.batch(BigInteger.ONE, Instant.ofEpochSecond(T), Instant.ofEpochSecond(T + 7200));
    assertThat(batch.statements()).hasSize(2);
    batch.proof(h1).verify(batch.root());
    assertThatThrownBy(() -> c.batch(BigInteger.ONE, Instant.ofEpochSecond(T), Instant.ofEpochSecond(T + 7200)))
        .isInstanceOf(ValidationException.class);

    Eip712Domain anchorDomain = AnchorRoot.domain(31337, ANCHOR);
    AnchorVerifier v = AnchorVerifier.forDomain(anchorDomain);
    byte[] rootSig = batch.anchorRoot().sign(ATTESTER, anchorDomain).toBytes();
    assertThat(rejection(() -> v.verify(batch.anchorRoot(), rootSig))).isEqualTo(SignedMessageRejection.WRONG_SIGNER);
    v.authorize(BigInteger.ONE, ATTESTER.address());
    assertThat(v.verify(batch.anchorRoot(), rootSig)).isEqualTo(ATTESTER.address());
    assertThat(rejection(() -> v.verify(batch.anchorRoot(), rootSig))).isEqualTo(SignedMessageRejection.REPLAYED);
    AnchorRoot overlapping = AnchorRoot.of(BigInteger.ONE, Instant.ofEpochSecond(T + 3600),
        Instant.ofEpochSecond(T + 10_800), Bytes32.fromUint(BigInteger.TWO));
    assertThat(rejection(() -> v.verify(overlapping, overlapping.sign(ATTESTER, anchorDomain).toBytes())))
        .isEqualTo(SignedMessageRejection.PERIOD_OVERLAP);
    AnchorRoot next = AnchorRoot.of(BigInteger.ONE, Instant.ofEpochSecond(T + 7200),
        Instant.ofEpochSecond(T + 10_800), Bytes32.fromUint(BigInteger.TWO));
    v.verify(next, next.sign(ATTESTER, anchorDomain).toBytes());
  }
}
