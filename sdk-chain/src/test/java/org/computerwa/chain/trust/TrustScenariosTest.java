package org.computerwa.chain.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.internal.Abi;
import org.computerwa.chain.internal.Reverts;
import org.computerwa.chain.internal.contracts.AssetShareToken;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.lease.LeaseStack;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Keccak256;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.AnchorRoot;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The attacks of the trust model, each tried on a real anvil chain by the party with the most to
 * gain, and each failing: nobody redirects value promised to another party without its consent,
 * and withholding or reordering evidence never profits the party that controls it.
 *
 * @see FirstWaveAttacksTest attacks 1 to 8 succeeding on the contracts released before this model
 *     (the later ones came from an audit of the value flows; each failed on the contracts before its fix)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustScenariosTest {
  static final int ADMIN = 0;
  static final int OWNER = 1;
  static final int LESSEE = 2;
  static final int BUYER = 3;
  static final int ACCOMPLICE = 4; // the owner's second address
  static final int LENDER = 5;
  static final int HOLDER = 6;
  static final long RATE = 1_000; // base units per second
  static final long HOUR = 3_600;
  static final long DAY = 24 * HOUR;
  static final BigInteger SHARES = BigInteger.valueOf(1_000); // plain share counts
  static final String NONE = LeaseStack.NONE;
  static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));
  static final SigningKey OWNER_KEY = SigningKey.fromSecret(BigInteger.valueOf(0x0E4E4L));
  static final SigningKey BUYER_KEY = SigningKey.fromSecret(BigInteger.valueOf(0xB0B0L));

  LeaseStack stack;
  BigInteger asset;
  String distributor;

  @BeforeAll
  void start() throws Exception {
    stack = new LeaseStack();
    stack.fund(LESSEE, BigInteger.TEN.pow(15));
  }

  @BeforeEach
  void freshAsset() throws Exception {
    asset = stack.registerAsset(OWNER, 8);
    distributor = stack.issueShares(asset, HOLDER, SHARES);
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
  }

  static BigInteger u(long v) {
    return BigInteger.valueOf(v);
  }

  long holderRate() {
    return RATE - RATE * LeaseStack.FEE_BPS.longValueExact() / 10_000;
  }

  BigInteger accepted(long units, long duration, long lag, long grace, long minTerm, String attester)
      throws Exception {
    BigInteger id = stack.offer(OWNER, asset, units, RATE, duration, HOUR, grace, lag, NONE, minTerm, attester);
    stack.lm(LESSEE).accept(id).send();
    return id;
  }

  long start(BigInteger id) throws Exception {
    return stack.lease(id).start.longValueExact();
  }

  BigInteger withdrawable(int account) throws Exception {
    return stack.lm(0).withdrawable(stack.address(account)).send();
  }

  UsageStatement statement(SigningKey device, long from, long to, int bps) {
    return UsageStatement.builder().assetId(asset).device(device.address())
        .periodStart(Instant.ofEpochSecond(from)).periodEnd(Instant.ofEpochSecond(to))
        .kind(UsageKind.AVAILABILITY).value(u((to - from) * bps / 10_000)).availabilityBps(bps).build();
  }

  /** Anchors the statements as one root over [from, to) signed by {@code attester}. */
  StatementBatch anchor(SigningKey attester, long from, long to, List<UsageStatement> statements) throws Exception {
    Address anchor = Address.fromHex(stack.anchor);
    Eip712Domain usage = UsageStatement.domain(stack.session.chainId(), anchor);
    List<SignedUsageStatement> signed = new ArrayList<>();
    for (UsageStatement s : statements) {
      signed.add(s.sign(deviceOf(s), usage));
    }
    StatementBatch batch = StatementBatch.of(asset, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), signed, usage);
    AnchorRoot m = batch.anchorRoot();
    stack.anchor(LESSEE).anchor(asset, u(from), u(to), m.root().toBytes(),
        m.sign(attester, AnchorRoot.domain(stack.session.chainId(), anchor)).toBytes()).send();
    return batch;
  }

  static SigningKey device(int i) {
    return SigningKey.fromSecret(BigInteger.valueOf(0xD000L + i));
  }

  static SigningKey deviceOf(UsageStatement s) {
    for (int i = 0; i < 16; i++) {
      if (device(i).address().equals(s.device())) {
        return device(i);
      }
    }
    throw new IllegalArgumentException("unknown device " + s.device());
  }

  LeaseManager.UsageStatement onChain(UsageStatement s) {
    return new LeaseManager.UsageStatement(s.assetId(), s.device().toHex(), u(s.periodStart().getEpochSecond()),
        u(s.periodEnd().getEpochSecond()), u(s.kind().code()), s.value(), u(s.availabilityBps()));
  }

  /** The device signature the batch holds for {@code s}. */
  static byte[] signatureOf(StatementBatch b, UsageStatement s) {
    return b.statements().stream().filter(x -> x.statement().equals(s)).findFirst().orElseThrow()
        .signature().toBytes();
  }

  TransactionReceipt credit(int caller, BigInteger lease, StatementBatch b, UsageStatement s) throws Exception {
    List<byte[]> proof = new ArrayList<>();
    b.proof(s).siblings().forEach(x -> proof.add(x.toBytes()));
    return stack.lm(caller).applySlaCredit(lease, onChain(s), signatureOf(b, s),
        u(b.anchorRoot().periodStart().getEpochSecond()),
        u(b.anchorRoot().periodEnd().getEpochSecond()), proof).send();
  }

  void assertCreditReverts(BigInteger lease, StatementBatch b, UsageStatement s, String error) {
    List<byte[]> proof = new ArrayList<>();
    b.proof(s).siblings().forEach(x -> proof.add(x.toBytes()));
    stack.assertReverts(stack.lm(OWNER).applySlaCredit(lease, onChain(s), signatureOf(b, s),
        u(b.anchorRoot().periodStart().getEpochSecond()), u(b.anchorRoot().periodEnd().getEpochSecond()), proof),
        stack.leaseManager, OWNER, error);
  }

  // ------------------------------------------------------------------ 1

  @Test
  @DisplayName("1. A sham pledge to the owner's second address cannot default at once nor take the holders' income")
  void shamPledgeNeitherDefaultsAtOnceNorTakesTheHoldersIncome() throws Exception {
    BigInteger lease = accepted(8, 30 * DAY, 0, 0, 0, NONE);
    BigInteger max = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    long due = stack.now() + DAY;
    stack.pledges(OWNER).pledge(asset, stack.address(ACCOMPLICE), max, u(due)).send();
    stack.pledges(ACCOMPLICE).acceptPledge(asset, max, u(due)).send();
    stack.assertReverts(stack.pledges(ACCOMPLICE).declareDefault(asset), stack.pledges, ACCOMPLICE,
        "NotYetDue(uint256,uint40)");
    stack.warp(DAY + 1);
    stack.pledges(ACCOMPLICE).declareDefault(asset).send();
    stack.lm(BUYER).settle(lease).send();
    BigInteger holdersBefore = stack.balance(distributor);
    BigInteger accompliceBefore = withdrawable(ACCOMPLICE);
    stack.warp(7 * DAY);
    TransactionReceipt r = stack.lm(BUYER).settle(lease).send();
    long seconds = LeaseManager.getLeaseSettledEvents(r).get(0).gross.longValueExact() / RATE;
    assertThat(stack.balance(distributor).subtract(holdersBefore)).isEqualTo(u(seconds * holderRate()));
    assertThat(withdrawable(ACCOMPLICE).subtract(accompliceBefore)).isEqualTo(u(seconds * (RATE - holderRate())));
    // the lessee's escrow is untouched: exactly the unpaid time
    LeaseManager.Lease l = stack.lease(lease);
    assertThat(l.escrow).isEqualTo(l.end.subtract(l.paidUntil).multiply(u(RATE)));
  }

  // ------------------------------------------------------------------ 2

  @Test
  @DisplayName("2. Applying a later, barely-credited statement first does not block an earlier outage")
  void creditsAreTrackedPerStatementNotByACursor() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(2 * HOUR);
    UsageStatement outage = statement(device(0), t, t + HOUR, 0);
    UsageStatement blip = statement(device(0), t + HOUR, t + 2 * HOUR, 9_970); // 10.8 s down: 1 s of credit
    StatementBatch b = anchor(ATTESTER, t, t + 2 * HOUR, List.of(outage, blip));
    credit(OWNER, lease, b, blip); // the lessor front-runs with the later statement
    BigInteger before = withdrawable(LESSEE);
    TransactionReceipt r = credit(LESSEE, lease, b, outage);
    assertThat(LeaseManager.getSlaCreditAppliedEvents(r).get(0).credit).isEqualTo(u(HOUR / 8 * RATE));
    assertThat(withdrawable(LESSEE).subtract(before)).isEqualTo(u(HOUR / 8 * RATE));
    assertCreditReverts(lease, b, outage, "StatementAlreadyUsed(uint256,bytes32)");
  }

  @Test
  @DisplayName("2b. A lessee whose attester anchors overlapping statements gets each second of downtime credited once")
  void overlappingStatementsAreCreditedOnceInAnyOrder() throws Exception {
    BigInteger inOrder = accepted(4, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    BigInteger reversed = accepted(4, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    long t = Math.max(start(inOrder), start(reversed));
    stack.warp(3 * HOUR);
    // the attester colludes with the lessee: one outage hour of device 0, restated three ways
    UsageStatement outage = statement(device(0), t, t + HOUR, 0);
    UsageStatement overlapping = statement(device(0), t + HOUR / 2, t + 3 * HOUR / 2, 0);
    UsageStatement stale = statement(device(0), t, t + HOUR / 2, 0);
    UsageStatement otherDevice = statement(device(1), t, t + HOUR, 0);
    StatementBatch b = anchor(ATTESTER, t, t + 2 * HOUR, List.of(outage, overlapping, stale, otherDevice));
    long hourCredit = HOUR / 8 * RATE;

    BigInteger before = withdrawable(LESSEE);
    credit(LESSEE, inOrder, b, outage);
    assertCreditReverts(inOrder, b, overlapping, "StatementOverlapsCredited(uint256,address,uint64,uint64)");
    assertCreditReverts(inOrder, b, stale, "StatementOverlapsCredited(uint256,address,uint64,uint64)");
    credit(LESSEE, inOrder, b, otherDevice); // another device's hour is other downtime
    assertThat(withdrawable(LESSEE).subtract(before)).isEqualTo(u(2 * hourCredit));

    // the other order: the later statement first; the earlier outage overlaps it, the stale half does not
    before = withdrawable(LESSEE);
    credit(LESSEE, reversed, b, overlapping);
    assertCreditReverts(reversed, b, outage, "StatementOverlapsCredited(uint256,address,uint64,uint64)");
    credit(LESSEE, reversed, b, stale);
    assertThat(withdrawable(LESSEE).subtract(before)).isEqualTo(u(hourCredit + hourCredit / 2));
    assertThat(stack.lease(reversed).creditedSeconds).isEqualTo(u(HOUR / 8 + HOUR / 16));
  }

  // ------------------------------------------------------------------ 3

  @Test
  @DisplayName("3. A statement credits a lease its share of the asset, whichever device it names")
  void statementsAreBoundToTheLeasedShareOfTheAsset() throws Exception {
    BigInteger lease = accepted(1, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(2 * HOUR);
    List<UsageStatement> devices = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      devices.add(statement(device(i), t, t + HOUR, i == 7 ? 0 : 10_000));
    }
    StatementBatch b = anchor(ATTESTER, t, t + HOUR, devices);
    // the lessor's best device proves nothing and blocks nothing
    assertCreditReverts(lease, b, devices.get(0), "NoCreditDue(uint256)");
    // the lessee's worst device is worth 1/8 of the hour, not the whole lease rate
    TransactionReceipt r = credit(LESSEE, lease, b, devices.get(7));
    assertThat(LeaseManager.getSlaCreditAppliedEvents(r).get(0).credit).isEqualTo(u(HOUR / 8 * RATE));
  }

  // ------------------------------------------------------------------ 4

  @Test
  @DisplayName("4a. Revoking the lease's attester mid-lease refunds the unproven time to the lessee")
  void revokingTheAttesterMidLeaseRefundsTheLessee() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(HOUR);
    anchor(ATTESTER, t, t + HOUR, List.of(statement(device(0), t, t + HOUR, 10_000)));
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), false).send();
    stack.warp(4 * HOUR);
    BigInteger owner = withdrawable(OWNER);
    BigInteger lessee = withdrawable(LESSEE);
    TransactionReceipt r = stack.lm(BUYER).settle(lease).send();
    long paidTo = stack.lease(lease).paidUntil.longValueExact();
    long missing = paidTo - (t + HOUR);
    assertThat(LeaseManager.getEvidenceMissingEvents(r).get(0).missingSeconds).isEqualTo(u(missing));
    // the owner earns only the covered hour; the lessee gets back at least the owner's side of the rest
    assertThat(withdrawable(OWNER).subtract(owner)).isEqualTo(u(HOUR * (RATE - holderRate())));
    assertThat(withdrawable(LESSEE).subtract(lessee)).isGreaterThanOrEqualTo(u(missing * (RATE - holderRate())));
    assertThat(withdrawable(LESSEE).subtract(lessee)).isEqualTo(u(missing * RATE)); // stream had room
  }

  @Test
  @DisplayName("4b. A root anchored first by an owner-held key does not block the lease's attester")
  void anOwnerHeldKeyCannotPreemptTheLeasesAttester() throws Exception {
    stack.anchor(OWNER).setAttester(asset, OWNER_KEY.address().toHex(), true).send();
    BigInteger lease = accepted(8, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(2 * HOUR);
    UsageStatement clean = statement(device(0), t, t + HOUR, 10_000);
    StatementBatch fake = anchor(OWNER_KEY, t, t + HOUR, List.of(clean, statement(device(1), t, t + HOUR, 10_000)));
    UsageStatement honest = statement(device(0), t, t + HOUR, 0);
    StatementBatch real = anchor(ATTESTER, t, t + HOUR, List.of(honest, statement(device(1), t, t + HOUR, 10_000)));
    // the owner's key's root is not the lease's evidence
    assertCreditReverts(lease, fake, clean, "StatementNotProven(uint256)");
    TransactionReceipt r = credit(LESSEE, lease, real, honest);
    assertThat(LeaseManager.getSlaCreditAppliedEvents(r).get(0).credit).isEqualTo(u(HOUR / 8 * RATE));
  }

  @Test
  @DisplayName("4c. Withholding a root past the settlement lag and then settling refunds the time")
  void withholdingEvidencePastTheLagRefundsTheLessee() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, HOUR, 0, 0, ATTESTER.address().toHex());
    stack.warp(3 * HOUR);
    BigInteger owner = withdrawable(OWNER);
    BigInteger lessee = withdrawable(LESSEE);
    TransactionReceipt r = stack.lm(OWNER).settle(lease).send();
    long missing = stack.lease(lease).paidUntil.longValueExact() - start(lease);
    assertThat(missing).isGreaterThanOrEqualTo(2 * HOUR);
    assertThat(LeaseManager.getEvidenceMissingEvents(r).get(0).missingSeconds).isEqualTo(u(missing));
    assertThat(withdrawable(OWNER)).isEqualTo(owner);
    assertThat(withdrawable(LESSEE).subtract(lessee)).isEqualTo(u(missing * RATE));
  }

  @Test
  @DisplayName("4d. A seller's attester key loses its authority with the sale")
  void aSellersKeyCannotAnchorAgainstTheBuyersLeases() throws Exception {
    stack.registry(OWNER).transferFrom(stack.address(OWNER), stack.address(BUYER), asset).send();
    assertThat(stack.anchor(0).isAttester(asset, ATTESTER.address().toHex()).send()).isFalse();
    stack.anchor(BUYER).setAttester(asset, BUYER_KEY.address().toHex(), true).send();
    BigInteger lease = stack.offer(BUYER, asset, 8, RATE, 10 * HOUR, HOUR, 0, 6 * HOUR, NONE, 0,
        BUYER_KEY.address().toHex());
    stack.lm(LESSEE).accept(lease).send();
    long t = start(lease);
    stack.warp(2 * HOUR);
    UsageStatement zero = statement(device(0), t, t + HOUR, 0);
    assertThatThrownBy(() -> anchor(ATTESTER, t, t + HOUR, List.of(zero)));
    assertThat(stack.anchor(0).coverage(asset, ATTESTER.address().toHex()).send().component2()).isZero();
    // and an attester not authorised by the current owner cannot be named in a new offer
    stack.assertReverts(stack.lm(BUYER).offer(LeaseStack.terms(asset, 1, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE,
        0, ATTESTER.address().toHex())), stack.leaseManager, BUYER, "AttesterNotAuthorized(uint256,address)");
  }

  // ------------------------------------------------------------------ 5

  @Test
  @DisplayName("5. A front-run re-proposal cannot change the pledge terms the lender accepts")
  void acceptanceBindsThePledgeTerms() throws Exception {
    long due = stack.now() + DAY;
    BigInteger debt = u(5_000_000);
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), debt, u(due)).send();
    // the owner front-runs the lender's acceptance
    stack.pledges(OWNER).cancelPledge(asset).send();
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), BigInteger.ONE, u(due)).send();
    stack.assertReverts(stack.pledges(LENDER).acceptPledge(asset, debt, u(due)), stack.pledges, LENDER,
        "TermsMismatch(uint256,uint128,uint40)");
    assertThat(stack.pledges(0).pledgeOf(asset).send().accepted).isFalse();
  }

  // ------------------------------------------------------------------ 6

  @Test
  @DisplayName("6a. No admin role change can freeze settlement, termination or refunds")
  void noRoleChangeFreezesEscrow() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, 0, 0, 0, NONE);
    // the lease manager is bound once; neither registry can be re-pointed
    stack.assertReverts(stack.registry(ADMIN).bindLeaseManager(stack.address(ADMIN)), stack.registry, ADMIN,
        "LeaseManagerLocked()");
    stack.assertReverts(stack.pledges(ADMIN).bindLeaseManager(stack.address(ADMIN)), stack.pledges, ADMIN,
        "LeaseManagerLocked()");
    // roles that used to gate the lease manager mean nothing now
    byte[] oldRole = Keccak256.hashUtf8("LEASE_MANAGER_ROLE").toBytes();
    stack.registry(ADMIN).revokeRole(oldRole, stack.leaseManager).send();
    stack.pledges(ADMIN).revokeRole(oldRole, stack.leaseManager).send();
    stack.warp(HOUR);
    assertThat(stack.lm(BUYER).settle(lease).send().isStatusOK()).isTrue();
    BigInteger before = withdrawable(LESSEE);
    stack.lm(LESSEE).terminate(lease).send();
    assertThat(withdrawable(LESSEE)).isGreaterThan(before);
    stack.lm(LESSEE).withdraw().send();
  }

  @Test
  @DisplayName("6b. A fee change never touches the split of rent already offered")
  void theFeeIsFixedAtOffer() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, 0, 0, 0, NONE);
    stack.lm(ADMIN).setOperatorFeeBps(u(10_000)).send();
    try {
      stack.warp(HOUR);
      BigInteger holders = stack.balance(distributor);
      TransactionReceipt r = stack.lm(BUYER).settle(lease).send();
      long seconds = LeaseManager.getLeaseSettledEvents(r).get(0).gross.longValueExact() / RATE;
      assertThat(stack.balance(distributor).subtract(holders)).isEqualTo(u(seconds * holderRate()));
    } finally {
      stack.lm(ADMIN).setOperatorFeeBps(LeaseStack.FEE_BPS).send();
    }
  }

  @Test
  @DisplayName("6c. The issuer burns shares only as an evented compliance action with a reason")
  void burnsAreEventedComplianceActions() throws Exception {
    AssetShareToken shares = stack.shares(asset, ADMIN);
    byte[] reason = Keccak256.hashUtf8("sanctions list 2026-11").toBytes();
    stack.assertReverts(shares.complianceBurn(stack.address(HOLDER), BigInteger.ONE, new byte[32]),
        shares.getContractAddress(), ADMIN, "MissingReason()");
    TransactionReceipt r = shares.complianceBurn(stack.address(HOLDER), BigInteger.TEN, reason).send();
    AssetShareToken.ComplianceBurnEventResponse e = AssetShareToken.getComplianceBurnEvents(r).get(0);
    assertThat(e.reason).isEqualTo(reason);
    assertThat(e.amount).isEqualTo(BigInteger.TEN);
    assertThat(e.issuer).isEqualToIgnoringCase(stack.address(ADMIN));
    String plainBurn = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("burn",
        List.of(new org.web3j.abi.datatypes.Address(stack.address(HOLDER)),
            new org.web3j.abi.datatypes.generated.Uint256(BigInteger.ONE)), List.of()));
    assertThat(stack.session.send(LeaseStack.account(ADMIN), shares.getContractAddress(), plainBurn).isStatusOK())
        .isFalse();
  }

  @Test
  @DisplayName("6e. The issuer cannot dilute the holders: once shares exist the supply is fixed")
  void theIssuerCannotDiluteTheHolders() throws Exception {
    AssetShareToken shares = stack.shares(asset, ADMIN);
    org.computerwa.chain.internal.contracts.ComplianceRegistry.load(stack.compliance, stack.web3j, stack.tx(ADMIN), stack.gas)
        .setVerified(stack.address(ACCOMPLICE), true).send();
    // The first-wave attack: the issuer mints itself (or an accomplice) a second supply and takes
    // half of all future income. The open mint is gone, and a second issue is refused.
    String mint = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("mint",
        List.of(new org.web3j.abi.datatypes.Address(stack.address(ACCOMPLICE)),
            new org.web3j.abi.datatypes.generated.Uint256(SHARES)), List.of()));
    assertThat(stack.session.send(LeaseStack.account(ADMIN), shares.getContractAddress(), mint).isStatusOK())
        .isFalse();
    stack.assertReverts(shares.issue(List.of(stack.address(ACCOMPLICE)), List.of(SHARES)),
        shares.getContractAddress(), ADMIN, "SupplyFixed(uint256)");
    assertThat(shares.totalSupply().send()).isEqualTo(SHARES);
    assertThat(shares.balanceOf(stack.address(ACCOMPLICE)).send()).isZero();
    assertThat(stack.distributor(asset, ADMIN).totalShares().send()).isEqualTo(SHARES);
  }

  @Test
  @DisplayName("6d. Debt and payout tokens other than the payment token are refused")
  void foreignDebtAndPayoutTokensAreRefused() throws Exception {
    LeaseStack other = new LeaseStack();
    String mismatchedPledges = Abi.words(Abi.address(stack.registry), Abi.address(stack.anchor),
        Abi.address(other.pledges), Abi.address(stack.token), Abi.address(stack.address(ADMIN)), Abi.uint(u(0)));
    Reverts.assertDeployReverts(LeaseStack.account(ADMIN), LeaseManager.BINARY, mismatchedPledges,
        "DebtTokenMismatch(address)");
    String foreignManager = LeaseManager.deploy(stack.web3j, stack.tx(ADMIN), stack.gas, other.registry, other.anchor,
        NONE, stack.token, stack.address(ADMIN), u(0)).send().getContractAddress();
    BigInteger otherAsset = other.registerAsset(OWNER, 4);
    stack.assertReverts(stack.lm(foreignManager, OWNER).offer(LeaseStack.terms(otherAsset, 1, RATE, HOUR,
        stack.now() + HOUR, 0, 0, NONE)), foreignManager, OWNER, "SharesNotPayable(uint256)");
  }

  // ------------------------------------------------------------------ 7

  @Test
  @DisplayName("7. Accepting and terminating at once is no free option: the minimum term is paid")
  void aLesseeCannotWalkAwayInsideItsMinimumTerm() throws Exception {
    BigInteger committed = accepted(4, 10 * HOUR, 0, 0, 10 * HOUR, NONE);
    stack.assertReverts(stack.lm(LESSEE).terminate(committed), stack.leaseManager, LESSEE, "LeaseEnded(uint256)");
    BigInteger partly = accepted(4, 10 * HOUR, 0, 0, HOUR, NONE);
    TransactionReceipt r = stack.lm(LESSEE).terminate(partly).send();
    LeaseManager.LeaseTerminatedEventResponse e = LeaseManager.getLeaseTerminatedEvents(r).get(0);
    assertThat(e.end.longValueExact()).isEqualTo(start(partly) + HOUR);
    assertThat(e.refund).isEqualTo(u(9 * HOUR * RATE));
    assertThat(stack.lease(partly).status).isEqualTo(u(2)); // runs to the end of the minimum term
  }

  // ------------------------------------------------------------------ 8

  @Test
  @DisplayName("8. Buying shares just before a settlement earns nothing for the time before the purchase")
  void incomeStreamsByTimeNotBySettlement() throws Exception {
    BigInteger lease = accepted(8, 30 * DAY, 0, 0, 0, NONE);
    stack.warp(14 * DAY);
    stack.session.send(LeaseStack.account(ADMIN), stack.compliance,
        org.computerwa.chain.internal.contracts.ComplianceRegistry.load(stack.compliance, stack.web3j, stack.tx(0),
            stack.gas).setVerified(stack.address(BUYER), true).encodeFunctionCall());
    AssetShareToken asHolder = stack.shares(asset, HOLDER);
    asHolder.transfer(stack.address(BUYER), SHARES.divide(u(2))).send(); // the buyer buys half
    long bought = stack.now();
    stack.lm(BUYER).settle(lease).send(); // two weeks of rent reach the distributor
    stack.shares(asset, BUYER).transfer(stack.address(HOLDER), SHARES.divide(u(2))).send(); // and sells
    long sold = stack.now();
    AssetShareToken d = stack.distributor(asset, 0);
    // Plain share counts are not multiples of the correction unit (2^18 points per share), so
    // each of the two moves costs its sides less than 2^-110 base units (the contract's stated
    // transfer dust, kept in the contract); a claim pays whole units, so an entitlement that was
    // a whole number can show one unit less until the next credit. Exact otherwise.
    BigInteger buyer = d.withdrawableOf(stack.address(BUYER)).send();
    assertThat(buyer).isBetween(u((sold - bought) * holderRate() / 2 - 1), u((sold - bought) * holderRate() / 2));
    BigInteger holder = d.withdrawableOf(stack.address(HOLDER)).send();
    long streamed = stack.now() - start(lease);
    assertThat(holder.add(buyer)).isBetween(u(streamed * holderRate() - 2), u(streamed * holderRate()));
  }

  // ------------------------------------------------------------------ 9, 10: the holders' stream stays funded

  /** Makes {@code asset} a fresh asset of {@code capacity} units with the holder's shares and the attester. */
  void freshAsset(long capacity) throws Exception {
    asset = stack.registerAsset(OWNER, capacity);
    distributor = stack.issueShares(asset, HOLDER, SHARES);
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
  }

  /**
   * The asset's only holder is owed no more than its distributor holds, and one claim pays all of
   * it: nothing the holder was promised is left unfunded, nothing is stranded.
   */
  void assertTheHolderIsFundedAndPaid() throws Exception {
    AssetShareToken d = stack.distributor(asset, HOLDER);
    BigInteger held = stack.balance(distributor);
    BigInteger owed = d.withdrawableOf(stack.address(HOLDER)).send();
    assertThat(owed).as("owed to the holder, against %s held", held).isLessThanOrEqualTo(held);
    TransactionReceipt r = d.claim().send();
    assertThat(AssetShareToken.getClaimedEvents(r).get(0).amount).as("claimed").isEqualTo(owed);
    assertThat(d.withdrawableOf(stack.address(HOLDER)).send()).as("still owed after the claim").isZero();
    assertThat(stack.balance(distributor)).as("left in the distributor").isLessThanOrEqualTo(BigInteger.ONE);
  }

  @Test
  @DisplayName("9. A lessee's SLA credit the holders' stream can no longer take back is not promised to the holders unfunded")
  void aCreditBeyondTheStreamsRemainderStaysFundedForTheHolders() throws Exception {
    freshAsset(1); // one unit: a statement credits all of its downtime
    BigInteger lease = accepted(1, 10 * HOUR, 6 * HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(9 * HOUR);
    // The attester's first root comes three hours late, so [t, t + 3 h) is missing evidence, and
    // it proves six hours of outage after that. The credit's own settlement finds the missing
    // hours first and takes their holders' part back from the stream's remainder, which then
    // cannot also give back the holders' part of the outage.
    UsageStatement outage = statement(device(0), t + 3 * HOUR + 600, t + 9 * HOUR, 0);
    StatementBatch b = anchor(ATTESTER, t + 3 * HOUR, t + 9 * HOUR,
        List.of(outage, statement(device(1), t + 3 * HOUR, t + 9 * HOUR, 10_000)));
    TransactionReceipt r = credit(LESSEE, lease, b, outage);
    assertThat(LeaseManager.getEvidenceMissingEvents(r)).as("missing evidence found first").hasSize(1);
    List<AssetShareToken.StreamDebitedEventResponse> debits = AssetShareToken.getStreamDebitedEvents(r);
    BigInteger taken = debits.get(debits.size() - 1).amount;
    long creditSeconds = 6 * HOUR - 600;
    BigInteger holdersPart = u(creditSeconds * holderRate());
    assertThat(taken).as("what the stream could still take back").isLessThan(holdersPart);
    BigInteger left = holdersPart.subtract(taken);
    // the rest of the holders' part stays with the holders, paid in now; the lessee gets the rest of the credit
    assertThat(LeaseManager.getSlaCreditAppliedEvents(r).get(0).credit).isEqualTo(u(creditSeconds * RATE).subtract(left));
    List<LeaseManager.IncomeDistributedEventResponse> income = LeaseManager.getIncomeDistributedEvents(r);
    assertThat(income.get(income.size() - 1).toHolders).isEqualTo(left);
    stack.warp(HOUR);
    anchor(ATTESTER, t + 9 * HOUR, t + 10 * HOUR, List.of(statement(device(0), t + 9 * HOUR, t + 10 * HOUR, 10_000)));
    stack.warp(6 * HOUR);
    stack.lm(BUYER).settle(lease).send();
    assertThat(stack.lease(lease).status).as("closed").isEqualTo(u(3));
    assertTheHolderIsFundedAndPaid();
  }

  @Test
  @DisplayName("10. A lessee that settles a long gap of missing evidence and then terminates is not refunded the holders' part twice")
  void terminatingAfterMissingEvidenceDoesNotRefundTheHoldersPartTwice() throws Exception {
    BigInteger lease = accepted(8, 10 * HOUR, HOUR, 0, 0, ATTESTER.address().toHex());
    long t = start(lease);
    stack.warp(9 * HOUR); // the attester anchors nothing
    // Eight hours are missing evidence. Their holders' part has streamed, so the refund takes it
    // back from the two hours the stream has still to pay ...
    TransactionReceipt settled = stack.lm(LESSEE).settle(lease).send();
    assertThat(AssetShareToken.getStreamDebitedEvents(settled)).hasSize(1);
    // ... and the lessee's termination cuts off the last of them.
    TransactionReceipt r = stack.lm(LESSEE).terminate(lease).send();
    LeaseManager.LeaseTerminatedEventResponse e = LeaseManager.getLeaseTerminatedEvents(r).get(0);
    long cut = t + 10 * HOUR - e.end.longValueExact();
    assertThat(cut).isPositive();
    // the holders' part of the cut-off time refunded missing evidence already: only the owner's side comes back
    assertThat(e.refund).isEqualTo(u(cut * (RATE - holderRate())));
    List<LeaseManager.IncomeDistributedEventResponse> income = LeaseManager.getIncomeDistributedEvents(r);
    assertThat(income.get(income.size() - 1).toHolders).isEqualTo(u(cut * holderRate()));
    stack.warp(2 * HOUR);
    stack.lm(BUYER).settle(lease).send();
    assertThat(stack.lease(lease).status).as("closed").isEqualTo(u(3));
    assertTheHolderIsFundedAndPaid();
  }

  // ------------------------------------------------------------------ 11

  @Test
  @DisplayName("11. A seller's pledge proposal dies with the sale: its lender cannot accept it against the buyer's income")
  void aSellersPledgeProposalCannotBeAcceptedAfterTheSale() throws Exception {
    BigInteger max = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    long due = stack.now() + HOUR;
    stack.pledges(OWNER).pledge(asset, stack.address(ACCOMPLICE), max, u(due)).send();
    stack.registry(OWNER).transferFrom(stack.address(OWNER), stack.address(BUYER), asset).send();
    // the seller's accomplice accepts right after the sale, before the buyer can withdraw the proposal
    String revert = stack.assertReverts(stack.pledges(ACCOMPLICE).acceptPledge(asset, max, u(due)), stack.pledges,
        ACCOMPLICE, "ProposerNotOwner(uint256,address,address)");
    assertThat(revert.toLowerCase()).contains(stack.address(OWNER).substring(2).toLowerCase())
        .contains(stack.address(BUYER).substring(2).toLowerCase());
    assertThat(stack.pledges(0).pledgeOf(asset).send().accepted).isFalse();
    // the buyer withdraws the stale proposal and pledges its income on its own terms
    stack.pledges(BUYER).cancelPledge(asset).send();
    BigInteger debt = u(5_000_000);
    stack.pledges(BUYER).pledge(asset, stack.address(LENDER), debt, u(due)).send();
    stack.pledges(LENDER).acceptPledge(asset, debt, u(due)).send();
    assertThat(stack.pledges(0).pledgeOf(asset).send().accepted).isTrue();
  }
}
