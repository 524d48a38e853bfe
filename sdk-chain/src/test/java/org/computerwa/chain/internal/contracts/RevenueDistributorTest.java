package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.chain.internal.testcontracts.FeeOnTransferToken;
import org.computerwa.chain.internal.testcontracts.HookedPayoutToken;
import org.computerwa.chain.internal.testcontracts.ReentrantClaimer;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class RevenueDistributorTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private static final BigInteger SHARE = BigInteger.TEN.pow(18);
  private static final BigInteger TWO_128 = BigInteger.TWO.pow(128);
  private final ChainSession session = SharedChain.session();
  private final Credentials admin = SharedChain.account(0);
  private final Credentials alice = SharedChain.account(8);
  private final Credentials bob = SharedChain.account(9);
  private final Credentials carol = SharedChain.account(10);

  private static BigInteger shares(long n) {
    return SHARE.multiply(BigInteger.valueOf(n));
  }

  private static BigInteger units(long n) {
    return BigInteger.valueOf(n);
  }

  private ShareStack stack() {
    ShareStack stack = ShareStack.deploy(session, admin);
    stack.verify(List.of(alice.getAddress(), bob.getAddress(), carol.getAddress()));
    return stack;
  }

  private TestStablecoin coin(ShareStack stack) {
    return TestStablecoin.load(stack.payoutToken(), session.web3j(), session.as(admin), session.gas());
  }

  private void deposit(ShareStack stack, BigInteger amount) {
    TestStablecoin coin = coin(stack);
    call(coin.mint(admin.getAddress(), amount));
    call(coin.approve(stack.distributor().getContractAddress(), amount));
    call(stack.distributor().deposit(amount));
  }

  private BigInteger withdrawable(ShareStack stack, Credentials who) {
    return call(stack.distributor().withdrawableOf(who.getAddress()));
  }

  @Test
  void namesItsPayoutTokenAndShareToken() {
    ShareStack stack = stack();
    AssetShareToken d = stack.distributor();
    assertThat(call(d.payoutToken())).isEqualToIgnoringCase(stack.payoutToken());
    assertThat(call(d.shareToken())).isEqualToIgnoringCase(stack.shares().getContractAddress());
    assertThat(call(d.MAGNITUDE())).isEqualTo(TWO_128);
    assertThat(call(d.pointsPerShare())).isZero();
    assertThat(call(d.totalShares())).isZero();
    assertThat(call(d.excessPoints())).isZero();
  }

  @Test
  void theUnitTheRegistrationSeedsIsNoHoldersIncome() {
    ShareStack stack = ShareStack.deploy(session, admin, ShareStack.deployStablecoin(session, admin)
        .getContractAddress(), BigInteger.ONE);
    stack.verify(List.of(alice.getAddress(), bob.getAddress(), carol.getAddress()));
    String d = stack.distributor().getContractAddress();
    assertThat(SharedChain.erc20Balance(stack.payoutToken(), d)).isEqualTo(BigInteger.ONE);
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress(), carol.getAddress()),
        List.of(shares(1), shares(1), shares(1))));
    // nothing deposited: the seeded unit is owed to nobody
    for (Credentials who : List.of(alice, bob, carol)) {
      assertThat(withdrawable(stack, who)).isZero();
      assertReverts(who, stack.distributorAs(who), stack.distributorAs(who).claim(), "NothingToClaim(address)");
    }
    deposit(stack, units(10));
    for (Credentials who : List.of(alice, bob, carol)) {
      assertThat(AssetShareToken.getClaimedEvents(call(stack.distributorAs(who).claim())).get(0).amount)
          .isEqualTo(units(3));
      assertThat(withdrawable(stack, who)).isZero();
      assertReverts(who, stack.distributorAs(who), stack.distributorAs(who).claim(), "NothingToClaim(address)");
    }
    // the deposit's indivisible unit and the seed stay: 10 - 9 + 1
    assertThat(SharedChain.erc20Balance(stack.payoutToken(), d)).isEqualTo(units(2));
  }

  @Test
  void aDepositIsSplitProRataAndEachHolderClaimsItsPart() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(3))));
    deposit(stack, units(1_000_000));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(250_000));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(750_000));

    var receipt = call(stack.distributorAs(alice).claim());
    assertThat(AssetShareToken.getClaimedEvents(receipt).get(0).amount).isEqualTo(units(250_000));
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(250_000));
    assertThat(withdrawable(stack, alice)).isZero();
  }

  @Test
  void aSecondClaimFindsNothing() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(1))));
    deposit(stack, units(500));
    call(stack.distributorAs(alice).claim());
    String revert =
        assertReverts(
            alice,
            stack.distributor(),
            stack.distributor().claim(),
            "NothingToClaim(address)");
    assertThat(revert).containsIgnoringCase(alice.getAddress().substring(2));
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(500));
  }

  @Test
  void claimForPaysTheHolderNotTheCaller() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(1))));
    deposit(stack, units(700));
    call(stack.distributorAs(bob).claimFor(alice.getAddress()));
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(700));
    assertThat(call(coin(stack).balanceOf(bob.getAddress()))).isZero();
  }

  @Test
  void aTransferMovesOnlyFutureEntitlement() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(2))));
    deposit(stack, units(1000));
    call(stack.sharesAs(alice).transfer(bob.getAddress(), shares(1)));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(1000));
    assertThat(withdrawable(stack, bob)).isZero();
    deposit(stack, units(1000));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(1500));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(500));
  }

  @Test
  void theSupplyIsFixedOnceIssuedAndABurnChangesOnlyFutureEntitlement() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(1))));
    deposit(stack, units(100));
    // The issuer as the attacker: more shares would dilute alice's and bob's future income.
    assertReverts(admin, stack.shares(),
        stack.shares().issue(List.of(carol.getAddress()), List.of(shares(2))), "SupplyFixed(uint256)");
    assertThat(call(stack.distributor().totalShares())).isEqualTo(shares(2));
    call(stack.shares().complianceBurn(alice.getAddress(), shares(1), org.computerwa.core.crypto.Keccak256.hashUtf8("redemption").toBytes()));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(50));
    deposit(stack, units(100));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(50));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(150));
  }

  @Test
  void roundingUpKeepsEveryHolderWholeAndIsTracked() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress(), carol.getAddress()), List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE)));
    deposit(stack, units(100));
    // 100 * 2^128 = 1 (mod 3): rounding up credits 2 points more than deposited.
    assertThat(call(stack.distributor().excessPoints())).isEqualTo(BigInteger.TWO);
    assertThat(withdrawable(stack, alice)).isEqualTo(units(33));
    deposit(stack, units(2));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(34));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(34));
    assertThat(withdrawable(stack, carol)).isEqualTo(units(34));
    assertThat(call(stack.distributor().excessPoints())).isEqualTo(BigInteger.valueOf(3));
  }

  @Test
  void aFractionBelowOneUnitStaysWithTheHolderForALaterClaim() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(2))));
    deposit(stack, units(10));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(3));
    call(stack.distributorAs(alice).claim());
    deposit(stack, units(2));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(1));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(8));
  }

  @Test
  void aDepositWithoutSharesOrOfZeroReverts() {
    ShareStack stack = stack();
    TestStablecoin coin = coin(stack);
    call(coin.mint(admin.getAddress(), units(10)));
    call(coin.approve(stack.distributor().getContractAddress(), units(10)));
    AssetShareToken d = stack.distributor();
    assertReverts(admin, d, d.deposit(units(10)), "NoShares()");
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(1))));
    assertReverts(admin, d, d.deposit(BigInteger.ZERO), "ZeroAmount()");
    assertReverts(
        admin,
        d,
        d.deposit(units(11)),
        "ERC20InsufficientAllowance(address,uint256,uint256)");
    assertThat(call(coin.balanceOf(admin.getAddress()))).isEqualTo(units(10));
  }

  @Test
  void theSupplyStopsAtMaxSupplyExactly() {
    ShareStack over = stack();
    BigInteger max = BigInteger.TWO.pow(88).subtract(BigInteger.ONE);
    assertThat(call(over.shares().MAX_SUPPLY())).isEqualTo(max);
    assertReverts(admin, over.shares(),
        over.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(max, BigInteger.ONE)),
        "SupplyTooLarge(uint256,uint256)");
    assertThat(call(over.shares().totalSupply())).isZero();
    ShareStack atMax = stack();
    call(atMax.shares().issue(List.of(alice.getAddress()), List.of(max)));
    assertThat(call(atMax.shares().totalSupply())).isEqualTo(max);
  }

  @Test
  void creditsStopAtMaxCreditedExactlyAndTheLastUnitIsClaimable() {
    ShareStack stack = stack();
    AssetShareToken d = stack.distributor();
    BigInteger cap = BigInteger.TWO.pow(54).subtract(BigInteger.ONE);
    assertThat(call(d.MAX_CREDITED())).isEqualTo(cap);
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(3))));
    TestStablecoin coin = coin(stack);
    call(coin.mint(admin.getAddress(), cap.add(BigInteger.TWO)));
    call(coin.approve(d.getContractAddress(), cap.add(BigInteger.TWO)));
    assertReverts(admin, d, d.deposit(cap.add(BigInteger.ONE)), "IncomeCapExceeded(uint256,uint256)");
    call(d.deposit(cap.subtract(BigInteger.ONE)));
    call(d.deposit(BigInteger.ONE));
    assertThat(call(d.creditedIncome())).isEqualTo(cap);
    assertReverts(admin, d, d.deposit(BigInteger.ONE), "IncomeCapExceeded(uint256,uint256)");
    // a quarter and three quarters of 2^54 - 1, the unit that does not split stays in the contract
    BigInteger quarter = cap.divide(BigInteger.valueOf(4));
    assertThat(call(d.withdrawableOf(alice.getAddress()))).isEqualTo(quarter);
    assertThat(call(d.withdrawableOf(bob.getAddress()))).isEqualTo(cap.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4)));
    call(stack.distributorAs(alice).claim());
    call(stack.distributorAs(bob).claim());
    assertThat(call(coin.balanceOf(alice.getAddress())).add(call(coin.balanceOf(bob.getAddress()))))
        .isLessThanOrEqualTo(cap);
  }

  @Test
  void onlyTheBoundLeaseManagerOpensOrChangesStreams() {
    ShareStack stack = stack();
    AssetShareToken asAlice = stack.distributorAs(alice);
    assertReverts(alice, asAlice, asAlice.openStream(BigInteger.ONE, BigInteger.TEN, BigInteger.ZERO,
        BigInteger.valueOf(4_000_000_000L)), "NotLeaseManager(address)");
    assertReverts(alice, asAlice, asAlice.endStream(BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO), "NotLeaseManager(address)");
    assertReverts(alice, asAlice, asAlice.debitStream(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN), "NotLeaseManager(address)");
  }

  @Test
  void aClaimBeyondTheTokensPresentPaysWhatIsHeldAndLeavesTheRestOwed() {
    ShareStack stack = stack();
    Credentials manager = SharedChain.account(7); // stands in for the lease manager: opens a stream it does not fund
    call(stack.registry().bindLeaseManager(manager.getAddress()));
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(3))));
    long start = SharedChain.now() + 5;
    call(stack.distributorAs(manager).openStream(BigInteger.ONE, units(100), BigInteger.valueOf(start),
        BigInteger.valueOf(start + 10)));
    SharedChain.advanceTime(60); // the stream is over: 1,000 units owed, none sent
    deposit(stack, units(40));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(260));

    var paid = call(stack.distributorAs(alice).claim());
    assertThat(AssetShareToken.getClaimedEvents(paid).get(0).amount).isEqualTo(units(40));
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(40));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(220));
    assertReverts(bob, stack.distributorAs(bob), stack.distributorAs(bob).claim(), "NothingToClaim(address)");

    call(coin(stack).mint(stack.distributor().getContractAddress(), units(1_000))); // the settlement arrives
    call(stack.distributorAs(alice).claim());
    call(stack.distributorAs(bob).claim());
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(260));
    assertThat(call(coin(stack).balanceOf(bob.getAddress()))).isEqualTo(units(780));
    assertThat(SharedChain.erc20Balance(stack.payoutToken(), stack.distributor().getContractAddress())).isZero();
  }

  @Test
  void aClaimWhileAStreamRunsWritesNoAccrualAndEveryHolderEndsWithItsExactPart() {
    ShareStack stack = stack();
    Credentials manager = SharedChain.account(7); // stands in for the lease manager
    call(stack.registry().bindLeaseManager(manager.getAddress()));
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(3))));
    long start = SharedChain.now() + 5;
    call(stack.distributorAs(manager).openStream(BigInteger.ONE, units(100), BigInteger.valueOf(start),
        BigInteger.valueOf(start + 1_000)));
    call(coin(stack).mint(stack.distributor().getContractAddress(), units(100_000))); // the stream's tokens
    AssetShareToken d = stack.distributor();
    BigInteger points = call(d.pointsPerShare());

    SharedChain.advanceTime(300); // inside the stream
    var early = call(stack.distributorAs(alice).claim());
    BigInteger first = AssetShareToken.getClaimedEvents(early).get(0).amount;
    assertThat(first).isPositive().isLessThan(units(25_000));
    assertThat(call(d.pointsPerShare())).as("the claim leaves the accrual to the next balance change").isEqualTo(points);

    SharedChain.advanceTime(2_000); // the stream is over, still not accrued
    assertThat((List<Object>) call(d.openStreams())).containsExactly(BigInteger.ZERO);
    call(stack.distributorAs(alice).claim());
    call(stack.distributorAs(bob).claim());
    assertThat(call(d.pointsPerShare())).isEqualTo(points);
    call(d.accrue());
    assertThat(call(d.pointsPerShare())).isGreaterThan(points);
    assertThat((List<Object>) call(d.openStreams())).isEmpty();
    // 100,000 units over 1 : 3 shares, whatever the times of the claims
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(25_000));
    assertThat(call(coin(stack).balanceOf(bob.getAddress()))).isEqualTo(units(75_000));
    assertThat(withdrawable(stack, alice)).isZero();
    assertThat(withdrawable(stack, bob)).isZero();
    assertThat(SharedChain.erc20Balance(stack.payoutToken(), d.getContractAddress())).isZero();
  }

  @Test
  void aFeeOnTransferPayoutTokenIsCreditedWithWhatArrives() {
    FeeOnTransferToken fee =
        call(FeeOnTransferToken.deploy(session.web3j(), session.as(admin), session.gas()));
    ShareStack stack = ShareStack.deploy(session, admin, fee.getContractAddress());
    stack.verify(List.of(alice.getAddress(), bob.getAddress()));
    call(stack.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(shares(1), shares(1))));
    call(fee.mint(admin.getAddress(), units(10_000)));
    call(fee.approve(stack.distributor().getContractAddress(), units(10_000)));

    var receipt = call(stack.distributor().deposit(units(10_000)));
    assertThat(AssetShareToken.getDepositedEvents(receipt).get(0).received)
        .isEqualTo(units(9_900));
    assertThat(withdrawable(stack, alice)).isEqualTo(units(4_950));
    call(stack.distributorAs(alice).claim());
    call(stack.distributorAs(bob).claim());
    assertThat(call(fee.balanceOf(stack.distributor().getContractAddress()))).isZero();
    assertThat(call(fee.balanceOf(alice.getAddress()))).isEqualTo(units(4_901)); // 4950 - 1%
  }

  @Test
  void aDepositOfWhichNothingArrivesReverts() {
    FeeOnTransferToken fee =
        call(FeeOnTransferToken.deploy(session.web3j(), session.as(admin), session.gas()));
    ShareStack stack = ShareStack.deploy(session, admin, fee.getContractAddress());
    stack.verify(List.of(alice.getAddress()));
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(1))));
    call(fee.mint(admin.getAddress(), units(100)));
    call(fee.approve(stack.distributor().getContractAddress(), units(100)));
    call(fee.setFeeBps(BigInteger.valueOf(10_000)));
    AssetShareToken d = stack.distributor();
    assertReverts(admin, d, d.deposit(units(100)), "ZeroAmount()");
    assertThat(call(fee.balanceOf(admin.getAddress()))).isEqualTo(units(100));
  }

  @Test
  void aRevokedHolderCanStillClaimWhatItAccrued() {
    ShareStack stack = stack();
    call(stack.shares().issue(List.of(alice.getAddress()), List.of(shares(1))));
    deposit(stack, units(300));
    call(stack.compliance().setVerified(alice.getAddress(), false));
    call(stack.distributorAs(alice).claim());
    assertThat(call(coin(stack).balanceOf(alice.getAddress()))).isEqualTo(units(300));
  }

  @Test
  void aReentrantHolderIsPaidOnceAndItsReentryFails() {
    HookedPayoutToken hooked =
        call(HookedPayoutToken.deploy(session.web3j(), session.as(admin), session.gas()));
    ShareStack stack = ShareStack.deploy(session, admin, hooked.getContractAddress());
    ReentrantClaimer attacker =
        call(
            ReentrantClaimer.deploy(
                session.web3j(),
                session.as(alice),
                session.gas(),
                stack.distributor().getContractAddress()));
    stack.verify(List.of(attacker.getContractAddress(), bob.getAddress()));
    call(stack.shares().issue(List.of(attacker.getContractAddress(), bob.getAddress()), List.of(shares(1), shares(1))));
    call(hooked.mint(admin.getAddress(), units(1_000)));
    call(hooked.approve(stack.distributor().getContractAddress(), units(1_000)));
    call(stack.distributor().deposit(units(1_000)));

    call(attacker.attack());
    assertThat(call(attacker.reentryAttempts())).isEqualTo(BigInteger.TWO);
    assertThat(call(attacker.reentrySuccesses())).isZero();
    assertThat(call(hooked.balanceOf(attacker.getContractAddress()))).isEqualTo(units(500));
    assertThat(call(hooked.balanceOf(stack.distributor().getContractAddress())))
        .isEqualTo(units(500));
    assertThat(withdrawable(stack, bob)).isEqualTo(units(500));
    assertReverts(
        alice, attacker, attacker.attack(), "NothingToClaim(address)");
  }
}
