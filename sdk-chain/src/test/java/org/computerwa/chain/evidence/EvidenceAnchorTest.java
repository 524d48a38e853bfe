package org.computerwa.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.chain.internal.contracts.EvidenceAnchor;
import org.computerwa.chain.lease.LeaseStack;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.MerkleProof;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** EvidenceAnchor on a real anvil chain, fed with roots, proofs and signatures built by sdk-core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceAnchorTest {
  static final int OWNER = 1;
  static final int RELAYER = 3;
  static final int STRANGER = 4;
  static final SigningKey ATTESTER =
      SigningKey.fromHex("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  static final SigningKey OTHER_KEY =
      SigningKey.fromHex("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
  static final SigningKey DEVICE_A =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
  static final SigningKey DEVICE_B =
      SigningKey.fromHex("0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97");

  LeaseStack stack;
  long chainId;
  Eip712Domain anchorDomain;
  Eip712Domain usageDomain;
  BigInteger asset;
  long t0;

  @BeforeAll
  void start() throws Exception {
    stack = new LeaseStack();
    chainId = stack.session.chainId();
    anchorDomain = AnchorRoot.domain(chainId, Address.fromHex(stack.anchor));
    usageDomain = UsageStatement.domain(chainId, Address.fromHex(stack.anchor));
  }

  @BeforeEach
  void freshAsset() throws Exception {
    asset = stack.registerAsset(OWNER, 8);
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
    t0 = stack.now() - 48 * 3600;
  }

  StatementBatch batch(long start, long end, int... bps) {
    List<SignedUsageStatement> signed = new ArrayList<>();
    long step = (end - start) / bps.length;
    for (int i = 0; i < bps.length; i++) {
      SigningKey device = i % 2 == 0 ? DEVICE_A : DEVICE_B;
      UsageStatement s = UsageStatement.builder()
          .assetId(asset)
          .device(device.address())
          .periodStart(Instant.ofEpochSecond(start + i * step))
          .periodEnd(Instant.ofEpochSecond(start + (i + 1) * step))
          .kind(UsageKind.AVAILABILITY)
          .value(BigInteger.valueOf(step * bps[i] / 10_000))
          .availabilityBps(bps[i])
          .build();
      signed.add(s.sign(device, usageDomain));
    }
    return StatementBatch.of(asset, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), signed, usageDomain);
  }

  static EvidenceAnchor.UsageStatement onChain(UsageStatement s) {
    return new EvidenceAnchor.UsageStatement(s.assetId(), s.device().toHex(),
        BigInteger.valueOf(s.periodStart().getEpochSecond()), BigInteger.valueOf(s.periodEnd().getEpochSecond()),
        BigInteger.valueOf(s.kind().code()), s.value(), BigInteger.valueOf(s.availabilityBps()));
  }

  static List<byte[]> proofBytes(MerkleProof proof) {
    List<byte[]> out = new ArrayList<>();
    for (Bytes32 b : proof.siblings()) {
      out.add(b.toBytes());
    }
    return out;
  }

  static BigInteger u(long v) {
    return BigInteger.valueOf(v);
  }

  void anchor(StatementBatch b, SigningKey key) throws Exception {
    AnchorRoot m = b.anchorRoot();
    stack.anchor(RELAYER).anchor(asset, u(m.periodStart().getEpochSecond()), u(m.periodEnd().getEpochSecond()),
        m.root().toBytes(), m.sign(key, anchorDomain).toBytes()).send();
  }

  @Test
  void domainSeparatorDigestAndLeafAgreeWithSdkCore() throws Exception {
    StatementBatch b = batch(t0, t0 + 4 * 3600, 10_000, 9_000, 9_990, 5_000);
    AnchorRoot m = b.anchorRoot();
    EvidenceAnchor a = stack.anchor(0);
    assertThat(a.domainSeparator().send()).isEqualTo(anchorDomain.separator().toBytes());
    assertThat(a.anchorDigest(asset, u(t0), u(t0 + 4 * 3600), m.root().toBytes()).send())
        .isEqualTo(m.digest(anchorDomain).toBytes());
    for (SignedUsageStatement s : b.statements()) {
      assertThat(a.statementLeaf(onChain(s.statement())).send()).isEqualTo(s.statement().leafHash().toBytes());
    }
  }

  @Test
  void statementDigestIsWhatTheDeviceSignsInSdkCore() throws Exception {
    StatementBatch b = batch(t0, t0 + 2 * 3600, 9_000, 10_000);
    EvidenceAnchor a = stack.anchor(0);
    assertThat(a.usageDomainSeparator().send()).isEqualTo(usageDomain.separator().toBytes());
    for (SignedUsageStatement s : b.statements()) {
      byte[] digest = a.statementDigest(onChain(s.statement())).send();
      assertThat(digest).isEqualTo(s.statement().digest(usageDomain).toBytes());
      // the device's signature recovers to the statement's device over the contract's digest
      assertThat(s.signature().recover(Bytes32.of(digest))).isEqualTo(s.statement().device());
    }
    // another domain (the anchor-root one) gives another digest
    UsageStatement first = b.statements().get(0).statement();
    assertThat(a.statementDigest(onChain(first)).send()).isNotEqualTo(first.digest(anchorDomain).toBytes());
  }

  @Test
  void afterAChainIdChangeTheUsageDomainNamesTheNewChain() throws Exception {
    // A fork keeps the contract but not the chain id: the cached separator must not outlive it,
    // or a device signature made for the old chain would still be credited on the fork.
    try (DevChain fork = DevChain.builder().accounts(1).build(); ChainSession session = ChainSession.connect(fork)) {
      Credentials admin = ChainSession.credentials(fork.accounts().get(0));
      EvidenceAnchor a = EvidenceAnchor.deploy(session.web3j(), session.as(admin), session.gas(), admin.getAddress())
          .send();
      Address at = Address.fromHex(a.getContractAddress());
      UsageStatement s = batch(t0, t0 + 3600, 9_000).statements().get(0).statement();
      long original = fork.chainId();
      assertThat(a.usageDomainSeparator().send())
          .isEqualTo(UsageStatement.domain(original, at).separator().toBytes());

      Response<?> changed = new Request<>("anvil_setChainId", List.of(original + 7), session.service(),
          SharedChain.RawResponse.class).send();
      assertThat(changed.hasError()).as("anvil_setChainId").isFalse();

      assertThat(a.usageDomainSeparator().send())
          .isEqualTo(UsageStatement.domain(original + 7, at).separator().toBytes());
      assertThat(a.statementDigest(onChain(s)).send())
          .isEqualTo(s.digest(UsageStatement.domain(original + 7, at)).toBytes())
          .isNotEqualTo(s.digest(UsageStatement.domain(original, at)).toBytes());
    }
  }

  @Test
  void javaSignedRootIsAnchoredAndEveryJavaProofVerifiesOnChain() throws Exception {
    StatementBatch b = batch(t0, t0 + 5 * 3600, 10_000, 9_000, 9_990, 5_000, 7_500);
    anchor(b, ATTESTER);
    EvidenceAnchor a = stack.anchor(0);
    assertThat(a.rootOf(asset, ATTESTER.address().toHex(), u(t0), u(t0 + 5 * 3600)).send())
        .isEqualTo(b.root().toBytes());
    assertThat(a.coverage(asset, ATTESTER.address().toHex()).send().component2()).isEqualTo(u(t0 + 5 * 3600));
    for (SignedUsageStatement s : b.statements()) {
      MerkleProof proof = b.proof(s.statement());
      assertThat(a.verifyStatement(onChain(s.statement()), ATTESTER.address().toHex(), u(t0), u(t0 + 5 * 3600), proofBytes(proof)).send())
          .isTrue();
    }
  }

  @Test
  void tamperedStatementWrongPeriodOrUnanchoredRootDoNotVerify() throws Exception {
    StatementBatch b = batch(t0, t0 + 2 * 3600, 9_000, 8_000);
    anchor(b, ATTESTER);
    EvidenceAnchor a = stack.anchor(0);
    UsageStatement s = b.statements().get(0).statement();
    List<byte[]> proof = proofBytes(b.proof(s));
    EvidenceAnchor.UsageStatement better = onChain(s);
    better = new EvidenceAnchor.UsageStatement(better.assetId, better.device, better.periodStart,
        better.periodEnd, better.kind, better.value, u(10_000));
    assertThat(a.verifyStatement(better, ATTESTER.address().toHex(), u(t0), u(t0 + 2 * 3600), proof).send()).isFalse();
    assertThat(a.verifyStatement(onChain(s), ATTESTER.address().toHex(), u(t0), u(t0 + 3 * 3600), proof).send()).isFalse();
    assertThat(a.verifyStatement(onChain(s), ATTESTER.address().toHex(), u(t0 + 1), u(t0 + 2 * 3600), proof).send()).isFalse();
  }

  @Test
  void anAttestersRootsAreContiguousWithNeitherOverlapNorGap() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    anchor(b, ATTESTER);
    StatementBatch again = batch(t0, t0 + 3600, 8_000);
    assertAnchorReverts(again, ATTESTER.sign(again.anchorRoot().digest(anchorDomain)),
        "PeriodNotContiguous(uint64,uint64)");
    StatementBatch overlapping = batch(t0 + 1800, t0 + 7200, 8_000);
    assertAnchorReverts(overlapping, ATTESTER.sign(overlapping.anchorRoot().digest(anchorDomain)),
        "PeriodNotContiguous(uint64,uint64)");
    StatementBatch gap = batch(t0 + 7200, t0 + 10800, 8_000);
    assertAnchorReverts(gap, ATTESTER.sign(gap.anchorRoot().digest(anchorDomain)),
        "PeriodNotContiguous(uint64,uint64)");
    anchor(batch(t0 + 3600, t0 + 7200, 10_000), ATTESTER);
    assertThat(stack.anchor(0).coverage(asset, ATTESTER.address().toHex()).send().component1()).isEqualTo(u(t0));
  }

  @Test
  void anotherAttestersRootNeverBlocksTheNamedOne() throws Exception {
    stack.anchor(OWNER).setAttester(asset, OTHER_KEY.address().toHex(), true).send();
    anchor(batch(t0, t0 + 3600, 10_000), OTHER_KEY);
    StatementBatch honest = batch(t0, t0 + 3600, 2_000);
    anchor(honest, ATTESTER);
    assertThat(stack.anchor(0).rootOf(asset, ATTESTER.address().toHex(), u(t0), u(t0 + 3600)).send())
        .isEqualTo(honest.root().toBytes());
  }

  @Test
  void authorisationsBelongToTheOwnerThatMadeThemAndEndWithASale() throws Exception {
    assertThat(stack.anchor(0).isAttester(asset, ATTESTER.address().toHex()).send()).isTrue();
    stack.registry(OWNER).transferFrom(stack.address(OWNER), stack.address(STRANGER), asset).send();
    assertThat(stack.anchor(0).isAttester(asset, ATTESTER.address().toHex()).send()).isFalse();
    StatementBatch b = batch(t0, t0 + 3600, 0);
    assertAnchorReverts(b, b.anchorRoot().sign(ATTESTER, anchorDomain), "NotAttester(uint256,address)");
  }

  @Test
  void signatureOfAKeyThatIsNoAttesterIsRejected() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    assertAnchorReverts(b, b.anchorRoot().sign(OTHER_KEY, anchorDomain), "NotAttester(uint256,address)");
  }

  @Test
  void revokedAttesterCanNoLongerAnchor() throws Exception {
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), false).send();
    assertThat(stack.anchor(0).isAttester(asset, ATTESTER.address().toHex()).send()).isFalse();
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    assertAnchorReverts(b, b.anchorRoot().sign(ATTESTER, anchorDomain), "NotAttester(uint256,address)");
  }

  @Test
  void signatureMadeForAnotherChainOrContractIsRejected() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    Eip712Domain otherChain = AnchorRoot.domain(chainId + 1, Address.fromHex(stack.anchor));
    assertAnchorReverts(b, b.anchorRoot().sign(ATTESTER, otherChain), "NotAttester(uint256,address)");
    Eip712Domain otherContract = AnchorRoot.domain(chainId, Address.fromHex(stack.registry));
    assertAnchorReverts(b, b.anchorRoot().sign(ATTESTER, otherContract), "NotAttester(uint256,address)");
  }

  @Test
  void signatureForAnotherPeriodOrAssetIsRejected() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    AnchorRoot shifted = AnchorRoot.of(asset, Instant.ofEpochSecond(t0 + 3600), Instant.ofEpochSecond(t0 + 7200), b.root());
    assertAnchorReverts(b, shifted.sign(ATTESTER, anchorDomain), "NotAttester(uint256,address)");
  }

  @Test
  void highSTwinOfAValidSignatureIsRejected() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    Signature sig = b.anchorRoot().sign(ATTESTER, anchorDomain);
    BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    byte[] raw = sig.toBytes();
    System.arraycopy(Bytes32.fromUint(n.subtract(sig.s())).toBytes(), 0, raw, 32, 32);
    raw[64] = (byte) (sig.v() == 27 ? 28 : 27);
    assertAnchorRevertsRaw(b, raw, "ECDSAInvalidSignatureS(bytes32)");
  }

  @Test
  void signatureOfWrongLengthIsRejected() throws Exception {
    StatementBatch b = batch(t0, t0 + 3600, 9_000);
    assertAnchorRevertsRaw(b, new byte[64], "ECDSAInvalidSignatureLength(uint256)");
  }

  @Test
  void emptyInvertedOrFuturePeriodsAndZeroRootAreRejected() throws Exception {
    byte[] root = Bytes32.fromUint(BigInteger.ONE).toBytes();
    long now = stack.now();
    byte[] sig = new byte[65];
    stack.assertReverts(stack.anchor(RELAYER).anchor(asset, u(t0), u(t0), root, sig), stack.anchor, RELAYER,
        "InvalidPeriod(uint64,uint64)");
    stack.assertReverts(stack.anchor(RELAYER).anchor(asset, u(t0 + 10), u(t0), root, sig), stack.anchor, RELAYER,
        "InvalidPeriod(uint64,uint64)");
    stack.assertReverts(stack.anchor(RELAYER).anchor(asset, u(now), u(now + 3600), root, sig), stack.anchor, RELAYER,
        "InvalidPeriod(uint64,uint64)");
    stack.assertReverts(stack.anchor(RELAYER).anchor(asset, u(t0), u(t0 + 10), new byte[32], sig), stack.anchor,
        RELAYER, "ZeroRoot()");
  }

  @Test
  void onlyTheAssetOwnerManagesAttesters() throws Exception {
    stack.assertReverts(stack.anchor(STRANGER).setAttester(asset, OTHER_KEY.address().toHex(), true), stack.anchor,
        STRANGER, "NotAssetOwner(uint256,address)");
    stack.assertReverts(stack.anchor(OWNER).setAttester(asset, Address.ZERO.toHex(), true), stack.anchor, OWNER,
        "ZeroAttester()");
  }

  private void assertAnchorReverts(StatementBatch b, Signature sig, String error) throws Exception {
    assertAnchorRevertsRaw(b, sig.toBytes(), error);
  }

  private void assertAnchorRevertsRaw(StatementBatch b, byte[] sig, String error) throws Exception {
    AnchorRoot m = b.anchorRoot();
    stack.assertReverts(stack.anchor(RELAYER).anchor(asset, u(m.periodStart().getEpochSecond()),
        u(m.periodEnd().getEpochSecond()), m.root().toBytes(), sig), stack.anchor, RELAYER, error);
  }
}
