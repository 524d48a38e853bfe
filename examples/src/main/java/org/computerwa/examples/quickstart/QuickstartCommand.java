package org.computerwa.examples.quickstart;

import org.computerwa.chain.tx.Journal;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployer;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.client.Lease;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Outcome;
import org.computerwa.chain.client.Receipt;
import org.computerwa.chain.client.Runway;
import org.computerwa.chain.client.Settlement;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.asset.AssetKind;
import org.computerwa.core.asset.AssetStatus;
import org.computerwa.core.asset.ComputeAsset;
import org.computerwa.core.asset.GpuSpec;
import org.computerwa.core.asset.Site;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.DistributorModel;
import org.computerwa.examples.cli.ComputerwaCli;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa quickstart}: runs the whole story end to end on a local anvil chain it starts
 * and stops itself, and narrates it with the real figures.
 *
 * <pre>{@code
 * computerwa quickstart
 * computerwa quickstart --anvil /opt/foundry/bin/anvil
 * }</pre>
 *
 * <p>Exit code 0 when every step succeeded and every on-chain figure matched the sdk-core
 * computation of it; 1 when a figure did not match or a step failed.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole story end to end on a local chain it starts itself.",
      "Deploys the contracts, registers a GPU node, issues shares, leases it with a permit, anchors",
      "device statements, applies an SLA credit, settles and claims; prints every transaction",
      "(hash, gas) and every amount, each checked against sdk-core."
    })
public final class QuickstartCommand implements Callable<Integer> {
  private static final long RATE_PER_SECOND = 1_000; // 0.001 tUSD per second, 3.6 tUSD per hour
  private static final Duration TERM = Duration.ofHours(10);
  private static final long FEE_BPS = 1_000; // the operator's 10 % of each lease's rent
  private static final Duration LAG = Duration.ofHours(6);
  private static final int[] HOURLY_AVAILABILITY_BPS = {9_000, 10_000, 9_950};
  // Powers of two keep the distributor's fixed-point split exact (see RevenueDistributor).
  private static final BigInteger ALICE_SHARES = BigInteger.valueOf(700).multiply(BigInteger.TEN.pow(18));
  private static final BigInteger BOB_SHARES = BigInteger.valueOf(300).multiply(BigInteger.TEN.pow(18));

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--anvil", paramLabel = "PATH", description = "The anvil executable (default: the npm install under sdk-chain, then the search path).")
  @Nullable Path anvil;

  private PrintWriter out = new PrintWriter(System.out, true);
  private int step;
  private int mismatches;

  @Override
  public Integer call() {
    if (spec != null) {
      out = spec.commandLine().getOut();
    }
    DevChain.Builder chainBuilder = DevChain.builder().accounts(7);
    if (anvil != null) {
      chainBuilder.anvilBinary(anvil);
    }
    try (DevChain chain = chainBuilder.build()) {
      run(chain);
    } catch (ComputeRwaException e) {
      PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
      err.println("quickstart failed: " + e.getMessage());
      if (e instanceof ChainException) {
        err.println("  revert: " + ((ChainException) e).errorName().orElse("-") + ", retryable: " + e.retryable());
      }
      err.flush();
      return ComputerwaCli.EXIT_INVALID;
    }
    out.println();
    out.println(mismatches == 0 ? "Done: every on-chain figure matched sdk-core." : "FAILED: " + mismatches + " figure(s) did not match.");
    out.flush();
    return mismatches == 0 ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  private void run(DevChain chain) {
    out.println("Local chain " + chain.chainId() + " at " + chain.rpcUrl());

    step("Deploy the contracts (the platform's key administers them)");
    SigningKey platformKey = SigningKey.fromHex(chain.accounts().get(0).privateKeyHex());
    Outcome<Deployment> deployed =
        Deployer.builder().rpcUrl(chain.rpcUrl()).signer(platformKey).operatorFeeBps((int) FEE_BPS).journal(Journal.inMemory()).confirmations(1).build().deploy();
    receipts(deployed);
    Deployment deployment = deployed.value();
    deployment.asMap().forEach((name, address) -> out.printf("    %-19s %s%n", name, address));

    try (ComputeRwaClient platform = client(chain, 0, deployment);
        ComputeRwaClient operator = client(chain, 1, deployment);
        ComputeRwaClient lessee = client(chain, 2, deployment);
        ComputeRwaClient alice = client(chain, 3, deployment);
        ComputeRwaClient bob = client(chain, 4, deployment)) {
      SigningKey attester = SigningKey.fromHex(chain.accounts().get(5).privateKeyHex());
      SigningKey device = SigningKey.fromHex(chain.accounts().get(6).privateKeyHex());
      Token usd = platform.payments().token();

      step("Verify two holders, then register an 8-GPU node owned by the operator " + operator.address()
          + " with its share token, distributor and 700 : 300 shares, in one transaction");
      receipt(platform.assets().verifyHolders(List.of(alice.address(), bob.address())));
      ComputeAsset node = gpuNode(operator.address());
      Map<Address, BigInteger> shares = new LinkedHashMap<>();
      shares.put(alice.address(), ALICE_SHARES);
      shares.put(bob.address(), BOB_SHARES);
      Outcome<AssetId> registered = platform.assets().register(node, shares);
      receipts(registered);
      AssetId asset = registered.value();
      DistributorModel model = DistributorModel.create(usd);
      model.mint("alice", ALICE_SHARES, platform.chainTime());
      model.mint("bob", BOB_SHARES, platform.chainTime());
      out.println("    asset id " + asset + ", spec hash " + node.specHash());
      out.println("    alice " + ALICE_SHARES + ", bob " + BOB_SHARES + " share units; supply "
          + platform.assets().totalShares(asset));
      check("spec hash on-chain", platform.assets().specHash(asset), node.specHash());

      step("Offer 4 GPUs for 10 hours at " + RATE_PER_SECOND + " base units per second, settlement lag 6 hours,"
          + " evidence from the attester " + attester.address());
      receipt(operator.evidence().authorizeAttester(asset, attester.address()));
      Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
      LeaseTerms terms =
          LeaseTerms.builder()
              .assetId(node.id())
              .lessor(operator.address())
              .lessee(lessee.address())
              .capacityUnits(4)
              .start(acceptBy)
              .end(acceptBy.plus(TERM))
              .rate(Rate.of(BigInteger.valueOf(RATE_PER_SECOND), usd))
              .token(usd)
              .sla(SlaTerms.builder()
                  .minAvailabilityBps(10_000)
                  .gracePeriod(Duration.ofSeconds(60))
                  .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build())
                  .build())
              .build();
      Outcome<LeaseId> offered = operator.leases().offer(asset, terms, LAG, TERM, attester.address());
      receipts(offered);
      LeaseId leaseId = offered.value();
      out.println("    lease id " + leaseId + ", total rent " + money(terms.totalRent()));

      step("The lessee gets test dollars and accepts with an EIP-2612 permit (no approval transaction)");
      receipt(lessee.payments().mintTestTokens(lessee.address(), terms.totalRent()));
      Outcome<Lease> accepted = lessee.leases().acceptWithPermit(leaseId);
      receipts(accepted);
      Lease lease = accepted.value();
      LeaseTerms real = lease.asAccepted(terms);
      LeaseLedger ledger = LeaseLedger.open(real).deposit(terms.totalRent());
      BigInteger holderRate = BigInteger.valueOf(RATE_PER_SECOND - RATE_PER_SECOND * FEE_BPS / 10_000);
      int slot = model.openStream(leaseId.value().longValueExact(), holderRate, real.start().plus(LAG),
          real.end().plus(LAG), lessee.chainTime());
      out.println("    runs " + real.start() + " .. " + real.end() + ", escrow " + money(lease.escrow())
          + "; the holders' " + holderRate + " base units per second stream to them from " + real.start().plus(LAG));

      step("Three hours pass");
      chain.advanceTime(Duration.ofHours(3));
      Instant now = operator.chainTime();
      Runway runway = operator.leases().runway(leaseId);
      out.println("    chain time " + now + ", accrued " + money(operator.leases().accrued(leaseId))
          + ", runway " + runway.remaining() + ", escrow " + money(runway.escrow()));
      check("accrued rent", operator.leases().accrued(leaseId), ledger.accruedAt(now));
      check("runway", runway.remaining(), ledger.runwayAt(now));

      step("The device signs hourly availability statements; the site anchors them as one Merkle root");
      Eip712Domain usage = operator.evidence().usageDomain();
      List<SignedUsageStatement> signed = new ArrayList<>();
      for (int h = 0; h < HOURLY_AVAILABILITY_BPS.length; h++) {
        Instant from = real.start().plus(Duration.ofHours(h));
        int bps = HOURLY_AVAILABILITY_BPS[h];
        UsageStatement s = UsageStatement.builder()
            .assetId(asset.value())
            .device(device.address())
            .periodStart(from)
            .periodEnd(from.plus(Duration.ofHours(1)))
            .kind(UsageKind.AVAILABILITY)
            .value(BigInteger.valueOf(3_600L * bps / 10_000))
            .availabilityBps(bps)
            .build();
        signed.add(s.sign(device, usage));
        out.println("    hour " + h + ": availability " + bps + " bps, leaf " + s.leafHash());
      }
      StatementBatch batch =
          StatementBatch.of(asset.value(), real.start(), real.start().plus(Duration.ofHours(3)), signed, usage);
      receipts(platform.evidence().anchor(batch, attester));
      out.println("    root " + batch.root());

      step("The lessee claims the SLA credit the outage hour proves");
      UsageStatement outage = signed.get(0).statement();
      Outcome<TokenAmount> credited = lessee.evidence().applySlaCredit(leaseId, batch, signed.get(0));
      receipts(credited);
      TokenAmount credit = credited.value();
      long creditSeconds = (360 - 60) / node.capacityUnits();
      out.println("    one of the node's " + node.capacityUnits() + " devices 90 % available: 360 s down, 60 s grace,"
          + " the lease's share " + creditSeconds + " s, credit " + money(credit));
      check("SLA credit", credit.baseUnits(), BigInteger.valueOf(creditSeconds * RATE_PER_SECOND));
      model.debitStream(slot, leaseId.value().longValueExact(), holderRate.multiply(BigInteger.valueOf(creditSeconds)),
          lessee.chainTime());
      try {
        lessee.evidence().applySlaCredit(leaseId, batch, signed.get(2));
        check("99.5 % hour refused", "accepted", "NoCreditDue");
      } catch (ChainException e) {
        out.println("    the 99.5 % hour is within grace: refused with " + e.errorName().orElse("?")
            + " before sending (retryable: " + e.retryable() + ")");
      }

      step("Twenty hours later the lease has ended; the site anchors the other seven hours, anyone settles");
      chain.advanceTime(Duration.ofHours(20));
      List<SignedUsageStatement> rest = new ArrayList<>();
      for (int h = HOURLY_AVAILABILITY_BPS.length; h < TERM.toHours(); h++) {
        Instant from = real.start().plus(Duration.ofHours(h));
        rest.add(UsageStatement.builder().assetId(asset.value()).device(device.address()).periodStart(from)
            .periodEnd(from.plus(Duration.ofHours(1))).kind(UsageKind.AVAILABILITY).value(BigInteger.valueOf(3_600))
            .availabilityBps(10_000).build().sign(device, usage));
      }
      receipts(platform.evidence().anchor(StatementBatch.of(asset.value(),
          real.start().plus(Duration.ofHours(HOURLY_AVAILABILITY_BPS.length)), real.end(), rest, usage), attester));
      Outcome<Settlement> settled = platform.leases().settle(leaseId);
      receipts(settled);
      Settlement s = settled.value();
      out.println("    gross " + money(s.gross()) + ", less credit = net " + money(s.net()));
      out.println("    operator fee " + money(s.operatorFee()) + ", lender " + money(s.toLender())
          + ", holders " + money(s.toHolders()));
      check("gross rent", s.gross(), ledger.settle(platform.chainTime()).paid());
      check("holders' part", s.toHolders(), platform.leases().waterfall().distribute(s.net()).holders());

      step("Holders claim; operator and lessee withdraw");
      TokenAmount held = platform.payments().balanceOf(platform.assets().distributorOf(asset));
      Outcome<TokenAmount> aliceClaim = alice.revenue().claim(asset);
      receipts(aliceClaim);
      TokenAmount aliceModel = model.claim("alice", held, alice.chainTime());
      held = held.minus(aliceClaim.value());
      Outcome<TokenAmount> bobClaim = bob.revenue().claim(asset);
      receipts(bobClaim);
      TokenAmount bobModel = model.claim("bob", held, bob.chainTime());
      out.println("    alice " + money(aliceClaim.value()) + ", bob " + money(bobClaim.value())
          + " (sdk-core's DistributorModel replays the distributor exactly)");
      check("alice's claim", aliceClaim.value(), aliceModel);
      check("bob's claim", bobClaim.value(), bobModel);
      TokenAmount dust = platform.payments().balanceOf(platform.assets().distributorOf(asset));
      Outcome<TokenAmount> fee = operator.leases().withdraw();
      Outcome<TokenAmount> refund = lessee.leases().withdraw();
      receipts(fee);
      receipts(refund);
      out.println("    operator " + money(fee.value()) + ", lessee " + money(refund.value()));
      out.println("    left in the distributor below one base unit per holder: " + money(dust));
      check("conservation",
          aliceClaim.value().plus(bobClaim.value()).plus(fee.value()).plus(refund.value()).plus(dust),
          terms.totalRent());
    }
  }

  private static ComputeRwaClient client(DevChain chain, int account, Deployment deployment) {
    return ComputeRwaClient.builder()
        .rpcUrl(chain.rpcUrl())
        .privateKey(chain.accounts().get(account).privateKeyHex())
        .contracts(deployment)
        .journal(Journal.inMemory()) // a dev chain; a service journals to Journal.sqlite(path)
        .confirmations(1)
        .pollInterval(Duration.ofMillis(10))
        .build();
  }

  private static ComputeAsset gpuNode(Address owner) {
    return ComputeAsset.builder()
        .id("gpu-node-001")
        .kind(AssetKind.GPU_NODE)
        .owner(owner)
        .site(Site.builder()
            .id("tx-abilene-1")
            .gridRegion("ERCOT")
            .powerCapacityMw(new BigDecimal("12.5"))
            .timeZone(ZoneId.of("America/Chicago"))
            .build())
        .gpu(GpuSpec.builder()
            .model("H100 SXM")
            .count(8)
            .memoryGib(80)
            .boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4"))
            .build())
        .capacityUnits(8)
        .status(AssetStatus.ACTIVE)
        .build();
  }

  private void step(String title) {
    out.println();
    out.println(++step + ". " + title);
  }

  private void receipts(Outcome<?> outcome) {
    outcome.receipts().forEach(this::receipt);
  }

  private void receipt(Receipt r) {
    out.printf("    tx %s  gas %,9d  %s%n", r.transactionHash(), r.gasUsed(), r.action());
  }

  private static String money(TokenAmount amount) {
    return amount.toDecimalString() + " " + amount.token().symbol();
  }

  private void check(String what, Object actual, Object expected) {
    if (actual.equals(expected)) {
      out.println("    check: " + what + " matches sdk-core (" + (actual instanceof TokenAmount ? money((TokenAmount) actual) : actual) + ")");
    } else {
      mismatches++;
      out.println("    MISMATCH: " + what + " is " + actual + ", sdk-core says " + expected);
    }
  }
}
