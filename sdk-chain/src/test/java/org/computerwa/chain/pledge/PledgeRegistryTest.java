package org.computerwa.chain.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.computerwa.chain.internal.contracts.LeaseManager;
import org.computerwa.chain.internal.contracts.PledgeRegistry;
import org.computerwa.chain.lease.LeaseStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** PledgeRegistry on a real anvil chain, alone and inside the lease income waterfall. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeRegistryTest {
  static final int OWNER = 1;
  static final int LESSEE = 2;
  static final int LENDER = 3;
  static final int STRANGER = 4;
  static final int HOLDER = 5;
  static final long RATE = 1_000;
  static final long HOUR = 3600;
  static final BigInteger DEBT = BigInteger.valueOf(1_000_000);

  LeaseStack stack;
  BigInteger asset;
  String distributor;
  BigInteger due;

  @BeforeAll
  void start() throws Exception {
    stack = new LeaseStack();
    stack.fund(LESSEE, BigInteger.TEN.pow(15));
    stack.token(OWNER).mint(stack.address(OWNER), BigInteger.TEN.pow(12)).send();
    stack.token(OWNER).approve(stack.pledges, BigInteger.TEN.pow(12)).send();
  }

  @BeforeEach
  void freshAsset() throws Exception {
    asset = stack.registerAsset(OWNER, 4);
    distributor = stack.issueShares(asset, HOLDER, BigInteger.TEN.pow(18));
    due = BigInteger.valueOf(stack.now() + HOUR);
  }

  void declareDefaultAfterTheDeadline() throws Exception {
    revert(stack.pledges(LENDER).declareDefault(asset), LENDER, "NotYetDue(uint256,uint40)");
    stack.warp(stack.now() < due.longValueExact() ? due.longValueExact() - stack.now() + 1 : 0);
    stack.pledges(LENDER).declareDefault(asset).send();
  }

  PledgeRegistry.Pledge pledgeOf() throws Exception {
    return stack.pledges(0).pledgeOf(asset).send();
  }

  void acceptedPledge() throws Exception {
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    stack.pledges(LENDER).acceptPledge(asset, DEBT, due).send();
  }

  void revert(org.web3j.protocol.core.RemoteFunctionCall<?> call, int from, String error) {
    stack.assertReverts(call, stack.pledges, from, error);
  }

  @Test
  void ownerProposesAndLenderAcceptsAPledge() throws Exception {
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    assertThat(pledgeOf().accepted).isFalse();
    stack.pledges(LENDER).acceptPledge(asset, DEBT, due).send();
    PledgeRegistry.Pledge p = pledgeOf();
    assertThat(p.lender).isEqualToIgnoringCase(stack.address(LENDER));
    assertThat(p.debt).isEqualTo(DEBT);
    assertThat(p.accepted).isTrue();
    assertThat(p.defaulted).isFalse();
    assertThat(stack.pledges(0).debtToken().send()).isEqualToIgnoringCase(stack.token);
  }

  @Test
  void pledgeIsRefusedFromStrangersForBadTermsAndTwice() throws Exception {
    revert(stack.pledges(STRANGER).pledge(asset, stack.address(LENDER), DEBT, due), STRANGER, "NotAssetOwner(uint256,address)");
    revert(stack.pledges(OWNER).pledge(asset, LeaseStack.NONE, DEBT, due), OWNER, "InvalidPledge()");
    revert(stack.pledges(OWNER).pledge(asset, stack.address(OWNER), DEBT, due), OWNER, "InvalidPledge()");
    revert(stack.pledges(OWNER).pledge(asset, stack.address(LENDER), BigInteger.ZERO, due), OWNER, "InvalidPledge()");
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    revert(stack.pledges(OWNER).pledge(asset, stack.address(STRANGER), DEBT, due), OWNER, "AlreadyPledged(uint256)");
  }

  @Test
  void onlyTheNamedLenderAcceptsDeclaresCuresAndReleases() throws Exception {
    revert(stack.pledges(LENDER).acceptPledge(asset, DEBT, due), LENDER, "NotPledged(uint256)");
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    revert(stack.pledges(STRANGER).acceptPledge(asset, DEBT, due), STRANGER, "NotLender(uint256,address)");
    revert(stack.pledges(LENDER).declareDefault(asset), LENDER, "WrongPledgeState(uint256)");
    stack.pledges(LENDER).acceptPledge(asset, DEBT, due).send();
    revert(stack.pledges(LENDER).acceptPledge(asset, DEBT, due), LENDER, "WrongPledgeState(uint256)");
    revert(stack.pledges(STRANGER).declareDefault(asset), STRANGER, "NotLender(uint256,address)");
    revert(stack.pledges(LENDER).cureDefault(asset), LENDER, "WrongPledgeState(uint256)");
    declareDefaultAfterTheDeadline();
    assertThat(pledgeOf().defaulted).isTrue();
    revert(stack.pledges(LENDER).declareDefault(asset), LENDER, "WrongPledgeState(uint256)");
    revert(stack.pledges(STRANGER).cureDefault(asset), STRANGER, "NotLender(uint256,address)");
    stack.pledges(LENDER).cureDefault(asset).send();
    assertThat(pledgeOf().defaulted).isFalse();
    revert(stack.pledges(STRANGER).release(asset), STRANGER, "NotLender(uint256,address)");
    stack.pledges(LENDER).release(asset).send();
    assertThat(pledgeOf().lender).isEqualTo(LeaseStack.NONE);
  }

  @Test
  void ownerWithdrawsAProposalOnlyBeforeAcceptance() throws Exception {
    revert(stack.pledges(OWNER).cancelPledge(asset), OWNER, "NotPledged(uint256)");
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    revert(stack.pledges(STRANGER).cancelPledge(asset), STRANGER, "NotAssetOwner(uint256,address)");
    stack.pledges(OWNER).cancelPledge(asset).send();
    assertThat(pledgeOf().lender).isEqualTo(LeaseStack.NONE);
    acceptedPledge();
    revert(stack.pledges(OWNER).cancelPledge(asset), OWNER, "WrongPledgeState(uint256)");
  }

  @Test
  void repaymentPaysTheLenderAndEndsThePledgeAtZeroDebt() throws Exception {
    revert(stack.pledges(OWNER).repay(asset, DEBT), OWNER, "NotPledged(uint256)");
    stack.pledges(OWNER).pledge(asset, stack.address(LENDER), DEBT, due).send();
    revert(stack.pledges(OWNER).repay(asset, DEBT), OWNER, "WrongPledgeState(uint256)");
    stack.pledges(LENDER).acceptPledge(asset, DEBT, due).send();
    revert(stack.pledges(OWNER).repay(asset, DEBT.add(BigInteger.ONE)), OWNER, "InvalidPledge()");
    revert(stack.pledges(OWNER).repay(asset, BigInteger.ZERO), OWNER, "InvalidPledge()");
    BigInteger before = stack.balance(stack.address(LENDER));
    stack.pledges(OWNER).repay(asset, BigInteger.valueOf(400_000)).send();
    assertThat(pledgeOf().debt).isEqualTo(BigInteger.valueOf(600_000));
    stack.pledges(OWNER).repay(asset, BigInteger.valueOf(600_000)).send();
    assertThat(stack.balance(stack.address(LENDER)).subtract(before)).isEqualTo(DEBT);
    assertThat(pledgeOf().lender).isEqualTo(LeaseStack.NONE);
  }

  @Test
  void onlyTheLeaseManagerRedirectsIncome() throws Exception {
    acceptedPledge();
    declareDefaultAfterTheDeadline();
    revert(stack.pledges(STRANGER).redirect(asset, DEBT), STRANGER, "NotLeaseManager(address)");
  }

  @Test
  void pledgedAssetStaysLeasableAndIncomeGoesToHoldersUntilDefault() throws Exception {
    acceptedPledge();
    BigInteger id = stack.offer(OWNER, asset, 4, RATE, 10 * HOUR, HOUR, 0, 0, LeaseStack.NONE);
    stack.lm(LESSEE).accept(id).send();
    BigInteger lenderBefore = stack.lm(0).withdrawable(stack.address(LENDER)).send();
    stack.warp(100);
    stack.lm(STRANGER).settle(id).send();
    assertThat(stack.lm(0).withdrawable(stack.address(LENDER)).send()).isEqualTo(lenderBefore);
    assertThat(stack.balance(distributor)).isPositive();
    assertThat(pledgeOf().debt).isEqualTo(DEBT);
  }

  @Test
  void onDefaultTheOwnersSideGoesToTheLenderUntilRepaidAndTheHoldersKeepTheirs() throws Exception {
    acceptedPledge();
    BigInteger id = stack.offer(OWNER, asset, 4, RATE, 100 * HOUR, HOUR, 0, 0, LeaseStack.NONE);
    stack.lm(LESSEE).accept(id).send();
    declareDefaultAfterTheDeadline();
    stack.lm(STRANGER).settle(id).send();
    BigInteger lenderBefore = stack.lm(0).withdrawable(stack.address(LENDER)).send();
    BigInteger holdersBefore = stack.balance(distributor);
    stack.warp(500);
    TransactionReceipt r = stack.lm(STRANGER).settle(id).send();
    LeaseManager.IncomeDistributedEventResponse e = LeaseManager.getIncomeDistributedEvents(r).get(0);
    BigInteger gross = LeaseManager.getLeaseSettledEvents(r).get(0).net;
    BigInteger fee = gross.multiply(LeaseStack.FEE_BPS).divide(BigInteger.valueOf(10_000));
    assertThat(e.operatorFee).isZero();
    assertThat(e.toLender).isEqualTo(fee);
    assertThat(e.toHolders).isEqualTo(gross.subtract(fee));
    assertThat(stack.balance(distributor).subtract(holdersBefore)).isEqualTo(gross.subtract(fee));
    assertThat(stack.lm(0).withdrawable(stack.address(LENDER)).send().subtract(lenderBefore)).isEqualTo(fee);
    // 100 base units per second to the lender: 10,000 s more repays the rest and ends the pledge
    stack.warp(10_000);
    r = stack.lm(STRANGER).settle(id).send();
    e = LeaseManager.getIncomeDistributedEvents(r).get(0);
    assertThat(pledgeOf().lender).isEqualTo(LeaseStack.NONE);
    assertThat(e.operatorFee).isPositive();
    assertThat(e.toHolders).isPositive();
  }
}
