package org.computerwa.examples.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.computerwa.chain.client.Settlement;
import org.computerwa.chain.devchain.DevChain;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
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
import org.computerwa.core.lease.LeaseLedger;
import org.computerwa.core.lease.LeaseTerms;
import org.computerwa.core.lease.SlaCredit;
import org.computerwa.core.lease.SlaTerms;
import org.computerwa.core.money.Rate;
import org.computerwa.core.money.Token;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.core.revenue.DistributorModel;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.computerwa.mining.policy.Decision;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketReplay;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.Scenario;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa site replay}: runs the site loop over a price file on a local anvil chain it
 * starts itself, with the chain's clock moved along with the replay.
 *
 * <pre>{@code
 * computerwa site replay --prices ercot.csv --days 2 --json --markdown replay.md
 * }</pre>
 *
 * <p>The story (site power, rent and outage by default; {@code --site-mw}, {@code
 * --rent-per-device-hour} and {@code --outage-bps} change them): a 50 MW site with an 8-device,
 * 10 MW GPU hall (1.25 MW per device) registered as
 * one asset. At 10 % of the replay the operator offers 4 devices for a quarter of the replay, at
 * 50 % 6 devices, each just before an interval's decision, so the controller reserves the open
 * offer; the lessee accepts with a permit as that interval starts. The load controller serves the
 * leases first and mines or runs spot AI with the rest. Lease obligations are measured against
 * the leases' windows as the chain recorded them, not as the loop saw them. Every hour the site reports one energy
 * statement and one availability statement per device (device 0 is 75 % available in the second
 * hour of the first lease, by default); every 6 hours they are signed, batched and anchored, and the lessee
 * claims the SLA credits they prove. After the leases' settlement lag, anyone settles, the
 * holder claims and the operator and lessee withdraw. Every on-chain figure is checked against
 * sdk-core; the exit code is 0 when all checks hold, 1 otherwise.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a price file through the site loop on a local chain it starts itself.",
      "Leases are offered and accepted during the replay, mining yields to them, hourly energy and",
      "availability statements are signed, batched and anchored, leases settle with the SLA credits",
      "the evidence proves; every figure is checked against sdk-core. Exit 0 when every check holds."
    })
public final class SiteReplayCommand implements Callable<Integer> {
  private static final int DEVICES = 8;
  private static final double MW_PER_DEVICE = 1.25;
  private static final long FEE_BPS = 1_000;
  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final Duration LAG = Duration.ofHours(12);
  private static final Duration PERIOD = Duration.ofHours(1);
  private static final int PERIODS_PER_BATCH = 6;
  private static final BigInteger HOLDER_SHARES = BigInteger.valueOf(1_024).multiply(BigInteger.TEN.pow(18));
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--prices", required = true, paramLabel = "FILE",
      description = "Price CSV (timestamp_utc,rt_spp_usd_per_mwh[,dam_spp_usd_per_mwh,...]), as for backtest.")
  @Nullable Path prices;

  @Option(names = "--days", paramLabel = "N", description = "Replay only the first N days (default: the whole file).")
  @Nullable Integer days;

  @Option(names = "--policy", defaultValue = "rolling", paramLabel = "NAME",
      description = "Load policy (one of backtest --list-policies; default ${DEFAULT-VALUE}).")
  String policy = "rolling";

  @Option(names = "--hashprice", defaultValue = "50", paramLabel = "USD_PER_PH_DAY", description = "Hashprice (default ${DEFAULT-VALUE}).")
  double hashprice = 50;

  @Option(names = "--ai-margin", defaultValue = "150", paramLabel = "USD_PER_MWH",
      description = "Spot AI revenue per MWh before power, as the backtest's aiMarginUsdPerMwh (default ${DEFAULT-VALUE}).")
  double aiMargin = 150;

  @Option(names = "--site-mw", defaultValue = "50", paramLabel = "MW",
      description = "Site capacity, all of it available to mining (default ${DEFAULT-VALUE}); at least the GPU hall's 10 MW.")
  double siteMw = 50;

  @Option(names = "--rent-per-device-hour", defaultValue = "180", paramLabel = "TUSD",
      description = "Lease rent per GPU device and hour in test USD (default ${DEFAULT-VALUE}); whole base units per second.")
  BigDecimal rentPerDeviceHour = BigDecimal.valueOf(180);

  @Option(names = "--outage-bps", defaultValue = "7500", paramLabel = "BPS",
      description = "Availability of device 0 in the first lease's second hour, in basis points (default ${DEFAULT-VALUE});"
          + " 0 to 9800, so the outage outlasts the 60 s grace period and earns the lessee a credit.")
  int outageBps = 7_500;

  /** Rent per device-second in base units of the 6-decimal test token, from --rent-per-device-hour. */
  private long ratePerDeviceSecond;

  @Option(names = "--json", description = "Prints one JSON object instead of the narration.")
  boolean json;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also writes the summary (figures and checks) as Markdown to FILE.")
  @Nullable Path markdown;

  @Option(names = "--anvil", paramLabel = "PATH", description = "The anvil executable (default: the npm install under sdk-chain, then the search path).")
  @Nullable Path anvil;

  private PrintWriter out = new PrintWriter(System.out, true);
  private final Map<String, Object> summary = new LinkedHashMap<>();
  private final List<Map<String, Object>> checks = new ArrayList<>();
  private int failed;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    if (spec != null) {
      out = spec.commandLine().getOut();
    }
    PriceSeries series;
    try {
      LoadPolicies.byName(policy); // an unknown name fails before the chain starts
      checkScenario();
      series = slice(PriceSeriesCsv.read(java.util.Objects.requireNonNull(prices, "--prices")));
    } catch (ComputeRwaException e) {
      err.println("site replay: " + e.getMessage());
      err.flush();
      return ComputerwaCli.EXIT_USAGE;
    }
    DevChain.Builder chainBuilder = DevChain.builder().accounts(6);
    if (anvil != null) {
      chainBuilder.anvilBinary(anvil);
    }
    try (DevChain chain = chainBuilder.build()) {
      run(chain, series);
    } catch (ComputeRwaException e) {
      err.println("site replay failed: " + e.getMessage());
      if (e instanceof ChainException) {
        err.println("  revert: " + ((ChainException) e).errorName().orElse("-") + ", retryable: " + e.retryable());
      }
      err.flush();
      return ComputerwaCli.EXIT_INVALID;
    }
    summary.put("checks", checks);
    summary.put("checksFailed", failed);
    if (markdown != null) {
      try {
        MarkdownFile.write(markdown, SiteReplayMarkdown.render(summary));
      } catch (java.io.IOException e) {
        err.println("site replay: cannot write " + markdown + ": " + e.getMessage());
        err.flush();
        return ComputerwaCli.EXIT_USAGE;
      }
    }
    if (json) {
      out.println(JSON.writeValueAsString(summary));
    } else {
      out.println();
      out.println(failed == 0 ? "Done: every check held." : "FAILED: " + failed + " check(s) did not hold.");
    }
    out.flush();
    return failed == 0 ? 0 : ComputerwaCli.EXIT_INVALID;
  }

  private PriceSeries slice(PriceSeries all) {
    long hours = Duration.between(all.start(0), all.end(all.size() - 1)).toHours();
    if (hours < 8) {
      throw new ValidationException("--prices", hours + " hours", "must cover at least 8 hours for the two leases");
    }
    if (days == null) {
      return all;
    }
    int perDay = 1_440 / all.intervalMinutes();
    int n = days * perDay;
    if (days < 1 || n > all.size()) {
      throw new ValidationException("--days", days, "must be from 1 to the " + all.size() / perDay + " whole days in the file");
    }
    return all.slice(0, n);
  }

  private void run(DevChain chain, PriceSeries series) {
    int n = series.size();
    Duration interval = Duration.ofMinutes(series.intervalMinutes());
    Duration lead = Duration.ofMinutes(5);
    long hours = Duration.between(series.start(0), series.end(n - 1)).toHours();
    say("Local chain " + chain.chainId() + " at " + chain.rpcUrl() + "; replay of " + n + " intervals of "
        + series.intervalMinutes() + " min from " + series.start(0) + " (" + hours + " h)");

    SigningKey platformKey = key(chain, 0);
    Deployment deployment =
        Deployer.builder().rpcUrl(chain.rpcUrl()).signer(platformKey).operatorFeeBps((int) FEE_BPS).journal(Journal.inMemory()).confirmations(1).build().deploy().value();
    try (ComputeRwaClient platform = client(chain, 0, deployment);
        ComputeRwaClient operator = client(chain, 1, deployment);
        ComputeRwaClient lessee = client(chain, 2, deployment);
        ComputeRwaClient holder = client(chain, 5, deployment)) {
      SigningKey attester = key(chain, 3);
      SigningKey meter = key(chain, 4);
      List<SigningKey> devices = new ArrayList<>();
      for (int d = 0; d < DEVICES; d++) {
        devices.add(SigningKey.fromSecret(BigInteger.valueOf(0x51_7E_00_00L + d)));
      }
      Token usd = platform.payments().token();

      // Chain time runs whole days ahead of market time, so hours stay hours.
      Instant chainNow = platform.chainTime();
      long aheadDays = Duration.between(series.start(0), chainNow).toDays() + 2;
      Duration ahead = Duration.ofDays(aheadDays);
      ChainClock clock = ChainClock.of(chain.rpcUrl());
      say("Chain time runs " + aheadDays + " days ahead of market time");

      platform.assets().verifyHolders(List.of(holder.address()));
      ComputeAsset hall = gpuHall(operator.address());
      AssetId asset = platform.assets().register(hall, Map.of(holder.address(), HOLDER_SHARES)).value();
      DistributorModel model = DistributorModel.create(usd);
      model.mint("holder", HOLDER_SHARES, platform.chainTime());
      operator.evidence().authorizeAttester(asset, attester.address());
      say("Registered GPU hall " + asset + " (" + DEVICES + " devices x " + MW_PER_DEVICE + " MW), attester "
          + attester.address());

      Instant marketStart = series.start(0);
      int firstOffer = index(series, marketStart.plus(Duration.ofHours(hours / 10)));
      int secondOffer = index(series, marketStart.plus(Duration.ofHours(hours / 2)));
      Duration term = Duration.ofHours(Math.max(2, hours / 4));
      int[] offerAt = {firstOffer, secondOffer};
      int[] units = {4, 6};
      Instant outageStart = series.start(firstOffer).plus(Duration.ofHours(1)); // the second hour of the first lease
      outageStart = outageStart.minusSeconds(outageStart.getEpochSecond() % 3_600);

      SimulatedFleet fleet = SimulatedFleet.builder().gpuDevices(DEVICES).intervalMinutes(series.intervalMinutes())
          .outage(0, outageStart, PERIOD, outageBps).build();
      List<Address> deviceAddresses = devices.stream().map(SigningKey::address).toList();
      AnchoringStatementSink.Builder sinkBuilder = AnchoringStatementSink.builder().evidence(platform.evidence())
          .asset(asset).attester(attester).device(meter).from(marketStart.plus(ahead));
      devices.forEach(sinkBuilder::device);
      AnchoringStatementSink sink = sinkBuilder.build();
      SiteProfile site = SiteProfile.builder().capacityMw(siteMw).miningMaxMw(siteMw).efficiencyJPerTh(20)
          .gpuSpotMw(DEVICES * MW_PER_DEVICE).minDwellMinutes(60).switchCostUsd(500).resolutionMw(0.25).build();
      PriceFeed feed = ReplayPriceFeed.of(MarketReplay.builder().prices(series)
          .rules(series.hasDayAhead() ? MarketRules.ercot(Duration.ofMinutes(5)) : MarketRules.realTimeOnly(Duration.ofMinutes(5)))
          .decisionLead(lead).scenario(Scenario.constant(hashprice, aiMargin)).build());

      List<LeaseRun> leases = new ArrayList<>();
      double committedMwh = 0;
      double servedMwh = 0;
      int creditsApplied = 0;
      int batchesSeen = 0;
      // The loop learns the leases from the lease manager's events; the chain was started by this
      // command, so its events start at block 0 and the checkpoint needs no file.
      try (Journal journal = Journal.inMemory();
          ChainLeaseSource leaseSource = ChainLeaseSource.open(operator,
              EventStream.builder().rpcUrl(chain.rpcUrl()).chainId(chain.chainId()).name("site-leases")
                  .contracts(List.of(deployment.leaseManager())).startBlock(0),
              journal, asset, MW_PER_DEVICE, ahead);
          SiteLoop loop = SiteLoop.builder().site(site).policy(LoadPolicies.byName(policy)).decisionLead(lead)
          .feed(feed).leases(leaseSource).actuator(LoggingActuator.create()).actuator(fleet)
          .statements(FleetStatements.of(fleet, asset.value(), meter.address(), deviceAddresses, ahead))
          .sink(sink).period(PERIOD).periodsPerBatch(PERIODS_PER_BATCH).build()) {
        Offer[] offered = new Offer[offerAt.length];
        for (int t = 0; t < n; t++) {
          clock.advanceTo(series.start(t).minus(lead).plus(ahead));
          for (int k = 0; k < offerAt.length; k++) {
            if (offerAt[k] == t) {
              offered[k] = offer(operator, lessee.address(), asset, attester, usd, units[k], term, ratePerDeviceSecond);
            }
          }
          loop.step();
          // The offer was reserved in this interval's decision; the lessee accepts as it starts.
          for (int k = 0; k < offerAt.length; k++) {
            if (offerAt[k] == t) {
              clock.advanceTo(series.start(t).plus(ahead));
              LeaseRun run = accept(lessee, offered[k], model);
              leases.add(run);
              say("Lease " + run.id + ": " + units[k] + " devices (" + units[k] * MW_PER_DEVICE + " MW) accepted, runs "
                  + run.terms.start().minus(ahead) + " .. " + run.terms.end().minus(ahead) + " market time, rent "
                  + money(run.terms.totalRent()));
            }
          }
          while (batchesSeen < sink.anchored().size()) {
            creditsApplied += applyCredits(sink.anchored().get(batchesSeen++), leases, lessee, model);
          }
        }
        clock.advanceTo(series.end(n - 1).plus(ahead).plusSeconds(1));
        loop.finish();
        while (batchesSeen < sink.anchored().size()) {
          creditsApplied += applyCredits(sink.anchored().get(batchesSeen++), leases, lessee, model);
        }
        summary.put("intervals", n);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("siteMw", siteMw);
        scenario.put("rentPerDeviceHour", rentPerDeviceHour.toPlainString());
        scenario.put("outageBps", outageBps);
        summary.put("scenario", scenario);
        summary.put("leaseChanges", loop.leaseChanges());
        evidence(loop, sink, operator, asset, attester, series.end(n - 1).plus(ahead));
      }

      revenue(series, fleet, leases);
      // Obligations against the leases as they really ran on-chain, not as the loop saw them.
      double h = interval.getSeconds() / 3_600.0;
      List<SimulatedFleet.Run> ran = fleet.ran();
      for (int t = 0; t < ran.size(); t++) {
        double committedMw = 0;
        for (LeaseRun l : leases) {
          if (GpuLease.of(l.terms.start().minus(ahead), l.terms.end().minus(ahead), l.terms.capacityUnits() * MW_PER_DEVICE)
              .overlaps(ran.get(t).start(), ran.get(t).end())) {
            committedMw += l.terms.capacityUnits() * MW_PER_DEVICE;
          }
        }
        committedMwh += committedMw * h;
        servedMwh += Math.min(committedMw, ran.get(t).aiLeasedMw()) * h;
      }
      double metPct = committedMwh == 0 ? 100 : 100 * servedMwh / committedMwh;
      summary.put("leaseObligationsMetPct", metPct);
      say(String.format("Lease obligations met: %.3f %% of %.2f committed MWh", metPct, committedMwh));
      check("lease obligations met", metPct, 100.0);
      check("leased MWh committed", committedMwh > 0, true);
      check("SLA credits applied", creditsApplied, 1);
      settle(platform, operator, lessee, holder, asset, leases, model, clock);
    }
  }

  private static final class LeaseRun {
    final LeaseId id;
    final LeaseTerms terms;
    final int slot;
    final BigInteger holderRate;
    TokenAmount credits;

    LeaseRun(LeaseId id, LeaseTerms terms, int slot, BigInteger holderRate, TokenAmount zero) {
      this.id = id;
      this.terms = terms;
      this.slot = slot;
      this.holderRate = holderRate;
      this.credits = zero;
    }
  }

  private record Offer(LeaseId id, LeaseTerms terms) {}

  private void checkScenario() {
    if (!(siteMw >= DEVICES * MW_PER_DEVICE) || Double.isInfinite(siteMw)) {
      throw new ValidationException("--site-mw", siteMw, "must be a finite number >= " + DEVICES * MW_PER_DEVICE
          + " (the GPU hall's power)");
    }
    BigDecimal[] perSecond = rentPerDeviceHour.movePointRight(6).divideAndRemainder(BigDecimal.valueOf(3_600));
    if (rentPerDeviceHour.signum() <= 0 || perSecond[1].signum() != 0) {
      throw new ValidationException("--rent-per-device-hour", rentPerDeviceHour,
          "must be > 0 and a whole number of base units (1e-6 tUSD) per second, a multiple of 0.0036 tUSD per hour");
    }
    ratePerDeviceSecond = perSecond[0].longValueExact();
    if (outageBps < 0 || outageBps > 9_800) {
      throw new ValidationException("--outage-bps", outageBps, "must be in [0, 9800]");
    }
  }

  private static Offer offer(ComputeRwaClient operator, Address lessee, AssetId asset, SigningKey attester, Token usd,
      int units, Duration term, long ratePerDeviceSecond) {
    Instant acceptBy = operator.chainTime().plus(Duration.ofHours(1));
    long rate = ratePerDeviceSecond * units;
    LeaseTerms terms = LeaseTerms.builder().assetId("gpu-hall-001").lessor(operator.address()).lessee(lessee)
        .capacityUnits(units).start(acceptBy).end(acceptBy.plus(term)).rate(Rate.of(BigInteger.valueOf(rate), usd)).token(usd)
        .sla(SlaTerms.builder().minAvailabilityBps(10_000).gracePeriod(GRACE)
            .credit(SlaCredit.builder().creditBps(10_000).maxBps(10_000).build()).build())
        .build();
    return new Offer(operator.leases().offer(asset, terms, LAG, term, attester.address()).value(), terms);
  }

  private LeaseRun accept(ComputeRwaClient lessee, Offer offer, DistributorModel model) {
    LeaseId id = offer.id();
    lessee.payments().mintTestTokens(lessee.address(), offer.terms().totalRent());
    Lease lease = lessee.leases().acceptWithPermit(id).value();
    LeaseTerms real = lease.asAccepted(offer.terms());
    long rate = real.rate().baseUnitsPerSecond().longValueExact();
    BigInteger holderRate = BigInteger.valueOf(rate - rate * FEE_BPS / 10_000);
    int slot = model.openStream(id.value().longValueExact(), holderRate, real.start().plus(LAG), real.end().plus(LAG),
        lessee.chainTime());
    return new LeaseRun(id, real, slot, holderRate, TokenAmount.zero(real.token()));
  }

  // The lease manager credits a device's downtime beyond the grace period, divided by the asset's
  // capacity units (one device of eight), at the lease's rate; this mirrors that rule.
  private int applyCredits(StatementBatch batch, List<LeaseRun> leases, ComputeRwaClient lessee, DistributorModel model) {
    int applied = 0;
    for (SignedUsageStatement signed : batch.statements()) {
      UsageStatement s = signed.statement();
      if (s.kind() != UsageKind.AVAILABILITY || s.availabilityBps() == 10_000) {
        continue;
      }
      for (LeaseRun run : leases) {
        if (s.periodStart().isBefore(run.terms.start()) || s.periodEnd().isAfter(run.terms.end())) {
          continue;
        }
        TokenAmount credit = lessee.evidence().applySlaCredit(run.id, batch, signed).value();
        long seconds = s.periodEnd().getEpochSecond() - s.periodStart().getEpochSecond();
        long down = seconds * (10_000 - s.availabilityBps()) / 10_000;
        long creditSeconds = (down - GRACE.getSeconds()) / DEVICES;
        TokenAmount expected = TokenAmount.ofBaseUnits(
            run.terms.rate().baseUnitsPerSecond().longValueExact() * creditSeconds, credit.token());
        check("SLA credit of lease " + run.id + " for " + s.periodStart(), credit, expected);
        say("SLA credit " + money(credit) + " to the lessee of lease " + run.id + ": device " + s.device() + " "
            + s.availabilityBps() + " bps, " + down + " s down, " + creditSeconds + " s after grace and sharing");
        model.debitStream(run.slot, run.id.value().longValueExact(), run.holderRate.multiply(BigInteger.valueOf(creditSeconds)),
            lessee.chainTime());
        run.credits = run.credits.plus(credit);
        applied++;
      }
    }
    return applied;
  }

  private void evidence(SiteLoop loop, AnchoringStatementSink sink, ComputeRwaClient operator, AssetId asset,
      SigningKey attester, Instant expectedUntil) {
    int statements = sink.anchored().stream().mapToInt(b -> b.statements().size()).sum();
    Instant until = operator.evidence().anchoredUntil(asset, attester.address()).orElse(Instant.EPOCH);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("periods", loop.periodsReported());
    e.put("statements", statements);
    e.put("batches", sink.anchored().size());
    e.put("anchoredUntil", until.toString());
    summary.put("evidence", e);
    say("Evidence: " + loop.periodsReported() + " hourly periods, " + statements + " signed statements in "
        + sink.anchored().size() + " anchored batches, covered until " + until);
    check("anchored coverage reaches the replay's end", until, expectedUntil);
    check("statements per period", statements, loop.periodsReported() * (DEVICES + 1));
  }

  private void revenue(PriceSeries series, SimulatedFleet fleet, List<LeaseRun> leases) {
    double miningValuePerMwh = hashprice / 24.0 * 1_000.0 / 20.0; // PH/s per MW at 20 J/TH is 1000/20
    double[] mwh = new double[4];
    double[] gross = new double[4];
    double[] energy = new double[4];
    List<SimulatedFleet.Run> ran = fleet.ran();
    for (int t = 0; t < ran.size(); t++) {
      SimulatedFleet.Run r = ran.get(t);
      double price = series.realTimeUsdPerMwh(t);
      double[] mw = {r.miningMw(), r.aiSpotMw(), r.aiLeasedMw(), r.curtailedMw()};
      for (int u = 0; u < 4; u++) {
        mwh[u] += mw[u] * r.hours();
        if (u < 3) {
          energy[u] += mw[u] * r.hours() * price;
        }
      }
      gross[0] += r.miningMw() * r.hours() * miningValuePerMwh;
      gross[1] += r.aiSpotMw() * r.hours() * aiMargin;
    }
    TokenAmount rent = null;
    for (LeaseRun l : leases) {
      TokenAmount net = l.terms.totalRent().minus(l.credits);
      rent = rent == null ? net : rent.plus(net);
    }
    gross[2] = rent == null ? 0 : Double.parseDouble(rent.toDecimalString());
    String[] uses = {"mining", "aiSpot", "aiLeased", "curtailed"};
    Map<String, Object> byUse = new LinkedHashMap<>();
    say("Revenue by use (USD; AI leased is the on-chain rent less SLA credits, in tUSD):");
    for (int u = 0; u < 4; u++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mwh", mwh[u]);
      m.put("revenueUsd", gross[u]);
      m.put("energyCostUsd", energy[u]);
      m.put("netUsd", gross[u] - energy[u]);
      byUse.put(uses[u], m);
      say(String.format("    %-9s %10.2f MWh  revenue %12.2f  energy %12.2f  net %12.2f", uses[u], mwh[u], gross[u],
          energy[u], gross[u] - energy[u]));
    }
    summary.put("revenueByUse", byUse);
  }

  private void settle(ComputeRwaClient platform, ComputeRwaClient operator, ComputeRwaClient lessee, ComputeRwaClient holder,
      AssetId asset, List<LeaseRun> leases, DistributorModel model, ChainClock clock) {
    Instant last = leases.stream().map(l -> l.terms.end()).max(Instant::compareTo).orElseThrow();
    Instant due = last.plus(LAG).plusSeconds(60);
    Instant now = platform.chainTime();
    clock.advanceTo(due.isAfter(now) ? due : now.plusSeconds(1));
    List<Map<String, Object>> out = new ArrayList<>();
    TokenAmount deposits = null;
    for (LeaseRun l : leases) {
      Settlement s = platform.leases().settle(l.id).value();
      LeaseLedger ledger = LeaseLedger.open(l.terms).deposit(l.terms.totalRent());
      check("gross rent of lease " + l.id, s.gross(), ledger.settle(l.terms.end()).paid());
      check("net rent of lease " + l.id, s.net(), s.gross().minus(l.credits));
      check("holders' part of lease " + l.id, s.toHolders(), platform.leases().waterfall().distribute(s.net()).holders());
      say("Settled lease " + l.id + ": gross " + money(s.gross()) + ", credits " + money(l.credits) + ", net "
          + money(s.net()) + ", operator " + money(s.operatorFee()) + ", holders " + money(s.toHolders()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lease", l.id.value().toString());
      m.put("units", l.terms.capacityUnits());
      m.put("gross", s.gross().toDecimalString());
      m.put("credits", l.credits.toDecimalString());
      m.put("net", s.net().toDecimalString());
      m.put("operatorFee", s.operatorFee().toDecimalString());
      m.put("holders", s.toHolders().toDecimalString());
      out.add(m);
      deposits = deposits == null ? l.terms.totalRent() : deposits.plus(l.terms.totalRent());
    }
    TokenAmount held = platform.payments().balanceOf(platform.assets().distributorOf(asset));
    TokenAmount claimed = holder.revenue().claim(asset).value();
    check("holder's claim", claimed, model.claim("holder", held, holder.chainTime()));
    TokenAmount dust = platform.payments().balanceOf(platform.assets().distributorOf(asset));
    TokenAmount fee = operator.leases().withdraw().value();
    TokenAmount refund = lessee.leases().withdraw().value();
    check("conservation (claims + fee + refunds + dust = deposits)", claimed.plus(fee).plus(refund).plus(dust), deposits);
    say("Holder claimed " + money(claimed) + ", operator withdrew " + money(fee) + ", lessee withdrew " + money(refund));
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("leases", out);
    totals.put("holderClaim", claimed.toDecimalString());
    totals.put("operatorWithdrawal", fee.toDecimalString());
    totals.put("lesseeWithdrawal", refund.toDecimalString());
    summary.put("settlement", totals);
  }

  private static int index(PriceSeries series, Instant at) {
    for (int t = 0; t < series.size(); t++) {
      if (!series.end(t).isBefore(at.plusSeconds(1))) {
        return t;
      }
    }
    return series.size() - 1;
  }

  private static SigningKey key(DevChain chain, int account) {
    return SigningKey.fromHex(chain.accounts().get(account).privateKeyHex());
  }

  private static ComputeRwaClient client(DevChain chain, int account, Deployment deployment) {
    return ComputeRwaClient.builder().rpcUrl(chain.rpcUrl()).privateKey(chain.accounts().get(account).privateKeyHex())
        .contracts(deployment).journal(Journal.inMemory()).confirmations(1).pollInterval(Duration.ofMillis(10)).build();
  }

  private static ComputeAsset gpuHall(Address owner) {
    return ComputeAsset.builder()
        .id("gpu-hall-001")
        .kind(AssetKind.GPU_NODE)
        .owner(owner)
        .site(Site.builder().id("tx-south-1").gridRegion("ERCOT").powerCapacityMw(new BigDecimal("50"))
            .timeZone(ZoneId.of("America/Chicago")).build())
        .gpu(GpuSpec.builder().model("H100 SXM").count(DEVICES).memoryGib(80).boardPowerWatts(700)
            .denseBf16Tflops(new BigDecimal("989.4")).build())
        .capacityUnits(DEVICES)
        .status(AssetStatus.ACTIVE)
        .build();
  }

  private void say(String line) {
    if (!json) {
      out.println(line);
    }
  }

  private static String money(TokenAmount amount) {
    return amount.toDecimalString() + " " + amount.token().symbol();
  }

  private void check(String what, Object actual, Object expected) {
    boolean ok = actual.equals(expected);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("check", what);
    c.put("actual", String.valueOf(actual instanceof TokenAmount ? ((TokenAmount) actual).toDecimalString() : actual));
    c.put("expected", String.valueOf(expected instanceof TokenAmount ? ((TokenAmount) expected).toDecimalString() : expected));
    c.put("holds", ok);
    checks.add(c);
    if (!ok) {
      failed++;
    }
    say((ok ? "check: " : "CHECK FAILED: ") + what + " is " + c.get("actual") + (ok ? "" : ", expected " + c.get("expected")));
  }
}
