package org.computerwa.examples.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Pledge;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.money.TokenAmount;
import org.computerwa.examples.anchor.SiteAnchorExample;
import org.computerwa.examples.assets.RegisterAssetExample;
import org.computerwa.examples.credit.SlaCreditExample;
import org.computerwa.examples.device.DeviceAgentExample;
import org.computerwa.examples.events.EventStreamExample;
import org.computerwa.examples.lease.LeaseExample;
import org.computerwa.examples.pledge.PledgeExample;
import org.computerwa.examples.revenue.ClaimRevenueExample;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Runs the chain examples in the order their preconditions need, on one {@link LocalNetwork}:
 * each example starts where the one before it left the chain.
 *
 * <pre>{@code
 * // the body of example-claim-revenue: a fresh chain, the steps before it silent
 * return ExampleStory.runUntil(ExampleStory.Step.CLAIM_REVENUE, spec.commandLine());
 * }</pre>
 *
 * <p>Between examples the story does what time and the test stablecoin do on a real network: it
 * funds the lessee, lets the lease's first hour pass before the SLA credit, and lets the lease end
 * and its settlement lag pass (the site anchoring the remaining hours) before the claims.
 */
public final class ExampleStory {
  /** The chain examples, in story order. */
  public enum Step {
    /** {@link RegisterAssetExample}. */
    REGISTER_ASSET,
    /** {@link LeaseExample}. */
    LEASE,
    /** {@link SiteAnchorExample}, with the statements of {@link DeviceAgentExample}. */
    SITE_ANCHOR,
    /** {@link SlaCreditExample}. */
    SLA_CREDIT,
    /** {@link PledgeExample}. */
    PLEDGE,
    /** {@link ClaimRevenueExample}. */
    CLAIM_REVENUE,
    /** {@link EventStreamExample}. */
    EVENT_STREAM
  }

  /** What the examples returned; a field is null when its step did not run. */
  static final class Outcome {
    /** The registered asset. */
    @Nullable AssetId asset;
    /** The lease. */
    @Nullable LeaseId lease;
    /** The device agent's signed statements the site anchored. */
    @Nullable List<SignedUsageStatement> deviceStatements;
    /** The batch the site anchored. */
    @Nullable StatementBatch siteBatch;
    /** The SLA credit. */
    @Nullable TokenAmount credit;
    /** The pledge. */
    @Nullable Pledge pledge;
    /** What each holder claimed. */
    @Nullable Map<Address, TokenAmount> claims;
    /** The events the restarted stream delivered. */
    @Nullable List<ChainEvent> eventsAfterRestart;

    Outcome() {}
  }

  private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

  private final LocalNetwork net;
  private final Path workDirectory;

  /**
   * A story on a network.
   *
   * @param net the network, freshly deployed
   * @param workDirectory where the event stream's journal file goes
   */
  ExampleStory(LocalNetwork net, Path workDirectory) {
    this.net = net;
    this.workDirectory = workDirectory;
  }

  /**
   * Runs the examples up to and including {@code last}.
   *
   * @param last the last example to run
   * @param out where each step's example prints
   * @return what the examples returned
   */
  Outcome run(Step last, Function<Step, PrintWriter> out) {
    Outcome o = new Outcome();
    waitUntil(DeviceAgentExample.PERIOD_END);   // the samples' period must have ended to be anchored
    String rpc = net.rpcUrl();
    long chainId = net.chainId();
    for (Step step : Step.values()) {
      if (step.compareTo(last) > 0) {
        break;
      }
      PrintWriter w = out.apply(step);
      switch (step) {
        case REGISTER_ASSET:
          o.asset = RegisterAssetExample.run(rpc, chainId, net.contracts(), net.platform(), net.operator().address(),
              net.alice(), net.bob().address(), net.stranger().address(), w);
          break;
        case LEASE:
          net.mintTestTokens(net.lessee().address(), 100);       // the lessee buys the stablecoin
          o.lease = LeaseExample.run(rpc, chainId, net.contracts(), net.operator(), net.lessee(), o.asset,
              net.attester().address(), w);
          break;
        case SITE_ANCHOR:
          o.deviceStatements = DeviceAgentExample.run(DeviceAgentExample.readNvidiaSmi(deviceSamples()),
              o.asset.value(), net.device(), usageDomain(), NOWHERE);
          o.siteBatch = SiteAnchorExample.run(rpc, chainId, net.contracts(), net.attester(), o.asset,
              o.deviceStatements, o.deviceStatements.get(0).statement().periodEnd(), w);
          break;
        case SLA_CREDIT:
          net.advanceTime(Duration.ofMinutes(61));               // the lease's first hour passes
          o.credit = SlaCreditExample.run(rpc, chainId, net.contracts(), net.device(), net.attester(),
              net.lessee(), o.asset, o.lease, w);
          break;
        case PLEDGE:
          o.pledge = PledgeExample.run(rpc, chainId, net.contracts(), net.operator(), net.lender(), o.asset, o.lease, w);
          break;
        case CLAIM_REVENUE:
          net.advanceTime(Duration.ofHours(16));                 // past the end and the settlement lag
          anchorTheRestOfTheLease(o);
          o.claims = ClaimRevenueExample.run(rpc, chainId, net.contracts(), net.platform(),
              List.of(net.alice(), net.bob()), o.asset, o.lease, w);
          break;
        case EVENT_STREAM:
          o.eventsAfterRestart = EventStreamExample.run(rpc, chainId, net.contracts(),
              workDirectory.resolve("events.db"), net.platform(), o.asset, net.lender().address(), w);
          break;
        default:
          throw new IllegalStateException("unknown step " + step);
      }
      w.flush();
    }
    return o;
  }

  /** The device reports every remaining hour of the lease fully available; the site anchors them. */
  private void anchorTheRestOfTheLease(Outcome o) {
    Instant start;
    Instant end;
    try (var client = net.client(net.lessee())) {
      var lease = client.leases().lease(o.lease);
      start = lease.start().orElseThrow().plus(Duration.ofHours(1));
      end = lease.end().orElseThrow();
    }
    List<SignedUsageStatement> hours = new ArrayList<>();
    for (Instant h = start; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
      Instant to = h.plus(Duration.ofHours(1)).isAfter(end) ? end : h.plus(Duration.ofHours(1));
      hours.add(UsageStatement.builder().assetId(o.asset.value()).device(net.device().address())
          .periodStart(h).periodEnd(to).kind(UsageKind.AVAILABILITY)
          .value(BigInteger.valueOf(Duration.between(h, to).toSeconds()))
          .availabilityBps(UsageStatement.FULL_AVAILABILITY_BPS).build().sign(net.device(), usageDomain()));
    }
    SiteAnchorExample.run(net.rpcUrl(), net.chainId(), net.contracts(), net.attester(), o.asset, hours, end, NOWHERE);
  }

  /** Moves the chain's clock to {@code t} if it is behind (anvil starts at the machine's time). */
  private void waitUntil(Instant t) {
    try (var client = net.client(net.platform())) {
      Instant now = client.chainTime();
      if (now.isBefore(t)) {
        net.advanceTime(Duration.between(now, t).plusSeconds(1));
      }
    }
  }

  private Eip712Domain usageDomain() {
    return UsageStatement.domain(net.chainId(), net.contracts().evidenceAnchor());
  }

  private static String deviceSamples() {
    try (InputStream in = DeviceAgentExample.class.getResourceAsStream("nvidia-smi-two-gpus.csv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource nvidia-smi-two-gpus.csv");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body of a chain example's subcommand: starts a local network, runs the story up to the
   * example and prints that example's output.
   *
   * @param target the example
   * @param cli the subcommand's command line (for its streams)
   * @return the exit code: 0, or 1 when a step failed
   */
  public static int runUntil(Step target, CommandLine cli) {
    PrintWriter out = cli.getOut();
    PrintWriter err = cli.getErr();
    @Nullable Path dir = null;
    try {
      dir = Files.createTempDirectory("computerwa-example");
      try (LocalNetwork net = LocalNetwork.start()) {
        out.println("local chain " + net.chainId() + " at " + net.rpcUrl() + ", contracts deployed");
        for (Step s : Step.values()) {
          if (s.compareTo(target) < 0) {
            out.println("  prepared: " + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
          }
        }
        out.flush();
        new ExampleStory(net, dir).run(target, s -> s == target ? out : NOWHERE);
        return 0;
      }
    } catch (ComputeRwaException e) {
      err.println(cli.getCommandName() + " failed: " + e.getMessage());
      if (e instanceof ChainException) {
        err.println("  revert: " + ((ChainException) e).errorName().orElse("-") + ", retryable: " + e.retryable());
      }
      return 1;
    } catch (IOException e) {
      err.println(cli.getCommandName() + " failed: " + e);
      return 1;
    } finally {
      err.flush();
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
