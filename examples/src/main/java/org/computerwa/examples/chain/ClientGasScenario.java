package org.computerwa.examples.chain;

import org.computerwa.chain.tx.Journal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.TokenAmount;

/**
 * The operations a user runs, measured through the public client ({@code ComputeRwaClient}) on a
 * fresh deployment: one-transaction registration, share transfers, lease acceptance with a permit,
 * anchoring, SLA credit, settlement (one lease and a keeper's batch), deposit, claims and pledges.
 * First use (fresh storage) and steady state are separate rows wherever they differ.
 *
 * <pre>{@code
 * new ClientGasScenario().measure(bench);
 * }</pre>
 */
public final class ClientGasScenario implements GasScenario {
  /** Target: asset NFT, share token and distributor clones, and the supply to one holder. */
  public static final long REGISTER_TARGET = 500_000;

  /** Target: a share transfer to an account that never held shares. */
  public static final long TRANSFER_NEW_TARGET = 80_000;

  /** Target: a share transfer to an existing holder. */
  public static final long TRANSFER_TARGET = 60_000;

  /** Target: lease acceptance with an EIP-2612 permit. */
  public static final long ACCEPT_TARGET = 150_000;

  /** Target: anchoring an evidence root. */
  public static final long ANCHOR_TARGET = 70_000;

  /** Target: a revenue deposit. */
  public static final long DEPOSIT_TARGET = 60_000;

  /** Target: a claim by a holder that already holds the stablecoin. */
  public static final long CLAIM_TARGET = 60_000;

  /**
   * Payment-token base units the measured deployments leave in the asset registry, one per
   * registration (see {@code Deployer.Builder.registrationFloat}): the report measures the case
   * where the float is funded.
   */
  public static final long REGISTRATION_FLOAT = 1_000;

  private static final long HOUR = 3_600;
  private static final long RATE = 1_000;
  private static final BigInteger SHARE = BigInteger.TEN.pow(18);
  private static final SigningKey ATTESTER = SigningKey.fromSecret(BigInteger.valueOf(0xA77E57L));

  @Override
  public String name() {
    return "public client";
  }

  @Override
  public void measure(GasBench bench) {
    Deployment deployment =
        Deployer.builder().rpcUrl(bench.rpcUrl()).signer(bench.key(0)).operatorFeeBps(1_000).journal(Journal.inMemory()).confirmations(1)
            .registrationFloat(REGISTRATION_FLOAT).build().deploy().value();
    try (ComputeRwaClient platform = client(bench, deployment, 0);
        ComputeRwaClient operator = client(bench, deployment, 1);
        ComputeRwaClient lessee = client(bench, deployment, 2);
        ComputeRwaClient holder = client(bench, deployment, 3);
        ComputeRwaClient second = client(bench, deployment, 4);
        ComputeRwaClient fresh = client(bench, deployment, 5);
        ComputeRwaClient lender = client(bench, deployment, 6);
        ComputeRwaClient lessee2 = client(bench, deployment, 7)) {
      measureWith(bench, platform, operator, lessee, holder, second, fresh, lender, lessee2);
    }
  }

  private static ComputeRwaClient client(GasBench bench, Deployment deployment, int account) {
    return ComputeRwaClient.builder().rpcUrl(bench.rpcUrl()).signer(bench.key(account)).contracts(deployment).journal(Journal.inMemory()).confirmations(1).build();
  }

  private static void measureWith(GasBench bench, ComputeRwaClient platform, ComputeRwaClient operator,
      ComputeRwaClient lessee, ComputeRwaClient holder, ComputeRwaClient second, ComputeRwaClient fresh,
      ComputeRwaClient lender, ComputeRwaClient lessee2) {
    int one = GasBench.ONE_OFF;
    platform.assets().verifyHolders(List.of(holder.address(), second.address(), fresh.address()));

    // registration: the first asset of the deployment, then the steady state
    Outcome<AssetId> first = platform.assets().register(node(operator.address(), "gas-node-1"),
        Map.of(holder.address(), SHARE.multiply(BigInteger.valueOf(1_000))));
    bench.record("register asset with shares (one transaction)", one, only(first.receipts()), REGISTER_TARGET);
    Outcome<AssetId> next = platform.assets().register(node(operator.address(), "gas-node-2"),
        Map.of(holder.address(), SHARE.multiply(BigInteger.valueOf(1_000))));
    bench.record("register asset with shares (one transaction, steady state)", one, only(next.receipts()),
        REGISTER_TARGET);
    AssetId asset = first.value();

    // income before any lease (so transfers below move existing entitlement, as they do in use)
    TokenAmount income = TokenAmount.ofBaseUnits(1_000_000_000L, platform.payments().token());
    platform.payments().mintTestTokens(platform.address(), income.plus(income).plus(income));
    Outcome<TokenAmount> firstDeposit = platform.revenue().deposit(asset, income);
    bench.record("revenue deposit (distribution)", one, firstDeposit.receipts().get(1), DEPOSIT_TARGET);

    // share transfers with no lease streaming
    bench.record("share transfer to a first-time holder", one,
        holder.assets().transferShares(asset, second.address(), SHARE), TRANSFER_NEW_TARGET);
    bench.record("share transfer to an existing holder", one,
        holder.assets().transferShares(asset, second.address(), SHARE), TRANSFER_TARGET);

    // leases: the first acceptance of the deployment by a new lessee, with a permit
    operator.evidence().authorizeAttester(asset, ATTESTER.address());
    LeaseTerms terms = terms(operator, lessee.address(), 8, Duration.ofHours(10));
    Outcome<LeaseId> offered =
        operator.leases().offer(asset, terms, Duration.ofHours(2), Duration.ZERO, ATTESTER.address());
    bench.record("lease offer (reserves capacity, names the attester)", one, only(offered.receipts()), 0);
    lessee.payments().mintTestTokens(lessee.address(), terms.totalRent().plus(terms.totalRent()));
    Outcome<?> accepted = lessee.leases().acceptWithPermit(offered.value());
    bench.record("lease acceptance with permit (first ever)", one, only(accepted.receipts()), ACCEPT_TARGET);
    LeaseTerms again = terms(operator, lessee2.address(), 8, Duration.ofHours(10));
    AssetId other = next.value();
    LeaseId secondLease = operator.leases().offer(other, again, Duration.ofHours(2), Duration.ZERO, Address.ZERO).value();
    lessee2.payments().mintTestTokens(lessee2.address(), again.totalRent());
    bench.record("lease acceptance with permit (steady state: new lessee, known asset and manager)", one,
        only(lessee2.leases().acceptWithPermit(secondLease).receipts()), ACCEPT_TARGET);

    // share transfers while a lease streams to the holders
    bench.record("share transfer to an existing holder (one lease streaming)", one,
        holder.assets().transferShares(asset, second.address(), SHARE), TRANSFER_TARGET);
    bench.record("share transfer to a first-time holder (one lease streaming)", one,
        holder.assets().transferShares(asset, fresh.address(), SHARE), TRANSFER_NEW_TARGET);

    // evidence: an hourly root, a credit from it (inside the 2-hour lag), the next root
    Instant start = lessee.leases().lease(offered.value()).start().orElseThrow();
    advance(bench, HOUR + 10);
    StatementBatch hour1 = batch(operator, asset, start, 9_000, 10_000, 9_800, 10_000);
    bench.record("anchor evidence root (first period of the asset)", one,
        only(platform.evidence().anchor(hour1, ATTESTER).receipts()), ANCHOR_TARGET);
    SignedUsageStatement outage = hour1.statements().get(0);
    bench.record("apply SLA credit (proof of 4 leaves)", one,
        only(lessee.evidence().applySlaCredit(offered.value(), hour1, outage).receipts()), 0);
    advance(bench, HOUR);
    StatementBatch hour2 = batch(operator, asset, start.plusSeconds(HOUR), 10_000, 10_000, 9_990, 10_000);
    bench.record("anchor evidence root", one, only(platform.evidence().anchor(hour2, ATTESTER).receipts()),
        ANCHOR_TARGET);

    // settlement: one lease, then a keeper's batch
    bench.record("settle (owner's side + holders' stream funded)", one,
        only(platform.leases().settle(offered.value()).receipts()), 0);
    advance(bench, HOUR);
    StatementBatch hour3 = batch(operator, asset, start.plusSeconds(2 * HOUR), 10_000, 10_000, 10_000, 10_000);
    platform.evidence().anchor(hour3, ATTESTER);
    bench.record("settleDue (keeper, 2 running leases + 1 unknown id)", one,
        only(platform.leases().settleDue(List.of(offered.value(), secondLease, LeaseId.of(BigInteger.valueOf(999))))
            .receipts()), 0);

    // revenue while a lease streams: a deposit, claims
    Outcome<TokenAmount> deposited = platform.revenue().deposit(asset, income);
    bench.record("revenue deposit (distribution, one lease streaming)", one, deposited.receipts().get(1),
        DEPOSIT_TARGET);
    platform.revenue().deposit(asset, income);
    holder.payments().mintTestTokens(holder.address(), TokenAmount.ofBaseUnits(1, platform.payments().token()));
    bench.record("claim (holder already holds the stablecoin, one lease streaming)", one,
        only(holder.revenue().claim(asset).receipts()), CLAIM_TARGET);
    advance(bench, 1); // a new second: this claim counts the stream's income too, in every run
    bench.record("first claim (holder holds no stablecoin yet, one lease streaming)", one,
        only(second.revenue().claim(asset).receipts()), CLAIM_TARGET);

    // termination and withdrawals
    bench.record("terminate early by the owner (refund, stream cut, ERC-4907 user handed over)", one,
        operator.leases().terminate(secondLease).receipts().get(0), 0);
    bench.record("withdraw (operator fee)", one, only(operator.leases().withdraw().receipts()), 0);

    // pledges: propose, accept on terms, default after the deadline, settle in default
    TokenAmount debt = TokenAmount.ofBaseUnits(1_000_000_000_000L, platform.payments().token());
    Instant due = platform.chainTime().plus(Duration.ofMinutes(10));
    bench.record("pledge proposed (owner's side of income)", one,
        operator.pledges().propose(asset, lender.address(), debt, due), 0);
    bench.record("pledge accepted on its terms", one, lender.pledges().accept(asset, debt, due), 0);
    advance(bench, 11 * 60);
    bench.record("default declared after the deadline", one, lender.pledges().declareDefault(asset), 0);
    StatementBatch hour4 = batch(operator, asset, start.plusSeconds(3 * HOUR), 10_000, 10_000, 10_000, 10_000);
    advance(bench, HOUR);
    platform.evidence().anchor(hour4, ATTESTER);
    bench.record("settle in default (owner's side to the lender)", one,
        only(platform.leases().settle(offered.value()).receipts()), 0);

    bench.explain("register asset with shares (one transaction)",
        "asset NFT and one share token that is also the asset's revenue distributor (an EIP-1167 clone carrying"
            + " the asset id, the issuer and the lease manager as immutable arguments), the supply issued to one"
            + " verified holder, and pre-written storage (first stream slot, the distribution's hot slot, the"
            + " ERC-4907 slot, and the share token's balance in the payout stablecoin: one base unit moved from the"
            + " registry's float, which these deployments fund) so that the first lease and the first deposit"
            + " write no new slot for them. With an empty float the registration emits PayoutBalanceNotSeeded"
            + " instead and the asset's first deposit pays for that slot");
    bench.explain("lease acceptance with permit (first ever)",
        "a new lessee's EIP-2612 permit (inside the stablecoin: a new nonce slot, and an allowance for exactly the"
            + " escrow that returns to zero in the same transaction and is refunded), one registry call that checks"
            + " the owner and sets the ERC-4907 user, the escrow pulled and checked, one lease slot rewritten and"
            + " the holders' stream opened. What it costs beyond the steady-state row is the stablecoin writing the"
            + " lease manager's first balance slot");
    bench.explain("revenue deposit (distribution)",
        "the first deposit into the asset: the stablecoin balance slot of the share token exists already (the"
            + " unit registration moved from the funded float), so no new slot is written");
    bench.explain("claim (holder already holds the stablecoin, one lease streaming)",
        "the claim reads the running lease's stream and the totals and pays against the points per share the"
            + " stream adds up to this second, without writing them: no balance changed since the last accrual,"
            + " so the next one (at a transfer or a stream change) credits the same income to the same holders."
            + " It writes only the holder's entry, as without a stream; what it adds to the shares rows' claim"
            + " is reading the stream and the totals");
    bench.explain("first claim (holder holds no stablecoin yet, one lease streaming)",
        "the streaming claim above (one second later, so it reads the stream's income to a new second) plus the"
            + " stablecoin writing its first balance slot for the holder; see the shares row's first claim for why"
            + " no claim design reaches the target");
    bench.explain("terminate early by the owner (refund, stream cut, ERC-4907 user handed over)",
        "settles the lease first, refunds the unused time, accrues and cuts the holders' stream, and hands the"
            + " ERC-4907 user over (reading the registry's user and expiry, then writing it)");
  }

  private static Receipt only(List<Receipt> receipts) {
    if (receipts.size() != 1) {
      throw new IllegalStateException("expected one transaction, got " + receipts.size());
    }
    return receipts.get(0);
  }

  private static void advance(GasBench bench, long seconds) {
    bench.advance(Duration.ofSeconds(seconds));
  }

  static ComputeAsset node(Address owner, String id) {
    return ComputeAsset.builder()
        .id(id)
        .kind(AssetKind.GPU_NODE)
        .owner(owner)
        .site(Site.builder().id("gas-site").gridRegion("ERCOT").powerCapacityMw(new BigDecimal("12.5"))
            .timeZone(ZoneId.of("America/Chicago")).build())
        .gpu(GpuSpec.builder().model("H100 SXM").count(8).memoryGib(80).boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4")).build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
  }

  private static LeaseTerms terms(ComputeRwaClient operator, Address lessee, long units, Duration term) {
    Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
    return LeaseTerms.builder()
        .assetId("gas-node")
        .lessor(operator.address())
        .lessee(lessee)
        .capacityUnits(units)
        .start(acceptBy)
        .end(acceptBy.plus(term))
        .rate(Rate.of(BigInteger.valueOf(RATE), operator.payments().token()))
        .token(operator.payments().token())
        .sla(SlaTerms.builder().minAvailabilityBps(10_000).gracePeriod(Duration.ofSeconds(60))
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build()).build())
        .build();
  }

  private static StatementBatch batch(ComputeRwaClient operator, AssetId asset, Instant start, int... bps) {
    List<SignedUsageStatement> signed = new ArrayList<>();
    long step = HOUR / bps.length;
    for (int i = 0; i < bps.length; i++) {
      SigningKey device = SigningKey.fromSecret(BigInteger.valueOf(0xDE1CEL + i));
      signed.add(UsageStatement.builder().assetId(asset.value()).device(device.address())
          .periodStart(start.plusSeconds(i * step)).periodEnd(start.plusSeconds((i + 1) * step))
          .kind(UsageKind.AVAILABILITY).value(BigInteger.valueOf(step * bps[i] / 10_000)).availabilityBps(bps[i])
          .build().sign(device, operator.evidence().usageDomain()));
    }
    return StatementBatch.of(asset.value(), start, start.plusSeconds(HOUR), signed, operator.evidence().usageDomain());
  }

}
