package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertDeployReverts;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.Reverts.assertUnauthorized;
import static org.computerwa.chain.internal.ShareStack.COMPLIANCE_ROLE;
import static org.computerwa.chain.internal.ShareStack.DEFAULT_ADMIN_ROLE;
import static org.computerwa.chain.internal.ShareStack.call;

import java.util.List;
import org.computerwa.chain.internal.Abi;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.SharedChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.tuples.generated.Tuple2;

class ComplianceRegistryTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private final ChainSession session = SharedChain.session();
  private final Credentials admin = SharedChain.account(0);
  private final Credentials stranger = SharedChain.account(1);
  private final String alice = SharedChain.account(2).getAddress();
  private final String bob = SharedChain.account(3).getAddress();
  private ComplianceRegistry registry;

  @BeforeEach
  void deploy() {
    registry =
        call(
            ComplianceRegistry.deploy(
                session.web3j(), session.as(admin), session.gas(), admin.getAddress()));
  }

  @Test
  void theDeployerAdminHoldsAdminAndComplianceRoles() {
    assertThat(call(registry.hasRole(DEFAULT_ADMIN_ROLE, admin.getAddress()))).isTrue();
    assertThat(call(registry.hasRole(COMPLIANCE_ROLE, admin.getAddress()))).isTrue();
    assertThat(call(registry.hasRole(COMPLIANCE_ROLE, stranger.getAddress()))).isFalse();
  }

  @Test
  void aComplianceOfficerVerifiesAndRevokesAHolder() {
    var receipt = call(registry.setVerified(alice, true));
    assertThat(ComplianceRegistry.getHolderVerifiedEvents(receipt))
        .singleElement()
        .satisfies(e -> assertThat(e.account).isEqualToIgnoringCase(alice))
        .satisfies(e -> assertThat(e.verified).isTrue());
    assertThat(call(registry.isVerified(alice))).isTrue();
    call(registry.setVerified(alice, false));
    assertThat(call(registry.isVerified(alice))).isFalse();
  }

  @Test
  void aBatchVerifiesEveryListedHolder() {
    var receipt = call(registry.setVerifiedBatch(List.of(alice, bob), true));
    assertThat(ComplianceRegistry.getHolderVerifiedEvents(receipt)).hasSize(2);
    assertThat(call(registry.isVerified(alice))).isTrue();
    assertThat(call(registry.isVerified(bob))).isTrue();
    call(registry.setVerifiedBatch(List.of(bob), false));
    assertThat(call(registry.isVerified(bob))).isFalse();
  }

  @Test
  void verifiedPairCountsTheMintAndBurnSideAsVerified() {
    call(registry.setVerified(alice, true));
    assertThat(call(registry.verifiedPair(ZERO, alice))).isEqualTo(new Tuple2<>(true, true));
    assertThat(call(registry.verifiedPair(alice, ZERO))).isEqualTo(new Tuple2<>(true, true));
    assertThat(call(registry.verifiedPair(alice, bob))).isEqualTo(new Tuple2<>(true, false));
    assertThat(call(registry.verifiedPair(bob, alice))).isEqualTo(new Tuple2<>(false, true));
  }

  @Test
  void theZeroAddressCanNeverBeVerified() {
    assertReverts(admin, registry, registry.setVerified(ZERO, true), "ZeroAddress()");
    assertReverts(
        admin, registry, registry.setVerifiedBatch(List.of(alice, ZERO), true), "ZeroAddress()");
    assertThat(call(registry.isVerified(alice))).isFalse();
  }

  @Test
  void deployingWithoutAnAdminFails() {
    assertDeployReverts(admin, ComplianceRegistry.BINARY, Abi.address(ZERO), "ZeroAddress()");
  }

  @Test
  void anUnauthorisedCallerFailsOnEveryMutatingFunction() {
    assertUnauthorized(stranger, registry, registry.setVerified(alice, true), COMPLIANCE_ROLE);
    assertUnauthorized(
        stranger, registry, registry.setVerifiedBatch(List.of(alice), true), COMPLIANCE_ROLE);
    assertUnauthorized(
        stranger,
        registry,
        registry.grantRole(COMPLIANCE_ROLE, stranger.getAddress()),
        DEFAULT_ADMIN_ROLE);
    assertUnauthorized(
        stranger,
        registry,
        registry.revokeRole(COMPLIANCE_ROLE, admin.getAddress()),
        DEFAULT_ADMIN_ROLE);
    assertReverts(
        stranger,
        registry,
        registry.renounceRole(COMPLIANCE_ROLE, admin.getAddress()),
        "AccessControlBadConfirmation()");
    assertThat(call(registry.isVerified(alice))).isFalse();
  }

  @Test
  void aGrantedOfficerMayVerifyAndARevokedOneMayNot() {
    call(registry.grantRole(COMPLIANCE_ROLE, stranger.getAddress()));
    ComplianceRegistry asStranger =
        ComplianceRegistry.load(
            registry.getContractAddress(), session.web3j(), session.as(stranger), session.gas());
    call(asStranger.setVerified(alice, true));
    assertThat(call(registry.isVerified(alice))).isTrue();
    call(registry.revokeRole(COMPLIANCE_ROLE, stranger.getAddress()));
    assertUnauthorized(stranger, registry, registry.setVerified(bob, true), COMPLIANCE_ROLE);
  }

  @Test
  void exposesItsRolesAndInterfaces() {
    assertThat(call(registry.COMPLIANCE_ROLE())).isEqualTo(COMPLIANCE_ROLE);
    assertThat(call(registry.DEFAULT_ADMIN_ROLE())).isEqualTo(DEFAULT_ADMIN_ROLE);
    assertThat(call(registry.getRoleAdmin(COMPLIANCE_ROLE))).isEqualTo(DEFAULT_ADMIN_ROLE);
    assertThat(call(registry.supportsInterface(org.web3j.utils.Numeric.hexStringToByteArray("0x7965db0b"))))
        .isTrue();
  }
}
