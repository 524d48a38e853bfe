package org.computerwa.chain.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computerwa.chain.internal.Reverts.assertDeployReverts;
import static org.computerwa.chain.internal.Reverts.assertReverts;
import static org.computerwa.chain.internal.Reverts.assertUnauthorized;
import static org.computerwa.chain.internal.ShareStack.DEFAULT_ADMIN_ROLE;
import static org.computerwa.chain.internal.ShareStack.REGISTRAR_ROLE;
import static org.computerwa.chain.internal.ShareStack.call;
import static org.computerwa.chain.internal.ShareStack.shortString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.computerwa.chain.internal.Abi;
import org.computerwa.chain.internal.ChainSession;
import org.computerwa.chain.internal.ShareStack;
import org.computerwa.chain.internal.SharedChain;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

class ComputeAssetRegistryTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  private static final BigInteger EIGHT = BigInteger.valueOf(8);
  private final ChainSession session = SharedChain.session();
  private final Credentials admin = SharedChain.account(0);
  private final Credentials stranger = SharedChain.account(1);
  private final Credentials leaseManager = SharedChain.account(2);
  private final Credentials operator = SharedChain.account(3);
  private final String lessee = SharedChain.account(4).getAddress();
  private ComputeAssetRegistry registry;
  private ComputeAssetRegistry asLeaseManager;
  private ComplianceRegistry compliance;
  private String coin;

  private static byte[] spec(String name) {
    return Hash.sha3(name.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void deploy() {
    compliance =
        call(ComplianceRegistry.deploy(session.web3j(), session.as(admin), session.gas(), admin.getAddress()));
    coin = ShareStack.deployStablecoin(session, admin).getContractAddress();
    registry =
        call(
            ComputeAssetRegistry.deploy(
                session.web3j(), session.as(admin), session.gas(), admin.getAddress(),
                compliance.getContractAddress(), coin));
    call(registry.bindLeaseManager(leaseManager.getAddress()));
    asLeaseManager = as(leaseManager);
  }

  private ComputeAssetRegistry as(Credentials who) {
    return ComputeAssetRegistry.load(
        registry.getContractAddress(), session.web3j(), session.as(who), session.gas());
  }

  private BigInteger register(String name) {
    var receipt =
        call(registry.register(operator.getAddress(), spec(name), shortString("GPU_NODE"), EIGHT, List.of(), List.of()));
    return ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
  }

  @Test
  void registeringMintsOneTokenToTheOperatorAndStoresTheSpec() {
    var receipt =
        call(
            registry.register(
                operator.getAddress(), spec("gpu-1"), shortString("GPU_NODE"), EIGHT, List.of(), List.of()));
    var event = ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0);
    assertThat(event.assetId).isEqualTo(BigInteger.ONE);
    assertThat(event.operator).isEqualToIgnoringCase(operator.getAddress());
    assertThat(event.specHash).isEqualTo(spec("gpu-1"));
    assertThat(event.capacity).isEqualTo(EIGHT);
    assertThat(call(registry.ownerOf(BigInteger.ONE))).isEqualToIgnoringCase(operator.getAddress());
    assertThat(call(registry.specHashOf(BigInteger.ONE))).isEqualTo(spec("gpu-1"));
    assertThat(call(registry.kindOf(BigInteger.ONE))).isEqualTo(shortString("GPU_NODE"));
    assertThat(call(registry.capacityOf(BigInteger.ONE))).isEqualTo(EIGHT);
    assertThat(call(registry.assetBySpecHash(spec("gpu-1")))).isEqualTo(BigInteger.ONE);
    assertThat(call(registry.assetBySpecHash(spec("other")))).isZero();
    assertThat(call(registry.assetCount())).isEqualTo(BigInteger.ONE);
    assertThat(call(registry.balanceOf(operator.getAddress()))).isEqualTo(BigInteger.ONE);
    assertThat(call(registry.shareTokenOf(BigInteger.ONE))).isNotEqualTo(ZERO);
    assertThat(call(registry.distributorOf(BigInteger.ONE))).isNotEqualTo(ZERO);
    assertThat(call(registry.userOf(BigInteger.ONE))).isEqualTo(ZERO);
    assertThat(call(registry.userExpires(BigInteger.ONE))).isEqualTo(BigInteger.ONE); // pre-written, long past
  }

  @Test
  void assetIdsCountUpFromOne() {
    assertThat(register("a")).isEqualTo(BigInteger.ONE);
    assertThat(register("b")).isEqualTo(BigInteger.TWO);
    assertThat(call(registry.assetCount())).isEqualTo(BigInteger.TWO);
  }

  @Test
  void oneSpecHashNeverGetsASecondToken() {
    register("gpu-1");
    String revert =
        assertReverts(
            admin,
            registry,
            registry.register(admin.getAddress(), spec("gpu-1"), shortString("X"), EIGHT, List.of(), List.of()),
            "DuplicateSpecHash(bytes32,uint256)");
    assertThat(revert).contains(Numeric.toHexStringNoPrefix(spec("gpu-1")));
    assertThat(call(registry.assetCount())).isEqualTo(BigInteger.ONE);
  }

  @Test
  void registrationRejectsZeroSpecZeroCapacityAndZeroOperator() {
    assertReverts(
        admin,
        registry,
        registry.register(operator.getAddress(), new byte[32], shortString("X"), EIGHT, List.of(), List.of()),
        "ZeroSpecHash()");
    assertReverts(
        admin,
        registry,
        registry.register(operator.getAddress(), spec("x"), shortString("X"), BigInteger.ZERO, List.of(), List.of()),
        "ZeroCapacity()");
    assertReverts(
        admin,
        registry,
        registry.register(ZERO, spec("x"), shortString("X"), EIGHT, List.of(), List.of()),
        "ZeroAddress()");
    assertThat(call(registry.assetCount())).isZero();
  }

  @Test
  void viewsOfAnUnknownAssetRevert() {
    BigInteger unknown = BigInteger.valueOf(99);
    String error = "ERC721NonexistentToken(uint256)";
    assertReverts(admin, registry, registry.ownerOf(unknown), error);
    assertReverts(admin, registry, registry.capacityOf(unknown), error);
    assertReverts(admin, registry, registry.specHashOf(unknown), error);
    assertReverts(admin, registry, registry.kindOf(unknown), error);
    assertReverts(admin, registry, registry.shareTokenOf(unknown), error);
    assertReverts(admin, registry, registry.distributorOf(unknown), error);
    assertReverts(leaseManager, registry, asLeaseManager.setUser(unknown, lessee, BigInteger.TEN), error);
    assertReverts(leaseManager, registry, asLeaseManager.onLeaseAccepted(unknown, lessee, BigInteger.TEN), error);
  }

  @Test
  void anAcceptanceSetsAFreeUserAndReturnsTheOwnerAndTheShareToken() throws Exception {
    BigInteger id = register("gpu-1");
    long expires = SharedChain.now() + 100;
    // what the lease manager reads from the call: the owner and the share token
    String data = asLeaseManager.onLeaseAccepted(id, lessee, BigInteger.valueOf(expires)).encodeFunctionCall();
    String returned = session.web3j().ethCall(
            Transaction.createEthCallTransaction(
                leaseManager.getAddress(), registry.getContractAddress(), data),
            DefaultBlockParameterName.LATEST)
        .send().getValue();
    String words = Numeric.cleanHexPrefix(returned);
    assertThat(words).hasSize(128);
    assertThat("0x" + words.substring(24, 64)).isEqualToIgnoringCase(operator.getAddress());
    assertThat("0x" + words.substring(88, 128)).isEqualToIgnoringCase(call(registry.shareTokenOf(id)));
    var receipt = call(asLeaseManager.onLeaseAccepted(id, lessee, BigInteger.valueOf(expires)));
    var event = ComputeAssetRegistry.getUpdateUserEvents(receipt).get(0);
    assertThat(event.tokenId).isEqualTo(id);
    assertThat(event.user).isEqualToIgnoringCase(lessee);
    assertThat(event.expires).isEqualTo(BigInteger.valueOf(expires));
    assertThat(call(registry.userOf(id))).isEqualToIgnoringCase(lessee);
    assertThat(call(registry.userExpires(id))).isEqualTo(BigInteger.valueOf(expires));
  }

  @Test
  void anAcceptanceLeavesAUserThatHasNotExpired() {
    BigInteger id = register("gpu-1");
    long expires = SharedChain.now() + 1000;
    call(asLeaseManager.setUser(id, lessee, BigInteger.valueOf(expires)));
    var receipt =
        call(asLeaseManager.onLeaseAccepted(id, stranger.getAddress(), BigInteger.valueOf(expires + 500)));
    assertThat(ComputeAssetRegistry.getUpdateUserEvents(receipt)).isEmpty();
    assertThat(call(registry.userOf(id))).isEqualToIgnoringCase(lessee);
    assertThat(call(registry.userExpires(id))).isEqualTo(BigInteger.valueOf(expires));

    SharedChain.advanceTime(1001);
    call(asLeaseManager.onLeaseAccepted(id, stranger.getAddress(), BigInteger.valueOf(SharedChain.now() + 50)));
    assertThat(call(registry.userOf(id))).isEqualToIgnoringCase(stranger.getAddress());
  }

  @Test
  void theLeaseManagerSetsTheUserUntilExpiry() {
    BigInteger id = register("gpu-1");
    long expires = SharedChain.now() + 100;
    var receipt = call(asLeaseManager.setUser(id, lessee, BigInteger.valueOf(expires)));
    var event = ComputeAssetRegistry.getUpdateUserEvents(receipt).get(0);
    assertThat(event.tokenId).isEqualTo(id);
    assertThat(event.user).isEqualToIgnoringCase(lessee);
    assertThat(event.expires).isEqualTo(BigInteger.valueOf(expires));
    assertThat(call(registry.userOf(id))).isEqualToIgnoringCase(lessee);
    assertThat(call(registry.userExpires(id))).isEqualTo(BigInteger.valueOf(expires));

    SharedChain.advanceTime(101);
    assertThat(call(registry.userOf(id))).isEqualTo(ZERO);
    assertThat(call(registry.userExpires(id))).isEqualTo(BigInteger.valueOf(expires));
  }

  @Test
  void theLeaseManagerClearsTheUserWithTheZeroAddress() {
    BigInteger id = register("gpu-1");
    call(asLeaseManager.setUser(id, lessee, BigInteger.valueOf(SharedChain.now() + 1000)));
    call(asLeaseManager.setUser(id, ZERO, BigInteger.ZERO));
    assertThat(call(registry.userOf(id))).isEqualTo(ZERO);
    assertThat(call(registry.userExpires(id))).isZero();
  }

  @Test
  void aSaleOfTheAssetKeepsTheCurrentUser() {
    BigInteger id = register("gpu-1");
    call(asLeaseManager.setUser(id, lessee, BigInteger.valueOf(SharedChain.now() + 1000)));
    call(as(operator).transferFrom(operator.getAddress(), stranger.getAddress(), id));
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(stranger.getAddress());
    assertThat(call(registry.userOf(id))).isEqualToIgnoringCase(lessee);
  }

  @Test
  void supportsErc721Erc4907AndAccessControlInterfaces() {
    assertThat(call(registry.supportsInterface(Numeric.hexStringToByteArray("0x80ac58cd")))).isTrue();
    assertThat(call(registry.supportsInterface(Numeric.hexStringToByteArray("0xad092b5c")))).isTrue();
    assertThat(call(registry.supportsInterface(Numeric.hexStringToByteArray("0x7965db0b")))).isTrue();
    assertThat(call(registry.supportsInterface(Numeric.hexStringToByteArray("0x01ffc9a7")))).isTrue();
    assertThat(call(registry.supportsInterface(Numeric.hexStringToByteArray("0xffffffff")))).isFalse();
  }

  @Test
  void registrationCreatesTheShareTokenAndDistributorAndIssuesTheSharesInOneTransaction() {
    call(compliance.setVerified(stranger.getAddress(), true));
    var receipt =
        call(
            registry.register(
                operator.getAddress(), spec("one-tx"), shortString("GPU_NODE"), EIGHT,
                List.of(stranger.getAddress()), List.of(BigInteger.valueOf(1_000))));
    BigInteger id = ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
    var attached = ComputeAssetRegistry.getSharesAttachedEvents(receipt).get(0);
    assertThat(call(registry.shareTokenOf(id))).isEqualToIgnoringCase(attached.shareToken);
    assertThat(call(registry.distributorOf(id))).isEqualToIgnoringCase(attached.distributor);
    AssetShareToken shares =
        AssetShareToken.load(attached.shareToken, session.web3j(), session.as(admin), session.gas());
    AssetShareToken distributor =
        AssetShareToken.load(attached.distributor, session.web3j(), session.as(admin), session.gas());
    assertThat(call(shares.balanceOf(stranger.getAddress()))).isEqualTo(BigInteger.valueOf(1_000));
    assertThat(attached.distributor).isEqualToIgnoringCase(attached.shareToken);
    assertThat(call(shares.assetId())).isEqualTo(id);
    assertThat(call(shares.issuer())).isEqualToIgnoringCase(admin.getAddress());
    assertThat(call(distributor.shareToken())).isEqualToIgnoringCase(attached.shareToken);
    assertThat(call(distributor.payoutToken())).isEqualToIgnoringCase(coin);
    assertThat(call(distributor.totalShares())).isEqualTo(BigInteger.valueOf(1_000));
  }

  @Test
  void registrationWithAnUnverifiedHolderHappensNotAtAll() {
    BigInteger before = call(registry.assetCount());
    assertReverts(
        admin,
        registry,
        registry.register(
            operator.getAddress(), spec("unverified"), shortString("GPU_NODE"), EIGHT,
            List.of(lessee), List.of(BigInteger.ONE)),
        "NotVerified(address)");
    assertThat(call(registry.assetCount())).isEqualTo(before);
    assertThat(call(registry.assetBySpecHash(spec("unverified")))).isZero();
  }

  @Test
  void theLeaseManagerIsBoundOnceAndForGood() {
    assertThat(call(registry.leaseManager())).isEqualToIgnoringCase(leaseManager.getAddress());
    assertReverts(admin, registry, registry.bindLeaseManager(stranger.getAddress()), "LeaseManagerLocked()");
  }

  @Test
  void deployingWithoutAnAdminFails() {
    assertDeployReverts(
        admin,
        ComputeAssetRegistry.BINARY,
        Abi.words(Abi.address(ZERO), Abi.address(compliance.getContractAddress()), Abi.address(coin)),
        "ZeroAddress()");
  }

  @Test
  void anUnauthorisedCallerFailsOnEveryMutatingFunction() {
    BigInteger id = register("gpu-1");
    ComputeAssetRegistry asStranger = as(stranger);
    assertUnauthorized(
        stranger,
        registry,
        asStranger.register(stranger.getAddress(), spec("s"), shortString("X"), EIGHT, List.of(), List.of()),
        REGISTRAR_ROLE);
    assertReverts(
        stranger, registry, asStranger.setUser(id, lessee, BigInteger.TEN), "NotLeaseManager(address)");
    assertReverts(
        operator, registry, as(operator).setUser(id, lessee, BigInteger.TEN), "NotLeaseManager(address)");
    assertReverts(
        operator, registry, as(operator).onLeaseAccepted(id, lessee, BigInteger.TEN), "NotLeaseManager(address)");
    assertUnauthorized(
        stranger, registry, asStranger.bindLeaseManager(stranger.getAddress()), DEFAULT_ADMIN_ROLE);
    assertUnauthorized(
        stranger,
        registry,
        asStranger.grantRole(REGISTRAR_ROLE, stranger.getAddress()),
        DEFAULT_ADMIN_ROLE);
    assertReverts(
        stranger,
        registry,
        asStranger.transferFrom(operator.getAddress(), stranger.getAddress(), id),
        "ERC721InsufficientApproval(address,uint256)");
    assertThat(call(registry.userOf(id))).isEqualTo(ZERO);
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(operator.getAddress());
  }

  @Test
  void theOperatorUsesTheStandardErc721Functions() {
    BigInteger id = register("gpu-1");
    ComputeAssetRegistry asOperator = as(operator);
    assertThat(call(registry.name())).isEqualTo("ComputeRWA Asset");
    assertThat(call(registry.symbol())).isEqualTo("CRWA");
    assertThat(call(registry.tokenURI(id))).isEmpty();

    call(asOperator.approve(stranger.getAddress(), id));
    assertThat(call(registry.getApproved(id))).isEqualToIgnoringCase(stranger.getAddress());
    call(as(stranger).safeTransferFrom(operator.getAddress(), stranger.getAddress(), id));
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(stranger.getAddress());

    call(as(stranger).setApprovalForAll(operator.getAddress(), true));
    assertThat(call(registry.isApprovedForAll(stranger.getAddress(), operator.getAddress())))
        .isTrue();
    call(
        asOperator.safeTransferFrom(
            stranger.getAddress(), operator.getAddress(), id, new byte[] {1, 2}));
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(operator.getAddress());
  }

  @Test
  void aTransferToAContractThatCannotHoldTheAssetFails() {
    BigInteger id = register("gpu-1");
    String notAReceiver = registry.getContractAddress();
    assertReverts(
        operator,
        registry,
        registry.safeTransferFrom(operator.getAddress(), notAReceiver, id),
        "ERC721InvalidReceiver(address)");
    assertReverts(
        admin,
        registry,
        registry.register(notAReceiver, spec("x"), shortString("X"), EIGHT, List.of(), List.of()),
        "ERC721InvalidReceiver(address)");
  }

  @Test
  void rolesAreAdministeredByTheAdminAndMayBeRenouncedByTheirHolder() {
    assertThat(call(registry.REGISTRAR_ROLE())).isEqualTo(REGISTRAR_ROLE);
    assertThat(call(registry.getRoleAdmin(REGISTRAR_ROLE))).isEqualTo(DEFAULT_ADMIN_ROLE);
    assertThat(call(registry.hasRole(REGISTRAR_ROLE, admin.getAddress()))).isTrue();
    call(registry.grantRole(REGISTRAR_ROLE, stranger.getAddress()));
    call(as(stranger).renounceRole(REGISTRAR_ROLE, stranger.getAddress()));
    assertThat(call(registry.hasRole(REGISTRAR_ROLE, stranger.getAddress()))).isFalse();
  }

  @Test
  void registersTheSpecHashSdkCoreComputesForAnAsset() {
    ComputeAsset asset =
        ComputeAsset.builder()
            .id("gpu-node-001")
            .kind(AssetKind.GPU_NODE)
            .owner(Address.fromHex(operator.getAddress()))
            .site(
                Site.builder()
                    .id("s1")
                    .gridRegion("ERCOT")
                    .powerCapacityMw(BigDecimal.ONE)
                    .timeZone(ZoneId.of("UTC"))
                    .build())
            .gpu(
                GpuSpec.builder()
                    .model("L4")
                    .count(8)
                    .memoryGib(24)
                    .boardPowerWatts(72)
                    .denseBf16Tflops(new BigDecimal("121"))
                    .build())
            .capacityUnits(8)
            .status(AssetStatus.ACTIVE)
            .build();
    var receipt =
        call(
            registry.register(
                asset.owner().toHex(),
                asset.specHash().toBytes(),
                shortString(asset.kind().name()),
                BigInteger.valueOf(asset.capacityUnits()),
                List.of(),
                List.of()));
    BigInteger id = ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
    assertThat(Bytes32.of(call(registry.specHashOf(id)))).isEqualTo(asset.specHash());
    assertThat(call(registry.assetBySpecHash(asset.specHash().toBytes()))).isEqualTo(id);
    assertThat(call(registry.capacityOf(id))).isEqualTo(BigInteger.valueOf(asset.capacityUnits()));
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(asset.owner().toHex());
  }
  @Test
  void eachRegistrationMovesOneUnitOfTheFloatIntoTheNewShareToken() {
    TestStablecoin token = TestStablecoin.load(coin, session.web3j(), session.as(stranger), session.gas());
    call(token.mint(registry.getContractAddress(), BigInteger.TWO)); // anyone may fund the float
    for (String name : List.of("float-a", "float-b")) {
      var receipt =
          call(registry.register(operator.getAddress(), spec(name), shortString("GPU_NODE"), EIGHT, List.of(), List.of()));
      BigInteger id = ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
      assertThat(ComputeAssetRegistry.getPayoutBalanceNotSeededEvents(receipt)).isEmpty();
      assertThat(SharedChain.erc20Balance(coin, call(registry.shareTokenOf(id)))).isEqualTo(BigInteger.ONE);
    }
    assertThat(SharedChain.erc20Balance(coin, registry.getContractAddress())).isZero();
  }

  @Test
  void anEmptyFloatStillRegistersAndSaysSoByEvent() {
    var receipt =
        call(registry.register(operator.getAddress(), spec("no-float"), shortString("GPU_NODE"), EIGHT, List.of(), List.of()));
    BigInteger id = ComputeAssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
    String share = call(registry.shareTokenOf(id));
    var events = ComputeAssetRegistry.getPayoutBalanceNotSeededEvents(receipt);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).assetId).isEqualTo(id);
    assertThat(events.get(0).shareToken).isEqualToIgnoringCase(share);
    assertThat(SharedChain.erc20Balance(coin, share)).isZero();
    assertThat(call(registry.ownerOf(id))).isEqualToIgnoringCase(operator.getAddress());
  }
}
