package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The share token's hand-written ERC-20 storage against the behaviours OpenZeppelin's ERC20 tests
 * specify: balances, events, allowances (including the unlimited one), zero addresses and the
 * IERC20Errors custom errors with their arguments.
 */
class AssetShareTokenErc20Test {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  private final ChainSession session = SharedChain.session();
  private final Credentials admin = SharedChain.account(0);
  private final Credentials alice = SharedChain.account(5);
  private final Credentials bob = SharedChain.account(6);
  private final Credentials carol = SharedChain.account(7);
  private ShareStack stack;
  private AssetShareToken shares;

  @BeforeEach
  void deploy() {
    stack = ShareStack.deploy(session, admin);
    shares = stack.shares();
    stack.verify(List.of(alice.getAddress(), bob.getAddress(), carol.getAddress()));
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
  }

  private static String word(String address) {
    return Numeric.toHexStringNoPrefixZeroPadded(Numeric.toBigInt(address), 64);
  }

  private static String word(BigInteger value) {
    return Numeric.toHexStringNoPrefixZeroPadded(value, 64);
  }

  @Test
  void issuingEmitsTransfersFromTheZeroAddress() {
    ShareStack fresh = ShareStack.deploy(session, admin);
    fresh.verify(List.of(alice.getAddress(), bob.getAddress()));
    TransactionReceipt r =
        call(fresh.shares().issue(List.of(alice.getAddress(), bob.getAddress()), List.of(HUNDRED, BigInteger.TEN)));
    var events = AssetShareToken.getTransferEvents(r);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).from).isEqualTo(ZERO);
    assertThat(events.get(0).to).isEqualToIgnoringCase(alice.getAddress());
    assertThat(events.get(0).value).isEqualTo(HUNDRED);
    assertThat(events.get(1).to).isEqualToIgnoringCase(bob.getAddress());
    assertThat(call(fresh.shares().totalSupply())).isEqualTo(BigInteger.valueOf(110));
  }

  @Test
  void aTransferMovesTheAmountAndEmitsTransfer() {
    TransactionReceipt r = call(stack.sharesAs(alice).transfer(bob.getAddress(), BigInteger.valueOf(30)));
    var event = AssetShareToken.getTransferEvents(r).get(0);
    assertThat(event.from).isEqualToIgnoringCase(alice.getAddress());
    assertThat(event.to).isEqualToIgnoringCase(bob.getAddress());
    assertThat(event.value).isEqualTo(BigInteger.valueOf(30));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(BigInteger.valueOf(70));
    assertThat(call(shares.balanceOf(bob.getAddress()))).isEqualTo(BigInteger.valueOf(30));
    assertThat(call(shares.totalSupply())).isEqualTo(HUNDRED);
  }

  @Test
  void theWholeBalanceZeroAndToSelfTransfer() {
    call(stack.sharesAs(alice).transfer(bob.getAddress(), HUNDRED));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isZero();
    TransactionReceipt zero = call(stack.sharesAs(alice).transfer(bob.getAddress(), BigInteger.ZERO));
    assertThat(AssetShareToken.getTransferEvents(zero).get(0).value).isZero();
    call(stack.sharesAs(bob).transfer(bob.getAddress(), BigInteger.valueOf(40)));
    assertThat(call(shares.balanceOf(bob.getAddress()))).isEqualTo(HUNDRED);
    assertThat(call(shares.balanceOf(alice.getAddress()))).isZero();
  }

  @Test
  void aTransferBeyondTheBalanceNamesSenderBalanceAndNeed() {
    String revert = assertReverts(alice, shares, stack.sharesAs(alice).transfer(bob.getAddress(), BigInteger.valueOf(101)),
        "ERC20InsufficientBalance(address,uint256,uint256)");
    assertThat(revert.toLowerCase()).endsWith(word(alice.getAddress()) + word(HUNDRED) + word(BigInteger.valueOf(101)));
    String empty = assertReverts(bob, shares, stack.sharesAs(bob).transfer(alice.getAddress(), BigInteger.ONE),
        "ERC20InsufficientBalance(address,uint256,uint256)");
    assertThat(empty.toLowerCase()).endsWith(word(bob.getAddress()) + word(BigInteger.ZERO) + word(BigInteger.ONE));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(HUNDRED);
  }

  @Test
  void theZeroAddressCanNeitherReceiveNorSendNorBeApproved() {
    String receiver = assertReverts(alice, shares, stack.sharesAs(alice).transfer(ZERO, BigInteger.ONE),
        "ERC20InvalidReceiver(address)");
    assertThat(receiver).endsWith(word(BigInteger.ZERO));
    call(stack.sharesAs(alice).approve(bob.getAddress(), HUNDRED));
    assertReverts(bob, shares, stack.sharesAs(bob).transferFrom(alice.getAddress(), ZERO, BigInteger.ONE),
        "ERC20InvalidReceiver(address)");
    // nobody can hold an allowance of the zero address: a zero amount reaches the sender check
    assertReverts(bob, shares, stack.sharesAs(bob).transferFrom(ZERO, bob.getAddress(), BigInteger.ZERO),
        "ERC20InvalidSender(address)");
    assertReverts(bob, shares, stack.sharesAs(bob).transferFrom(ZERO, bob.getAddress(), BigInteger.ONE),
        "ERC20InsufficientAllowance(address,uint256,uint256)");
    assertReverts(alice, shares, stack.sharesAs(alice).approve(ZERO, BigInteger.ONE), "ERC20InvalidSpender(address)");
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(HUNDRED);
  }

  @Test
  void approveSetsReplacesAndEmitsApproval() {
    TransactionReceipt r = call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.valueOf(50)));
    var event = AssetShareToken.getApprovalEvents(r).get(0);
    assertThat(event.owner).isEqualToIgnoringCase(alice.getAddress());
    assertThat(event.spender).isEqualToIgnoringCase(bob.getAddress());
    assertThat(event.value).isEqualTo(BigInteger.valueOf(50));
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.valueOf(7)));
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.valueOf(7));
    assertThat(call(shares.allowance(bob.getAddress(), alice.getAddress()))).isZero();
    // approving more than the balance is allowed, as in ERC-20
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.valueOf(1_000)));
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.valueOf(1_000));
  }

  @Test
  void transferFromSpendsTheAllowanceWithoutAnApprovalEvent() {
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.valueOf(50)));
    TransactionReceipt r = call(stack.sharesAs(bob).transferFrom(alice.getAddress(), carol.getAddress(), BigInteger.valueOf(20)));
    assertThat(AssetShareToken.getApprovalEvents(r)).isEmpty();
    var event = AssetShareToken.getTransferEvents(r).get(0);
    assertThat(event.from).isEqualToIgnoringCase(alice.getAddress());
    assertThat(event.to).isEqualToIgnoringCase(carol.getAddress());
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.valueOf(30));
    assertThat(call(shares.balanceOf(carol.getAddress()))).isEqualTo(BigInteger.valueOf(20));
    String revert = assertReverts(bob, shares,
        stack.sharesAs(bob).transferFrom(alice.getAddress(), carol.getAddress(), BigInteger.valueOf(31)),
        "ERC20InsufficientAllowance(address,uint256,uint256)");
    assertThat(revert.toLowerCase()).endsWith(word(bob.getAddress()) + word(BigInteger.valueOf(30)) + word(BigInteger.valueOf(31)));
    // the owner itself needs an allowance to use transferFrom
    assertReverts(alice, shares,
        stack.sharesAs(alice).transferFrom(alice.getAddress(), carol.getAddress(), BigInteger.ONE),
        "ERC20InsufficientAllowance(address,uint256,uint256)");
  }

  @Test
  void anAllowanceBeyondTheBalanceFailsOnTheBalance() {
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.valueOf(1_000)));
    assertReverts(bob, shares,
        stack.sharesAs(bob).transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.valueOf(101)),
        "ERC20InsufficientBalance(address,uint256,uint256)");
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.valueOf(1_000));
  }

  @Test
  void anUnlimitedAllowanceIsNeverSpent() {
    call(stack.sharesAs(alice).approve(bob.getAddress(), MAX));
    call(stack.sharesAs(bob).transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.valueOf(60)));
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(MAX);
    assertThat(call(shares.balanceOf(bob.getAddress()))).isEqualTo(BigInteger.valueOf(60));
  }
}
