package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.computerwa.chain.events.EventListener;
import org.computerwa.chain.events.EventPosition;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.events.internal.LogDecoder;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.event.AssetRegistered;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.core.event.Claimed;
import org.computerwa.core.event.Defaulted;
import org.computerwa.core.event.EvidenceAnchored;
import org.computerwa.core.event.HolderVerified;
import org.computerwa.core.event.LeaseAccepted;
import org.computerwa.core.event.LeaseOffered;
import org.computerwa.core.event.LeaseSettled;
import org.computerwa.core.event.LeaseTerminated;
import org.computerwa.core.event.Pledged;
import org.computerwa.core.event.RevenueDeposited;
import org.computerwa.core.event.SharesIssued;
import org.computerwa.core.event.SlaCreditApplied;
import org.computerwa.core.event.TokenTransferred;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.money.TokenAmount;
import org.junit.jupiter.api.Test;

/**
 * Every event type the stream decodes, produced by the real contracts through the public client
 * on anvil and compared field by field with what the client's own calls returned. The decoders
 * are written against the ABIs; this test holds them to real logs, so a contract change that moves
 * or reshapes an event cannot leave a decoder silently wrong.
 */
class EventsFromRealLogsTest extends OnFreshDeployment {
  static final long HOUR = 3_600;
  static final long RATE = 1_000;
  static final SigningKey ATTESTER = ComputeRwaClientTest.ATTESTER;
  static final SigningKey DEVICE = ComputeRwaClientTest.DEVICE;

  /** Collects what the stream delivers; a reorg is not expected on this chain. */
  static final class Collected implements EventListener {
    final List<ChainEvent> events = new ArrayList<>();

    @Override
    public void onEvent(ChainEvent event, EventPosition at) {
      events.add(event);
    }

    @Override
    public void onRemoved(ChainEvent event, EventPosition at) {
      throw new AssertionError("no reorg on this chain, yet removed: " + event);
    }

    <T extends ChainEvent> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @Test
  void everyDecodedEventTypeMatchesWhatTheClientDid() {
    long from = f.chain.blockNumber() + 1;
    // 1. two holders verified; an asset registered with its shares in one transaction
    f.platform.assets().verifyHolders(List.of(f.alice.address(), f.bob.address()));
    ComputeAsset node = f.gpuNode("gpu-node-events");
    BigInteger aliceShares = BigInteger.valueOf(6);
    BigInteger bobShares = BigInteger.valueOf(4);
    Map<Address, BigInteger> holders = new LinkedHashMap<>();
    holders.put(f.alice.address(), aliceShares);
    holders.put(f.bob.address(), bobShares);
    AssetId asset = f.platform.assets().register(node, holders).value();

    // 2. a lease offered with an attester and accepted with a permit
    LeaseTerms terms = f.terms(node.id(), 2, RATE, Duration.ofHours(4));
    f.operator.evidence().authorizeAttester(asset, ATTESTER.address());
    LeaseId leaseId =
        f.operator.leases().offer(asset, terms, Duration.ofHours(3), terms.term(), ATTESTER.address()).value();
    f.lessee.payments().mintTestTokens(f.lessee.address(), terms.totalRent());
    Lease lease = f.lessee.leases().acceptWithPermit(leaseId).value();
    Instant start = lease.start().orElseThrow();

    // 3. one hour of evidence with an outage, anchored; the lessee proves its credit within the
    // settlement lag (a credit first settles what is past the lag)
    f.chain.advanceTime(Duration.ofHours(2));
    Eip712Domain usage = f.operator.evidence().usageDomain();
    UsageStatement outage = UsageStatement.builder()
        .assetId(asset.value())
        .device(DEVICE.address())
        .periodStart(start)
        .periodEnd(start.plusSeconds(HOUR))
        .kind(UsageKind.AVAILABILITY)
        .value(BigInteger.valueOf(HOUR / 2))
        .availabilityBps(5_000)
        .build();
    List<SignedUsageStatement> signed = List.of(outage.sign(DEVICE, usage));
    StatementBatch batch = StatementBatch.of(asset.value(), start, start.plusSeconds(HOUR), signed, usage);
    Bytes32 root = f.platform.evidence().anchor(batch, ATTESTER).value();
    TokenAmount credit = f.lessee.evidence().applySlaCredit(leaseId, batch, signed.get(0)).value();

    // 4. past its end and the lag anyone settles it; a second lease is ended early by its lessee
    f.chain.advanceTime(Duration.ofHours(5).plusSeconds(1));
    Settlement settlement = f.platform.leases().settle(leaseId).value();
    LeaseTerms shortTerms = f.terms(node.id(), 1, RATE, Duration.ofHours(2));
    LeaseId shortId = f.operator.leases().offer(asset, shortTerms, Duration.ZERO, Duration.ZERO, Address.ZERO).value();
    f.lessee.payments().mintTestTokens(f.lessee.address(), shortTerms.totalRent());
    f.lessee.leases().acceptWithPermit(shortId);
    f.chain.advanceTime(Duration.ofMinutes(30));
    Outcome<TokenAmount> refund = f.lessee.leases().terminate(shortId);
    Lease ended = f.platform.leases().lease(shortId);

    // 5. a direct revenue deposit, a claim, a share transfer
    TokenAmount deposit = TokenAmount.ofBaseUnits(1_000_000, f.token());
    f.platform.payments().mintTestTokens(f.platform.address(), deposit);
    TokenAmount received = f.platform.revenue().deposit(asset, deposit).value();
    TokenAmount claimed = f.alice.revenue().claim(asset).value();
    f.alice.assets().transferShares(asset, f.bob.address(), BigInteger.ONE);

    // 6. a pledge accepted on its terms, defaulted after its deadline
    TokenAmount debt = TokenAmount.ofBaseUnits(5_000_000, f.token());
    Instant due = f.operator.chainTime().plus(Duration.ofHours(1));
    f.operator.pledges().propose(asset, f.bob.address(), debt, due);
    f.bob.pledges().accept(asset, debt, due);
    f.chain.advanceTime(Duration.ofHours(1).plusSeconds(1));
    f.bob.pledges().declareDefault(asset);

    Deployment d = f.deployment;
    Collected core = collect("events-core", from, List.of(d.assetRegistry(), d.complianceRegistry(), d.leaseManager(),
        d.evidenceAnchor(), d.pledgeRegistry()));
    SharesIssued issued = only(core.of(SharesIssued.class), e -> e.assetId().equals(asset.value()));
    Collected perAsset = collect("events-asset", from, List.of(issued.shareToken(), issued.distributor()));

    assertThat(core.of(HolderVerified.class))
        .containsExactly(new HolderVerified(f.alice.address(), true), new HolderVerified(f.bob.address(), true));
    assertThat(core.of(AssetRegistered.class)).containsExactly(new AssetRegistered(
        asset.value(), f.operator.address(), node.specHash(), ascii(node.kind().name()), node.capacityUnits()));
    assertThat(issued.distributor()).isEqualTo(f.platform.assets().distributorOf(asset));
    assertThat(core.of(LeaseOffered.class)).containsExactly(
        new LeaseOffered(leaseId.value(), asset.value(), f.operator.address()),
        new LeaseOffered(shortId.value(), asset.value(), f.operator.address()));
    assertThat(core.of(LeaseAccepted.class).get(0)).isEqualTo(new LeaseAccepted(
        leaseId.value(), f.lessee.address(), start, lease.end().orElseThrow(), lease.escrow().baseUnits()));
    assertThat(core.of(LeaseAccepted.class)).hasSize(2);
    assertThat(core.of(EvidenceAnchored.class)).containsExactly(
        new EvidenceAnchored(asset.value(), start, start.plusSeconds(HOUR), root, ATTESTER.address()));
    assertThat(core.of(SlaCreditApplied.class)).containsExactly(new SlaCreditApplied(
        leaseId.value(), start, start.plusSeconds(HOUR), HOUR / 2, credit.baseUnits()));
    assertThat(core.of(LeaseTerminated.class)).containsExactly(new LeaseTerminated(
        shortId.value(), f.lessee.address(), ended.end().orElseThrow(), refund.value().baseUnits()));
    assertThat(core.of(LeaseSettled.class)).contains(new LeaseSettled(
        leaseId.value(), settlement.paidUntil(), settlement.gross().baseUnits(), settlement.net().baseUnits()));
    assertThat(core.of(Pledged.class)).containsExactly(new Pledged(asset.value(), f.bob.address()));
    assertThat(core.of(Defaulted.class)).containsExactly(new Defaulted(asset.value(), f.bob.address(), debt.baseUnits()));

    assertThat(perAsset.of(TokenTransferred.class)).containsExactly(
        new TokenTransferred(issued.shareToken(), Address.ZERO, f.alice.address(), aliceShares),
        new TokenTransferred(issued.shareToken(), Address.ZERO, f.bob.address(), bobShares),
        new TokenTransferred(issued.shareToken(), f.alice.address(), f.bob.address(), BigInteger.ONE));
    assertThat(perAsset.of(RevenueDeposited.class))
        .contains(new RevenueDeposited(issued.distributor(), f.platform.address(), received.baseUnits()));
    assertThat(perAsset.of(Claimed.class))
        .containsExactly(new Claimed(issued.distributor(), f.alice.address(), claimed.baseUnits()));

    // every decoder the stream has was exercised by a real log
    Set<Class<?>> seen = new java.util.HashSet<>();
    core.events.forEach(e -> seen.add(e.getClass()));
    perAsset.events.forEach(e -> seen.add(e.getClass()));
    assertThat(seen).hasSize(LogDecoder.signatures().stream()
        .map(s -> s.substring(0, s.indexOf('('))).collect(Collectors.toSet()).size());
  }

  private Collected collect(String name, long from, List<Address> contracts) {
    Collected c = new Collected();
    try (Journal j = Journal.inMemory();
        EventStream s = EventStream.builder().rpcUrl(f.chain.rpcUrl()).chainId(f.chain.chainId()).journal(j)
            .name(name).contracts(contracts).startBlock(from).maxBlockRange(7).listener(c).build()) {
      s.poll();
    }
    return c;
  }

  private static <T> T only(List<T> events, java.util.function.Predicate<T> which) {
    List<T> match = events.stream().filter(which).toList();
    assertThat(match).hasSize(1);
    return match.get(0);
  }

  /** A short string left-aligned in a 32-byte word, as the registry stores an asset's kind. */
  private static Bytes32 ascii(String s) {
    byte[] word = new byte[32];
    byte[] text = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, word, 0, text.length);
    return Bytes32.of(word);
  }
}
