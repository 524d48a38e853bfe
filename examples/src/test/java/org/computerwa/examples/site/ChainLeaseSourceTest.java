package org.computerwa.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.mining.policy.GpuLease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease source against a real lease manager on anvil: leases are found from the events alone. */
class ChainLeaseSourceTest {
  private static final double MW_PER_UNIT = 1.25;
  private static final Duration TERM = Duration.ofHours(4);

  private static DevChain chain;
  private static Deployment deployment;
  private static ComputeRwaClient operator;
  private static ComputeRwaClient lessee;
  private static SigningKey attester;
  private static AssetId site;
  private static AssetId other;

  @BeforeAll
  static void start() {
    chain = DevChain.builder().accounts(5).build();
    SigningKey platformKey = key(0);
    deployment = Deployer.builder().rpcUrl(chain.rpcUrl()).signer(platformKey).operatorFeeBps(1_000).journal(Journal.inMemory()).confirmations(1).build().deploy().value();
    operator = client(1);
    lessee = client(2);
    attester = key(3);
    Address holder = Address.fromHex(chain.accounts().get(4).address());
    try (ComputeRwaClient platform = client(0)) {
      platform.assets().verifyHolders(List.of(holder));
      BigInteger shares = BigInteger.TEN.pow(21);
      site = platform.assets().register(hall("gpu-hall-001", operator.address()), Map.of(holder, shares)).value();
      other = platform.assets().register(hall("gpu-hall-002", operator.address()), Map.of(holder, shares)).value();
    }
    operator.evidence().authorizeAttester(site, attester.address());
    operator.evidence().authorizeAttester(other, attester.address());
  }

  @AfterAll
  static void stop() {
    operator.close();
    lessee.close();
    chain.close();
  }

  @Test
  void aLeaseOfferedAndAcceptedOnChainIsCommittedWithoutBeingToldItsId() {
    try (Journal journal = Journal.inMemory(); ChainLeaseSource source = open(journal, "accepted")) {
      int before = source.committed().size(); // leases of earlier tests on this chain
      LeaseId mine = offer(site, 4);
      offer(other, 6);

      Instant seen = operator.chainTime();
      List<GpuLease> offered = source.committed();
      assertThat(offered).hasSize(before + 1);
      GpuLease reserved = offered.get(before);
      assertThat(reserved.mw()).as("4 units of the site's asset, not the other asset's 6").isEqualTo(4 * MW_PER_UNIT);
      Lease open = operator.leases().lease(mine);
      assertThat(reserved.end()).as("an open offer is reserved to its latest end").isEqualTo(open.acceptBy().plus(open.term()));
      assertThat(reserved.start()).isBetween(seen, operator.chainTime());

      lessee.payments().mintTestTokens(lessee.address(), TokenAmount.ofBaseUnits(1_000_000_000_000L, operator.payments().token()));
      Lease accepted = lessee.leases().acceptWithPermit(mine).value();
      List<GpuLease> running = source.committed();
      assertThat(running).hasSize(before + 1);
      assertThat(running.get(before).start()).isEqualTo(accepted.start().orElseThrow());
      assertThat(running.get(before).end()).isEqualTo(accepted.end().orElseThrow());
      assertThat(running.get(before).mw()).isEqualTo(4 * MW_PER_UNIT);

      ChainClock.of(chain.rpcUrl()).advanceTo(accepted.start().orElseThrow().plus(Duration.ofHours(1)));
      operator.leases().terminate(mine);
      Instant cut = operator.leases().lease(mine).end().orElseThrow();
      assertThat(cut).isBefore(accepted.end().orElseThrow());
      assertThat(source.committed().get(before).end()).as("a termination cuts the committed lease short").isEqualTo(cut);
    }
  }

  @Test
  void anOfferAReorganisationRemovedIsDropped() {
    // Its own client: the reverted transaction's nonce must not linger in the other tests' client.
    try (Journal journal = Journal.inMemory(); ChainLeaseSource source = open(journal, "reorg");
        ComputeRwaClient reverted = client(1)) {
      int before = source.committed().size();
      String snapshot = chain.snapshot();
      offer(reverted, site, 2);
      assertThat(source.committed()).hasSize(before + 1);
      chain.revertTo(snapshot);
      chain.mine(3); // the new branch grows past the old head
      assertThat(source.committed()).as("the offer left the chain").hasSize(before);
    }
  }

  @Test
  void aSourceRestartedFromItsJournalStillCommitsTheLeasesOfferedBeforeTheRestart(@TempDir Path dir) {
    Path db = dir.resolve("site.db");
    int before;
    LeaseId offeredBefore;
    List<GpuLease> seenBefore;
    try (Journal journal = Journal.sqlite(db); ChainLeaseSource source = open(journal, "restart")) {
      before = source.committed().size();
      offeredBefore = offer(site, 3);
      seenBefore = source.committed();
      assertThat(seenBefore).hasSize(before + 1);
    }
    chain.mine(2); // the chain moves on while the site is down
    lessee.payments().mintTestTokens(lessee.address(), TokenAmount.ofBaseUnits(1_000_000_000_000L, operator.payments().token()));
    Lease accepted = lessee.leases().acceptWithPermit(offeredBefore).value();
    try (Journal journal = Journal.sqlite(db); ChainLeaseSource restarted = open(journal, "restart")) {
      List<GpuLease> after = restarted.committed();
      assertThat(after).as("the lease offered before the restart, accepted while the site was down").hasSize(before + 1);
      GpuLease lease = after.get(before);
      assertThat(lease.mw()).isEqualTo(3 * MW_PER_UNIT);
      assertThat(lease.start()).isEqualTo(accepted.start().orElseThrow());
      assertThat(lease.end()).isEqualTo(accepted.end().orElseThrow());
      LeaseId offeredAfter = offer(site, 1);
      assertThat(restarted.committed()).as("and it keeps following new offers").hasSize(before + 2);
      operator.leases().cancelOffer(offeredAfter);
    }
  }

  @Test
  void badArgumentsAreRefusedNamingTheField() {
    EventStream.Builder events = EventStream.builder();
    assertThatThrownBy(() -> ChainLeaseSource.open(operator, events, Journal.inMemory(), site, 0, Duration.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mwPerUnit");
    assertThatThrownBy(() -> ChainLeaseSource.open(operator, events, Journal.inMemory(), site, 1, Duration.ofHours(-1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("chainAhead");
  }

  private static ChainLeaseSource open(Journal journal, String name) {
    return ChainLeaseSource.open(operator,
        EventStream.builder().rpcUrl(chain.rpcUrl()).chainId(chain.chainId()).name(name)
            .contracts(List.of(deployment.leaseManager())).startBlock(0),
        journal, site, MW_PER_UNIT, Duration.ZERO);
  }

  private static LeaseId offer(AssetId asset, int units) {
    return offer(operator, asset, units);
  }

  private static LeaseId offer(ComputeRwaClient operator, AssetId asset, int units) {
    Token usd = operator.payments().token();
    Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
    LeaseTerms terms = LeaseTerms.builder().assetId("gpu-hall").lessor(operator.address()).lessee(lessee.address())
        .capacityUnits(units).start(acceptBy).end(acceptBy.plus(TERM)).rate(Rate.of(BigInteger.valueOf(50_000L * units), usd))
        .token(usd)
        .sla(SlaTerms.builder().minAvailabilityBps(10_000).gracePeriod(Duration.ofSeconds(60))
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build()).build())
        .build();
    return operator.leases().offer(asset, terms, Duration.ZERO, Duration.ZERO, attester.address()).value();
  }

  private static SigningKey key(int account) {
    return SigningKey.fromHex(chain.accounts().get(account).privateKeyHex());
  }

  private static ComputeRwaClient client(int account) {
    return ComputeRwaClient.builder().rpcUrl(chain.rpcUrl()).privateKey(chain.accounts().get(account).privateKeyHex())
        .contracts(deployment).journal(Journal.inMemory()).confirmations(1).pollInterval(Duration.ofMillis(10)).build();
  }

  private static ComputeAsset hall(String id, Address owner) {
    return ComputeAsset.builder().id(id).kind(AssetKind.GPU_NODE).owner(owner)
        .site(Site.builder().id("tx-south-1").gridRegion("ERCOT").powerCapacityMw(new BigDecimal("50"))
            .timeZone(ZoneId.of("America/Chicago")).build())
        .gpu(GpuSpec.builder().model("H100 SXM").count(8).memoryGib(80).boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4")).build())
        .capacityUnits(8).status(AssetStatus.ACTIVE).build();
  }
}
