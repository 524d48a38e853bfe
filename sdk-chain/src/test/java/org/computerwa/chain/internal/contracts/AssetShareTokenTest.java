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

class AssetShareTokenTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final byte[] REASON = org.computerwa.core.crypto.Keccak256.hashUtf8("court order 42").toBytes();
  private final ChainSession session = SharedChain.session();
  private final Credentials admin = SharedChain.account(0);
  private final Credentials alice = SharedChain.account(5);
  private final Credentials bob = SharedChain.account(6);
  private final Credentials mallory = SharedChain.account(7);
  private ShareStack stack;
  private AssetShareToken shares;

  @BeforeEach
  void deploy() {
    stack = ShareStack.deploy(session, admin);
    shares = stack.shares();
    stack.verify(List.of(alice.getAddress(), bob.getAddress()));
  }

  @Test
  void describesItsAssetComplianceAndDistributor() {
    assertThat(call(shares.assetId())).isEqualTo(stack.assetId());
    assertThat(call(shares.registry())).isEqualToIgnoringCase(stack.registry().getContractAddress());
    assertThat(call(shares.compliance()))
        .isEqualToIgnoringCase(stack.compliance().getContractAddress());
    assertThat(call(shares.shareToken())).isEqualToIgnoringCase(shares.getContractAddress());
    assertThat(call(shares.payoutToken())).isEqualToIgnoringCase(stack.payoutToken());
    assertThat(call(shares.decimals())).isEqualTo(BigInteger.valueOf(18));
  }

  @Test
  void theIssuerIssuesOnceAndBurnsOnlyAsAnEventedComplianceAction() {
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(HUNDRED);
    assertReverts(admin, shares, shares.issue(List.of(bob.getAddress()), List.of(HUNDRED)), "SupplyFixed(uint256)");
    assertReverts(admin, shares, shares.complianceBurn(alice.getAddress(), BigInteger.ONE, new byte[32]),
        "MissingReason()");
    var burned = call(shares.complianceBurn(alice.getAddress(), BigInteger.valueOf(40), REASON));
    var event = AssetShareToken.getComplianceBurnEvents(burned).get(0);
    assertThat(event.holder).isEqualToIgnoringCase(alice.getAddress());
    assertThat(event.amount).isEqualTo(BigInteger.valueOf(40));
    assertThat(event.reason).isEqualTo(REASON);
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(BigInteger.valueOf(60));
    assertThat(call(shares.totalSupply())).isEqualTo(BigInteger.valueOf(60));
    assertThat(call(stack.distributor().totalShares())).isEqualTo(BigInteger.valueOf(60));
  }

  @Test
  void verifiedHoldersTransferDirectlyAndByAllowance() {
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
    call(stack.sharesAs(alice).transfer(bob.getAddress(), BigInteger.TEN));
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.TEN));
    call(stack.sharesAs(bob).transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.TEN));
    assertThat(call(shares.balanceOf(bob.getAddress()))).isEqualTo(BigInteger.valueOf(20));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(BigInteger.valueOf(80));
  }

  @Test
  void mintingToAnUnverifiedAccountFails() {
    String revert =
        assertReverts(
            admin, shares, shares.issue(List.of(mallory.getAddress()), List.of(HUNDRED)), "NotVerified(address)");
    assertThat(revert).containsIgnoringCase(mallory.getAddress().substring(2));
    assertThat(call(shares.totalSupply())).isZero();
  }

  @Test
  void transfersToOrFromAnUnverifiedAccountFail() {
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
    assertReverts(
        alice,
        shares,
        shares.transfer(mallory.getAddress(), BigInteger.ONE),
        "NotVerified(address)");
    call(stack.sharesAs(alice).approve(mallory.getAddress(), HUNDRED));
    assertReverts(
        mallory,
        shares,
        shares.transferFrom(alice.getAddress(), mallory.getAddress(), BigInteger.ONE),
        "NotVerified(address)");
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(HUNDRED);
    assertThat(call(shares.balanceOf(mallory.getAddress()))).isZero();
  }

  @Test
  void aRevokedHolderCanNeitherSendNorReceiveNorBeBurned() {
    call(shares.issue(List.of(alice.getAddress(), bob.getAddress()), List.of(HUNDRED, HUNDRED)));
    call(stack.compliance().setVerified(alice.getAddress(), false));
    assertReverts(
        alice, shares, shares.transfer(bob.getAddress(), BigInteger.ONE), "NotVerified(address)");
    assertReverts(
        bob, shares, shares.transfer(alice.getAddress(), BigInteger.ONE), "NotVerified(address)");
    assertReverts(
        admin, shares, shares.complianceBurn(alice.getAddress(), BigInteger.ONE, REASON), "NotVerified(address)");
  }

  @Test
  void transfersBeyondBalanceOrAllowanceFail() {
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
    assertReverts(
        alice,
        shares,
        shares.transfer(bob.getAddress(), BigInteger.valueOf(101)),
        "ERC20InsufficientBalance(address,uint256,uint256)");
    assertReverts(
        bob,
        shares,
        shares.transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.ONE),
        "ERC20InsufficientAllowance(address,uint256,uint256)");
  }

  @Test
  void theSharesAreTheirOwnRevenueDistributor() {
    assertThat(stack.distributor().getContractAddress()).isEqualToIgnoringCase(shares.getContractAddress());
    assertThat(call(stack.registry().distributorOf(stack.assetId()))).isEqualToIgnoringCase(shares.getContractAddress());
  }

  @Test
  void anUnauthorisedCallerFailsOnEveryMutatingFunction() {
    call(shares.issue(List.of(alice.getAddress()), List.of(HUNDRED)));
    AssetShareToken asAlice = stack.sharesAs(alice);
    assertReverts(alice, shares, asAlice.issue(List.of(alice.getAddress()), List.of(HUNDRED)), "Unauthorized(address)");
    assertReverts(alice, shares, asAlice.complianceBurn(bob.getAddress(), BigInteger.ONE, REASON),
        "Unauthorized(address)");
    assertThat(call(shares.totalSupply())).isEqualTo(HUNDRED);
  }

  @Test
  void exposesItsNameIssuerAndAllowances() {
    assertThat(call(shares.name())).isEqualTo("ComputeRWA asset " + stack.assetId() + " shares");
    assertThat(call(shares.symbol())).isEqualTo("CRWA" + stack.assetId());
    assertThat(call(shares.issuer())).isEqualToIgnoringCase(admin.getAddress());
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.TEN));
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.TEN);
  }
}
