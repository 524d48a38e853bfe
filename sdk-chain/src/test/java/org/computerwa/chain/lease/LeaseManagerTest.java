package org.computerwa.chain.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.lease.LeaseStack.terms;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.internal.Abi;
import org.computerwa.chain.internal.Reverts;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.testcontracts.ReenteringStablecoin;
import org.computerwa.chain.internal.testcontracts.FeeOnTransferToken;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Eip712Struct;
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
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** LeaseManager on a real anvil chain: every external function, revert path and role check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaseManagerTest {
  static final int ADMIN = 0;
  static final int OWNER = 1;
  static final int LESSEE = 2;
  static final int OTHER_LESSEE = 3;
  static final int STRANGER = 4;
  static final int LENDER = 5;
  static final long RATE = 1_000; // base units per second (0.001 tUSD/s)
  static final long HOUR = 3600;
  static final String NONE = LeaseStack.NONE;
  static final SigningKey ATTESTER =
      SigningKey.fromHex("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  static final SigningKey DEVICE =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");

  LeaseStack stack;
  BigInteger asset;
  String distributor;

  @BeforeAll
  void start() throws Exception {
    stack = new LeaseStack();
    stack.fund(LESSEE, BigInteger.TEN.pow(15));
    stack.fund(OTHER_LESSEE, BigInteger.TEN.pow(15));
  }

  @BeforeEach
  void freshAsset() throws Exception {
    asset = stack.registerAsset(OWNER, 4);
    distributor = stack.issueShares(asset, LENDER, BigInteger.TEN.pow(18));
  }

  static BigInteger u(long v) {
    return BigInteger.valueOf(v);
  }

  BigInteger offer(long units, long duration, long lag) throws Exception {
    return stack.offer(OWNER, asset, units, RATE, duration, HOUR, 60, lag, NONE);
  }

  /** An offer whose evidence is ATTESTER's roots (authorised by the owner first). */
  BigInteger offerAttested(long units, long duration, long lag) throws Exception {
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
    return stack.offer(OWNER, asset, units, RATE, duration, HOUR, 60, lag, NONE, 0, ATTESTER.address().toHex());
  }

  // ------------------------------------------------------------- offer and accept

  @Test
  void acceptanceEscrowsTheFullPriceAndMakesTheLesseeTheErc4907User() throws Exception {
    BigInteger id = offer(4, 10 * HOUR, 0);
    BigInteger before = stack.balance(stack.leaseManager);
    TransactionReceipt r = stack.lm(LESSEE).accept(id).send();
    LeaseManager.Lease l = stack.lease(id);
    assertThat(l.status).isEqualTo(u(2));
    assertThat(l.escrow).isEqualTo(u(RATE * 10 * HOUR));
    assertThat(stack.balance(stack.leaseManager).subtract(before)).isEqualTo(u(RATE * 10 * HOUR));
    assertThat(l.end.subtract(l.start)).isEqualTo(u(10 * HOUR));
    assertThat(stack.registry(0).userOf(asset).send()).isEqualToIgnoringCase(stack.address(LESSEE));
    assertThat(stack.registry(0).userExpires(asset).send()).isEqualTo(l.end.subtract(BigInteger.ONE));
    assertThat(r.getGasUsed()).isLessThanOrEqualTo(u(150_000));
  }

  @Test
  void acceptanceWithAnEip2612PermitNeedsNoPriorApproval() throws Exception {
    int lessee = STRANGER;
    BigInteger price = u(RATE * HOUR);
    stack.token(lessee).mint(stack.address(lessee), price).send();
    BigInteger id = offer(1, HOUR, 0);
    long deadline = stack.now() + HOUR;
    BigInteger nonce = stack.token(0).nonces(stack.address(lessee)).send();
    Eip712Domain domain = Eip712Domain.of("Test USD", "1", stack.session.chainId(), Address.fromHex(stack.token));
    Bytes32 permit = Eip712Struct.of(
            "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
        .address(Address.fromHex(stack.address(lessee)))
        .address(Address.fromHex(stack.leaseManager))
        .uint(price)
        .uint(nonce)
        .uint(deadline)
        .hash();
    Signature sig = SigningKey.fromSecret(LeaseStack.account(lessee).getEcKeyPair().getPrivateKey()).sign(domain.digest(permit));
    stack.lm(lessee).acceptWithPermit(id, u(deadline), u(sig.v()), Bytes32.fromUint(sig.r()).toBytes(),
        Bytes32.fromUint(sig.s()).toBytes()).send();
    assertThat(stack.lease(id).status).isEqualTo(u(2));
    assertThat(stack.balance(stack.address(lessee))).isZero();
  }

  @Test
  void aStreamThatWouldTakeTheAssetBeyondItsLifetimeIncomeCapIsRefusedAtAcceptance() throws Exception {
    // the holders' rate, 12,887,847 minus the 10 % fee = 11,599,063 per second, over 1,553,090,841
    // seconds is exactly MAX_CREDITED = 2^54 - 1 = 3^4 * 7 * 19 * 73 * 87211 * 262657
    long rate = 12_887_847L;
    long duration = 1_553_090_841L;
    BigInteger cap = BigInteger.TWO.pow(54).subtract(BigInteger.ONE);
    assertThat(u(rate - rate * 1_000 / 10_000).multiply(u(duration))).isEqualTo(cap);
    int lessee = 11; // an account no other test of this class uses (it keeps an unlimited approval)
    stack.token(lessee).mint(stack.address(lessee), u(rate).multiply(u(duration)).add(u(10 * HOUR))).send();
    stack.token(lessee).approve(stack.leaseManager, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)).send();
    BigInteger atCap = stack.offer(OWNER, asset, 1, rate, duration, HOUR, 60, 0, NONE);
    stack.lm(lessee).accept(atCap).send();
    assertThat(stack.lease(atCap).status).isEqualTo(u(2));
    assertThat(stack.distributor(asset, OWNER).creditedIncome().send()).isEqualTo(cap);
    BigInteger beyond = stack.offer(OWNER, asset, 1, 10, HOUR, HOUR, 60, 0, NONE);
    stack.assertReverts(stack.lm(lessee).accept(beyond), stack.leaseManager, lessee,
        "IncomeCapExceeded(uint256,uint256)");
    assertThat(stack.lease(beyond).status).as("still offered, nothing escrowed").isEqualTo(u(1));
    assertThat(stack.distributor(asset, OWNER).creditedIncome().send()).isEqualTo(cap);
  }

  @Test
  void unitsBeyondFreeCapacityCannotBeOffered() throws Exception {
    offer(3, HOUR, 0);
    assertThat(stack.lm(0).freeCapacity(asset).send()).isEqualTo(u(1));
    stack.assertReverts(stack.lm(OWNER).offer(terms(asset, 2, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE)),
        stack.leaseManager, OWNER, "CapacityExceeded(uint256,uint256,uint256)");
  }

  @Test
  void capacityOfAnExpiredOfferOrTerminatedLeaseIsFreedAgain() throws Exception {
    offer(2, HOUR, 0);
    BigInteger leased = offer(2, 10 * HOUR, 0);
    stack.lm(LESSEE).accept(leased).send();
    assertThat(stack.lm(0).freeCapacity(asset).send()).isZero();
    stack.warp(HOUR + 1); // the unaccepted offer's window passed
    assertThat(stack.lm(0).freeCapacity(asset).send()).isEqualTo(u(2));
    stack.lm(LESSEE).terminate(leased).send();
    assertThat(stack.lm(0).freeCapacity(asset).send()).isEqualTo(u(4));
    offer(4, HOUR, 0);
    assertThat(stack.lm(0).liveLeases(asset).send()).hasSize(1);
  }

  @Test
  void offerIsRejectedForBadTermsOrFromAnyoneButTheOwner() throws Exception {
    long by = stack.now() + HOUR;
    stack.assertReverts(stack.lm(STRANGER).offer(terms(asset, 1, RATE, HOUR, by, 0, 0, NONE)), stack.leaseManager,
        STRANGER, "Unauthorized(address)");
    for (LeaseManager.OfferTerms bad : List.of(
        terms(asset, 0, RATE, HOUR, by, 0, 0, NONE),
        terms(asset, 1, 0, HOUR, by, 0, 0, NONE),
        terms(asset, 1, RATE, 0, by, 0, 0, NONE),
        terms(asset, 1, RATE, HOUR, stack.now() - 10, 0, 0, NONE),
        terms(asset, 1, 1L << 62, 1L << 39, by, 0, 0, NONE))) {  // price overflows uint96
      stack.assertReverts(stack.lm(OWNER).offer(bad), stack.leaseManager, OWNER, "InvalidTerms()");
    }
  }

  @Test
  void moreThanSixteenLiveLeasesPerAssetAreRefused() throws Exception {
    BigInteger big = stack.registerAsset(OWNER, 100);
    for (int i = 0; i < 16; i++) {
      stack.offer(OWNER, big, 1, RATE, HOUR, HOUR, 0, 0, NONE);
    }
    stack.assertReverts(stack.lm(OWNER).offer(terms(big, 1, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE)),
        stack.leaseManager, OWNER, "TooManyLiveLeases(uint256)");
  }

  @Test
  void acceptIsRejectedWhenExpiredTakenReservedForAnotherOrTheAssetChangedHands() throws Exception {
    BigInteger id = offer(1, HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    stack.assertReverts(stack.lm(OTHER_LESSEE).accept(id), stack.leaseManager, OTHER_LESSEE,
        "WrongStatus(uint256,uint8)");
    BigInteger reserved = stack.offer(OWNER, asset, 1, RATE, HOUR, HOUR, 0, 0, stack.address(LESSEE));
    stack.assertReverts(stack.lm(OTHER_LESSEE).accept(reserved), stack.leaseManager, OTHER_LESSEE,
        "Unauthorized(address)");
    BigInteger expiring = offer(1, HOUR, 0);
    stack.warp(HOUR + 1);
    stack.assertReverts(stack.lm(LESSEE).accept(expiring), stack.leaseManager, LESSEE, "OfferExpired(uint256)");
    BigInteger moved = offer(1, HOUR, 0);
    stack.registry(OWNER).transferFrom(stack.address(OWNER), stack.address(STRANGER), asset).send();
    stack.assertReverts(stack.lm(LESSEE).accept(moved), stack.leaseManager, LESSEE, "LessorChanged(uint256)");
  }

  @Test
  void offerCanBeCancelledByItsLessorOnlyWhileOpen() throws Exception {
    BigInteger id = offer(1, HOUR, 0);
    stack.assertReverts(stack.lm(STRANGER).cancelOffer(id), stack.leaseManager, STRANGER, "Unauthorized(address)");
    stack.lm(OWNER).cancelOffer(id).send();
    assertThat(stack.lease(id).status).isEqualTo(u(4));
    stack.assertReverts(stack.lm(LESSEE).accept(id), stack.leaseManager, LESSEE, "WrongStatus(uint256,uint8)");
    stack.assertReverts(stack.lm(OWNER).cancelOffer(id), stack.leaseManager, OWNER, "WrongStatus(uint256,uint8)");
  }

  // ------------------------------------------------------------- accrual and settlement

  @Test
  void incomeAccruesPerSecondAndSettlesThroughTheWaterfall() throws Exception {
    BigInteger id = offer(2, 10 * HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    BigInteger start = stack.lease(id).start;
    stack.warp(999);
    long elapsed = stack.now() - start.longValueExact();
    assertThat(stack.lm(0).accrued(id).send()).isEqualTo(u(elapsed * RATE));
    BigInteger ownerBefore = stack.lm(0).withdrawable(stack.address(OWNER)).send();
    TransactionReceipt r = stack.lm(STRANGER).settle(id).send();
    long paid = stack.lease(id).paidUntil.longValueExact() - start.longValueExact();
    long gross = paid * RATE;
    long fee = gross * LeaseStack.FEE_BPS.longValueExact() / 10_000;
    assertThat(stack.lm(0).withdrawable(stack.address(OWNER)).send().subtract(ownerBefore)).isEqualTo(u(fee));
    assertThat(stack.balance(distributor)).isEqualTo(u(gross - fee));
    assertThat(LeaseManager.getIncomeDistributedEvents(r)).hasSize(1);
    assertThat(stack.lm(0).runway(id).send().component2()).isEqualTo(u(RATE * 10 * HOUR - gross));
  }

  @Test
  void settlementWaitsForTheLagSoCreditsCanStillBeClaimed() throws Exception {
    BigInteger id = offer(1, 10 * HOUR, 2 * HOUR);
    stack.lm(LESSEE).accept(id).send();
    stack.warp(HOUR);
    stack.lm(STRANGER).settle(id).send();
    assertThat(stack.lease(id).paidUntil).isEqualTo(stack.lease(id).start);
    stack.warp(2 * HOUR);
    stack.lm(STRANGER).settle(id).send();
    assertThat(stack.lease(id).paidUntil.longValueExact()).isEqualTo(stack.now() - 2 * HOUR);
  }

  @Test
  void leaseClosesOnceFullyPaidAndLeavesNoEscrow() throws Exception {
    BigInteger id = offer(1, HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    stack.warp(HOUR + 5);
    stack.lm(STRANGER).settle(id).send();
    LeaseManager.Lease l = stack.lease(id);
    assertThat(l.status).isEqualTo(u(3));
    assertThat(l.escrow).isZero();
    assertThat(stack.lm(0).runway(id).send().component1()).isZero();
    stack.assertReverts(stack.lm(STRANGER).settle(id), stack.leaseManager, STRANGER, "WrongStatus(uint256,uint8)");
  }

  @Test
  void incomeStreamedWhileNoShareExistsIsCarriedToTheFirstHolders() throws Exception {
    asset = stack.registerAsset(OWNER, 4);
    distributor = stack.issueShares(asset, LENDER, BigInteger.ZERO);
    BigInteger id = offer(1, HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    BigInteger before = stack.lm(0).withdrawable(stack.address(OWNER)).send();
    stack.warp(100);
    stack.lm(STRANGER).settle(id).send();
    long paid = stack.lease(id).paidUntil.subtract(stack.lease(id).start).longValueExact();
    long fee = paid * RATE * LeaseStack.FEE_BPS.longValueExact() / 10_000;
    assertThat(stack.lm(0).withdrawable(stack.address(OWNER)).send().subtract(before)).isEqualTo(u(fee));
    assertThat(stack.balance(distributor)).isEqualTo(u(paid * RATE - fee));
    stack.lm(OWNER).terminate(id).send();
    // The lease may end a few seconds after the settlement on a busy machine (blocks take the
    // wall clock), so the expectation is taken from the lease's own end, not from `paid`.
    long streamed = stack.lease(id).end.subtract(stack.lease(id).start).longValueExact() * (RATE - RATE / 10);
    assertThat(streamed).isGreaterThanOrEqualTo(paid * (RATE - RATE / 10));
    BigInteger lenderBefore = stack.balance(stack.address(LENDER));
    stack.issueShares(asset, LENDER, BigInteger.TEN.pow(18));
    stack.distributor(asset, LENDER).claim().send();
    assertThat(stack.balance(distributor)).isZero();
    assertThat(stack.balance(stack.address(LENDER)).subtract(lenderBefore)).isEqualTo(u(streamed));
  }

  @Test
  void withdrawPaysTheBalanceOnceAndRefusesAnEmptyOne() throws Exception {
    BigInteger id = offer(1, HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    stack.warp(100);
    stack.lm(STRANGER).settle(id).send();
    BigInteger owed = stack.lm(0).withdrawable(stack.address(OWNER)).send();
    BigInteger before = stack.balance(stack.address(OWNER));
    stack.lm(OWNER).withdraw().send();
    assertThat(stack.balance(stack.address(OWNER)).subtract(before)).isEqualTo(owed);
    stack.assertReverts(stack.lm(OWNER).withdraw(), stack.leaseManager, OWNER, "NothingToWithdraw()");
  }

  // ------------------------------------------------------------- termination

  @Test
  void earlyTerminationRefundsTheUnusedTimeAndFreesTheUserSlot() throws Exception {
    BigInteger id = offer(2, 10 * HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    stack.warp(HOUR);
    BigInteger before = stack.lm(0).withdrawable(stack.address(LESSEE)).send();
    long oldEnd = stack.lease(id).end.longValueExact();
    TransactionReceipt r = stack.lm(LESSEE).terminate(id).send();
    long at = stack.lease(id).end.longValueExact();
    assertThat(LeaseManager.getLeaseTerminatedEvents(r).get(0).refund).isEqualTo(u((oldEnd - at) * RATE));
    assertThat(stack.lm(0).withdrawable(stack.address(LESSEE)).send().subtract(before)).isEqualTo(u((oldEnd - at) * RATE));
    assertThat(stack.registry(0).userOf(asset).send()).isEqualTo(NONE);
    assertThat(stack.lease(id).status).isEqualTo(u(3));
  }

  @Test
  void terminationHandsTheUserSlotToAnotherRunningLease() throws Exception {
    BigInteger first = offer(2, 10 * HOUR, 0);
    BigInteger second = offer(2, 5 * HOUR, 0);
    stack.lm(LESSEE).accept(first).send();
    stack.lm(OTHER_LESSEE).accept(second).send();
    assertThat(stack.registry(0).userOf(asset).send()).isEqualToIgnoringCase(stack.address(LESSEE));
    stack.lm(OWNER).terminate(first).send();
    assertThat(stack.registry(0).userOf(asset).send()).isEqualToIgnoringCase(stack.address(OTHER_LESSEE));
    assertThat(stack.registry(0).userExpires(asset).send()).isEqualTo(stack.lease(second).end.subtract(BigInteger.ONE));
  }

  @Test
  void refreshUserGivesAFreeSlotToARunningLease() throws Exception {
    BigInteger shortLease = offer(2, 100, 0);
    BigInteger longLease = offer(2, 10 * HOUR, 0);
    stack.lm(LESSEE).accept(shortLease).send();
    stack.lm(OTHER_LESSEE).accept(longLease).send();
    stack.warp(200);
    assertThat(stack.registry(0).userOf(asset).send()).isEqualTo(NONE);
    stack.lm(STRANGER).refreshUser(asset).send();
    assertThat(stack.registry(0).userOf(asset).send()).isEqualToIgnoringCase(stack.address(OTHER_LESSEE));
  }

  @Test
  void onlyThePartiesMayTerminateAndOnlyBeforeTheEnd() throws Exception {
    BigInteger id = offer(1, HOUR, HOUR);
    stack.assertReverts(stack.lm(LESSEE).terminate(id), stack.leaseManager, LESSEE, "WrongStatus(uint256,uint8)");
    stack.lm(LESSEE).accept(id).send();
    stack.assertReverts(stack.lm(STRANGER).terminate(id), stack.leaseManager, STRANGER, "Unauthorized(address)");
    stack.warp(HOUR + 1);
    stack.assertReverts(stack.lm(LESSEE).terminate(id), stack.leaseManager, LESSEE, "LeaseEnded(uint256)");
  }

  // ------------------------------------------------------------- SLA credits

  LeaseManager.UsageStatement onChain(UsageStatement s) {
    return new LeaseManager.UsageStatement(s.assetId(), s.device().toHex(),
        u(s.periodStart().getEpochSecond()), u(s.periodEnd().getEpochSecond()), u(s.kind().code()), s.value(),
        u(s.availabilityBps()));
  }

  /** Anchors hourly availability statements (bps per hour) from {@code start}; returns the batch. */
  StatementBatch anchorHours(long start, int... bps) throws Exception {
    Address anchor = Address.fromHex(stack.anchor);
    Eip712Domain usage = UsageStatement.domain(stack.session.chainId(), anchor);
    List<SignedUsageStatement> signed = new ArrayList<>();
    for (int h = 0; h < bps.length; h++) {
      signed.add(UsageStatement.builder().assetId(asset).device(DEVICE.address())
          .periodStart(Instant.ofEpochSecond(start + h * HOUR)).periodEnd(Instant.ofEpochSecond(start + (h + 1) * HOUR))
          .kind(UsageKind.AVAILABILITY).value(u(HOUR * bps[h] / 10_000)).availabilityBps(bps[h]).build()
          .sign(DEVICE, usage));
    }
    StatementBatch batch = StatementBatch.of(asset, Instant.ofEpochSecond(start),
        Instant.ofEpochSecond(start + bps.length * HOUR), signed, usage);
    stack.anchor(OWNER).setAttester(asset, ATTESTER.address().toHex(), true).send();
    AnchorRoot m = batch.anchorRoot();
    stack.anchor(STRANGER).anchor(asset, u(start), u(start + bps.length * HOUR), m.root().toBytes(),
        m.sign(ATTESTER, AnchorRoot.domain(stack.session.chainId(), anchor)).toBytes()).send();
    return batch;
  }

  /** The device signature of the batch's statement {@code index}, as the credit call carries it. */
  static byte[] sig(StatementBatch b, int index) {
    return b.statements().get(index).signature().toBytes();
  }

  List<byte[]> proof(StatementBatch b, int index) {
    List<byte[]> out = new ArrayList<>();
    b.proof(b.statements().get(index).statement()).siblings().forEach(x -> out.add(x.toBytes()));
    return out;
  }

  @Test
  void provenOutageBeyondGraceIsRefundedToTheLesseeAsItsShareOfTheAsset() throws Exception {
    BigInteger id = offerAttested(1, 10 * HOUR, 6 * HOUR); // grace 60 s
    stack.lm(LESSEE).accept(id).send();
    long start = stack.lease(id).start.longValueExact();
    stack.warp(3 * HOUR);
    StatementBatch b = anchorHours(start, 9_000, 10_000, 9_950);
    BigInteger before = stack.lm(0).withdrawable(stack.address(LESSEE)).send();
    UsageStatement outage = b.statements().get(0).statement();
    stack.lm(STRANGER).applySlaCredit(id, onChain(outage), sig(b, 0), u(start), u(start + 3 * HOUR), proof(b, 0))
        .send();
    long downtime = HOUR * 1_000 / 10_000; // 360 s
    long seconds = (downtime - 60) / 4; // one device of a 4-unit asset
    long credit = seconds * RATE;
    assertThat(stack.lm(0).withdrawable(stack.address(LESSEE)).send().subtract(before)).isEqualTo(u(credit));
    assertThat(stack.lease(id).creditedSeconds).isEqualTo(u(seconds));
    // the same statement cannot be used twice
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(outage), sig(b, 0), u(start),
        u(start + 3 * HOUR), proof(b, 0)), stack.leaseManager, STRANGER, "StatementAlreadyUsed(uint256,bytes32)");
    // 99.5 % availability: 18 s of downtime is within the 60 s grace
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(b.statements().get(2).statement()), sig(b, 2),
        u(start), u(start + 3 * HOUR), proof(b, 2)), stack.leaseManager, STRANGER, "NoCreditDue(uint256)");
    // after the lag the lessor is paid net of the credit
    stack.warp(20 * HOUR);
    stack.lm(STRANGER).settle(id).send();
    LeaseManager.Lease l = stack.lease(id);
    assertThat(l.status).isEqualTo(u(3));
    assertThat(l.creditedSeconds).isZero();
  }

  @Test
  void unprovenForgedOrAlreadySettledStatementsEarnNoCredit() throws Exception {
    BigInteger id = offerAttested(1, 10 * HOUR, 0);
    stack.lm(LESSEE).accept(id).send();
    long start = stack.lease(id).start.longValueExact();
    stack.warp(2 * HOUR);
    StatementBatch b = anchorHours(start, 5_000, 5_000);
    UsageStatement s = b.statements().get(1).statement();
    LeaseManager.UsageStatement forged = onChain(s);
    forged = new LeaseManager.UsageStatement(forged.assetId, forged.device, forged.periodStart, forged.periodEnd,
        forged.kind, forged.value, u(0));
    // lag 0: applying settles first, so the hour is already paid out
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(s), sig(b, 1), u(start), u(start + 2 * HOUR),
        proof(b, 1)),
        stack.leaseManager, STRANGER, "StatementNotApplicable(uint256)");
    BigInteger lagged = offerAttested(1, 10 * HOUR, 5 * HOUR);
    stack.lm(OTHER_LESSEE).accept(lagged).send();
    long s2 = stack.lease(lagged).start.longValueExact();
    stack.warp(HOUR);
    LeaseManager.UsageStatement unanchored = new LeaseManager.UsageStatement(asset, DEVICE.address().toHex(), u(s2),
        u(s2 + HOUR), u(0), u(0), u(0));
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(lagged, unanchored, sig(b, 0), u(s2), u(s2 + HOUR),
        List.of()),
        stack.leaseManager, STRANGER, "StatementNotProven(uint256)");
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(lagged, forged, sig(b, 1), u(start), u(start + 2 * HOUR),
        proof(b, 1)),
        stack.leaseManager, STRANGER, "StatementNotApplicable(uint256)");
  }

  @Test
  void aStatementCarryingAnotherKeysSignatureEarnsNoCredit() throws Exception {
    BigInteger id = offerAttested(1, 10 * HOUR, 6 * HOUR);
    stack.lm(LESSEE).accept(id).send();
    long start = stack.lease(id).start.longValueExact();
    stack.warp(2 * HOUR);
    StatementBatch b = anchorHours(start, 0, 10_000);
    UsageStatement outage = b.statements().get(0).statement();
    Eip712Domain usage = UsageStatement.domain(stack.session.chainId(), Address.fromHex(stack.anchor));
    // the attester signs the statement itself: proven leaf, wrong signer
    byte[] notTheDevice = ATTESTER.sign(outage.digest(usage)).toBytes();
    String revert = stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(outage), notTheDevice, u(start),
        u(start + 2 * HOUR), proof(b, 0)), stack.leaseManager, STRANGER, "NotSignedByDevice(uint256,address,address)");
    assertThat(revert.toLowerCase()).contains(DEVICE.address().toHex().substring(2).toLowerCase())
        .contains(ATTESTER.address().toHex().substring(2).toLowerCase());
    // the device's signature of another statement (hour 1) does not stand for this one
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(outage), sig(b, 1), u(start),
        u(start + 2 * HOUR), proof(b, 0)), stack.leaseManager, STRANGER, "NotSignedByDevice(uint256,address,address)");
    // 64 zero bytes and 65 zero bytes: malformed before any key is recovered
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(outage), new byte[64], u(start),
        u(start + 2 * HOUR), proof(b, 0)), stack.leaseManager, STRANGER, "ECDSAInvalidSignatureLength(uint256)");
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, onChain(outage), new byte[65], u(start),
        u(start + 2 * HOUR), proof(b, 0)), stack.leaseManager, STRANGER, "ECDSAInvalidSignature()");
    // the device's own signature is all that was missing
    stack.lm(STRANGER).applySlaCredit(id, onChain(outage), sig(b, 0), u(start), u(start + 2 * HOUR), proof(b, 0))
        .send();
    assertThat(stack.lease(id).creditedSeconds).isEqualTo(u((HOUR - 60) / 4)); // grace 60 s, one device of 4 units
  }

  // ------------------------------------------------------------- admin and adversarial tokens

  @Test
  void onlyTheAdminSetsTheOperatorFeeAndNeverAbove100Percent() throws Exception {
    stack.assertReverts(stack.lm(STRANGER).setOperatorFeeBps(u(500)), stack.leaseManager, STRANGER,
        "AccessControlUnauthorizedAccount(address,bytes32)");
    stack.assertReverts(stack.lm(ADMIN).setOperatorFeeBps(u(10_001)), stack.leaseManager, ADMIN,
        "InvalidFee(uint16)");
    stack.lm(ADMIN).setOperatorFeeBps(u(1_000)).send();
    assertThat(stack.lm(0).operatorFeeBps().send()).isEqualTo(u(1_000));
  }

  @Test
  void onlyTheAdminGrantsRoles() throws Exception {
    stack.assertReverts(stack.lm(STRANGER).grantRole(new byte[32], stack.address(STRANGER)), stack.leaseManager,
        STRANGER, "AccessControlUnauthorizedAccount(address,bytes32)");
    stack.assertReverts(stack.pledges(STRANGER).grantRole(LeaseStack.role("LEASE_MANAGER_ROLE"),
        stack.address(STRANGER)), stack.pledges, STRANGER, "AccessControlUnauthorizedAccount(address,bytes32)");
  }

  @Test
  void acceptWithAnInvalidPermitAndNoAllowanceFails() throws Exception {
    int lessee = LENDER;
    stack.token(lessee).mint(stack.address(lessee), u(RATE * HOUR)).send();
    BigInteger id = offer(1, HOUR, 0);
    stack.assertReverts(stack.lm(lessee).acceptWithPermit(id, u(stack.now() + HOUR), u(27), new byte[32],
        new byte[32]), stack.leaseManager, lessee, "ERC20InsufficientAllowance(address,uint256,uint256)");
  }

  @Test
  void deploymentWithAFeeAbove100PercentIsRejected() {
    String args = Abi.words(Abi.address(stack.registry), Abi.address(stack.anchor), Abi.address(stack.pledges),
        Abi.address(stack.token), Abi.address(stack.address(ADMIN)), Abi.uint(u(10_001)));
    Reverts.assertDeployReverts(LeaseStack.account(ADMIN), LeaseManager.BINARY, args, "InvalidFee(uint16)");
  }

  @Test
  void creditOnALeaseThatIsNotRunningIsRejected() throws Exception {
    BigInteger id = offer(1, HOUR, 0);
    LeaseManager.UsageStatement any = new LeaseManager.UsageStatement(asset, DEVICE.address().toHex(), u(1), u(2),
        u(0), u(0), u(0));
    stack.assertReverts(stack.lm(STRANGER).applySlaCredit(id, any, new byte[65], u(1), u(2), List.of()),
        stack.leaseManager,
        STRANGER, "WrongStatus(uint256,uint8)");
  }

  @Test
  void feeOnTransferTokenIsRejectedAtAcceptance() throws Exception {
    String skim = FeeOnTransferToken.deploy(stack.web3j, stack.tx(ADMIN), stack.gas).send().getContractAddress();
    LeaseStack other = new LeaseStack(skim);
    String lm = other.leaseManager;
    BigInteger otherAsset = other.registerAsset(OWNER, 4);
    FeeOnTransferToken t = FeeOnTransferToken.load(skim, stack.web3j, stack.tx(LESSEE), stack.gas);
    t.mint(stack.address(LESSEE), u(RATE * HOUR)).send();
    t.approve(lm, u(RATE * HOUR)).send();
    TransactionReceipt r =
        other.lm(OWNER).offer(terms(otherAsset, 1, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE)).send();
    BigInteger id = LeaseManager.getLeaseOfferedEvents(r).get(0).leaseId;
    other.assertReverts(other.lm(LESSEE).accept(id), lm, LESSEE, "TransferAmountMismatch(uint256,uint256)");
  }

  @Test
  void reentrantTokenCannotReenterDuringAcceptance() throws Exception {
    String reToken = ReenteringStablecoin.deploy(stack.web3j, stack.tx(ADMIN), stack.gas).send().getContractAddress();
    LeaseStack other = new LeaseStack(reToken);
    String lm = other.leaseManager;
    BigInteger otherAsset = other.registerAsset(OWNER, 4);
    ReenteringStablecoin t = ReenteringStablecoin.load(reToken, stack.web3j, stack.tx(LESSEE), stack.gas);
    t.mint(stack.address(LESSEE), u(2 * RATE * HOUR)).send();
    t.approve(lm, u(2 * RATE * HOUR)).send();
    LeaseManager owner = other.lm(OWNER);
    BigInteger first = LeaseManager.getLeaseOfferedEvents(
        owner.offer(terms(otherAsset, 1, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE)).send()).get(0).leaseId;
    BigInteger second = LeaseManager.getLeaseOfferedEvents(
        owner.offer(terms(otherAsset, 1, RATE, HOUR, stack.now() + HOUR, 0, 0, NONE)).send()).get(0).leaseId;
    t.arm(lm, org.web3j.utils.Numeric.hexStringToByteArray(other.lm(LESSEE).accept(second).encodeFunctionCall()))
        .send();
    other.lm(LESSEE).accept(first).send();
    assertThat(t.attempts().send()).isEqualTo(u(1));
    assertThat(t.successes().send()).isZero();
    assertThat(other.lm(0).leaseOf(second).send().status).isEqualTo(u(1));
  }
}
