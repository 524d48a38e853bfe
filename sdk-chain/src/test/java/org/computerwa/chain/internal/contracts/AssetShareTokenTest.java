package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertDeployReverts;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.Reverts.assertUnauthorized;
import static org.computerwa.chain.internal.ShareStack.DEFAULT_ADMIN_ROLE;
import static org.computerwa.chain.internal.ShareStack.ISSUER_ROLE;
import static org.computerwa.chain.internal.ShareStack.call;

import java.math.BigInteger;
import java.util.List;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;

class AssetShareTokenTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
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

  private AssetShareToken fresh() {
    return call(
        AssetShareToken.deploy(
            session.web3j(),
            session.as(admin),
            session.gas(),
            "S",
            "S",
            stack.registry().getContractAddress(),
            stack.assetId(),
            stack.compliance().getContractAddress(),
            admin.getAddress()));
  }

  @Test
  void describesItsAssetComplianceAndDistributor() {
    assertThat(call(shares.assetId())).isEqualTo(stack.assetId());
    assertThat(call(shares.registry())).isEqualToIgnoringCase(stack.registry().getContractAddress());
    assertThat(call(shares.compliance()))
        .isEqualToIgnoringCase(stack.compliance().getContractAddress());
    assertThat(call(shares.distributor()))
        .isEqualToIgnoringCase(stack.distributor().getContractAddress());
    assertThat(call(shares.decimals())).isEqualTo(BigInteger.valueOf(18));
  }

  @Test
  void theIssuerMintsToAndBurnsFromVerifiedHolders() {
    call(shares.mint(alice.getAddress(), HUNDRED));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(HUNDRED);
    call(shares.burn(alice.getAddress(), BigInteger.valueOf(40)));
    assertThat(call(shares.balanceOf(alice.getAddress()))).isEqualTo(BigInteger.valueOf(60));
    assertThat(call(shares.totalSupply())).isEqualTo(BigInteger.valueOf(60));
    assertThat(call(stack.distributor().totalShares())).isEqualTo(BigInteger.valueOf(60));
  }

  @Test
  void verifiedHoldersTransferDirectlyAndByAllowance() {
    call(shares.mint(alice.getAddress(), HUNDRED));
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
            admin, shares, shares.mint(mallory.getAddress(), HUNDRED), "NotVerified(address)");
    assertThat(revert).containsIgnoringCase(mallory.getAddress().substring(2));
    assertThat(call(shares.totalSupply())).isZero();
  }

  @Test
  void transfersToOrFromAnUnverifiedAccountFail() {
    call(shares.mint(alice.getAddress(), HUNDRED));
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
    call(shares.mint(alice.getAddress(), HUNDRED));
    call(shares.mint(bob.getAddress(), HUNDRED));
    call(stack.compliance().setVerified(alice.getAddress(), false));
    assertReverts(
        alice, shares, shares.transfer(bob.getAddress(), BigInteger.ONE), "NotVerified(address)");
    assertReverts(
        bob, shares, shares.transfer(alice.getAddress(), BigInteger.ONE), "NotVerified(address)");
    assertReverts(
        admin, shares, shares.burn(alice.getAddress(), BigInteger.ONE), "NotVerified(address)");
  }

  @Test
  void transfersBeyondBalanceOrAllowanceFail() {
    call(shares.mint(alice.getAddress(), HUNDRED));
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
  void theDistributorIsSetOnceWhileNoShareExists() {
    AssetShareToken token = fresh();
    RevenueDistributor other =
        call(
            RevenueDistributor.deploy(
                session.web3j(),
                session.as(admin),
                session.gas(),
                stack.payoutToken(),
                token.getContractAddress()));
    assertReverts(admin, token, token.setDistributor(ZERO), "ZeroAddress()");
    assertReverts(
        admin,
        token,
        token.setDistributor(stack.distributor().getContractAddress()),
        "DistributorMismatch(address)");
    assertReverts(
        admin, token, token.setDistributor(alice.getAddress()), "DistributorMismatch(address)");
    var receipt = call(token.setDistributor(other.getContractAddress()));
    assertThat(AssetShareToken.getDistributorSetEvents(receipt)).hasSize(1);
    assertReverts(
        admin, token, token.setDistributor(other.getContractAddress()), "DistributorLocked()");
  }

  @Test
  void theDistributorCannotBeSetAfterSharesExist() {
    AssetShareToken token = fresh();
    call(token.mint(alice.getAddress(), HUNDRED));
    RevenueDistributor other =
        call(
            RevenueDistributor.deploy(
                session.web3j(),
                session.as(admin),
                session.gas(),
                stack.payoutToken(),
                token.getContractAddress()));
    assertReverts(
        admin, token, token.setDistributor(other.getContractAddress()), "DistributorLocked()");
  }

  @Test
  void aTokenWithoutDistributorStillEnforcesCompliance() {
    AssetShareToken token = fresh();
    call(token.mint(alice.getAddress(), HUNDRED));
    assertReverts(
        admin, token, token.mint(mallory.getAddress(), HUNDRED), "NotVerified(address)");
    assertThat(call(token.distributor())).isEqualTo(ZERO);
  }

  @Test
  void deployingWithAZeroAdminComplianceOrRegistryFails() {
    String registry = stack.registry().getContractAddress();
    String compliance = stack.compliance().getContractAddress();
    for (String[] args :
        List.of(
            new String[] {registry, compliance, ZERO},
            new String[] {registry, ZERO, admin.getAddress()},
            new String[] {ZERO, compliance, admin.getAddress()})) {
      String encoded =
          FunctionEncoder.encodeConstructor(
              List.of(
                  new Utf8String("S"),
                  new Utf8String("S"),
                  new org.web3j.abi.datatypes.Address(args[0]),
                  new org.web3j.abi.datatypes.generated.Uint256(BigInteger.ONE),
                  new org.web3j.abi.datatypes.Address(args[1]),
                  new org.web3j.abi.datatypes.Address(args[2])));
      assertDeployReverts(admin, AssetShareToken.BINARY, encoded, "ZeroAddress()");
    }
  }

  @Test
  void anUnauthorisedCallerFailsOnEveryMutatingFunction() {
    call(shares.mint(alice.getAddress(), HUNDRED));
    AssetShareToken asAlice = stack.sharesAs(alice);
    assertUnauthorized(alice, shares, asAlice.mint(alice.getAddress(), HUNDRED), ISSUER_ROLE);
    assertUnauthorized(alice, shares, asAlice.burn(bob.getAddress(), BigInteger.ONE), ISSUER_ROLE);
    assertUnauthorized(
        alice, shares, asAlice.setDistributor(alice.getAddress()), DEFAULT_ADMIN_ROLE);
    assertUnauthorized(
        alice, shares, asAlice.grantRole(ISSUER_ROLE, alice.getAddress()), DEFAULT_ADMIN_ROLE);
    assertUnauthorized(
        alice, shares, asAlice.revokeRole(ISSUER_ROLE, admin.getAddress()), DEFAULT_ADMIN_ROLE);
    assertThat(call(shares.totalSupply())).isEqualTo(HUNDRED);
  }

  @Test
  void exposesItsNameRolesAllowancesAndInterfaces() {
    assertThat(call(shares.name())).isEqualTo("Asset " + stack.assetId() + " shares");
    assertThat(call(shares.symbol())).isEqualTo("S" + stack.assetId());
    assertThat(call(shares.ISSUER_ROLE())).isEqualTo(ISSUER_ROLE);
    assertThat(call(shares.getRoleAdmin(ISSUER_ROLE))).isEqualTo(DEFAULT_ADMIN_ROLE);
    call(stack.sharesAs(alice).approve(bob.getAddress(), BigInteger.TEN));
    assertThat(call(shares.allowance(alice.getAddress(), bob.getAddress()))).isEqualTo(BigInteger.TEN);
    assertThat(call(shares.supportsInterface(org.web3j.utils.Numeric.hexStringToByteArray("0x7965db0b"))))
        .isTrue();
  }
}
