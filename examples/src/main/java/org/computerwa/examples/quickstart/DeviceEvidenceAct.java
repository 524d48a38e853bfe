package org.computerwa.examples.quickstart;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.computerwa.chain.client.ChainException;
import org.computerwa.chain.client.LeaseId;
import org.computerwa.chain.client.Outcome;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.device.UsageSummary;
import org.computerwa.core.money.TokenAmount;

/**
 * Step 4: the lease's first ten minutes pass; the node's device agent turns its nvidia-smi samples
 * into signed statements, the site batches and anchors them, and the lessee proves the SLA credit
 * the outage in those samples earns, before the settlement lag has passed over the period.
 */
final class DeviceEvidenceAct implements Act {
  /** The periods this step reports: the lease's first ten minutes. */
  static final int PERIODS = 1;

  @Override
  public String title() {
    return "Device statements from nvidia-smi samples, anchored; an SLA credit proven";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    Cast c = s.cast();
    Instant start = s.accepted().start();
    s.chain.advanceTime(Story.STATEMENT_PERIOD.multipliedBy(PERIODS).plusSeconds(1));
    GpuDeviceAgent agent = new GpuDeviceAgent(s.gpuAsset().value(), c.gpuDevice,
        c.platform.evidence().usageDomain(), start);
    s.gpuAgent = agent;
    s.inbox = new SiteInbox(s);
    r.say("device agent: " + agent.sampleCount() + " samples of " + agent.gpus().size()
        + " GPUs from nvidia-smi CSV, replayed from the lease's start " + start);
    List<UsageSummary> summaries = report(s, 0, PERIODS);
    StatementBatch batch = s.inbox().anchor(s.gpuAsset(), start, start.plus(Story.STATEMENT_PERIOD.multipliedBy(PERIODS)));

    UsageSummary outage = summaries.get(0);
    SignedUsageStatement availability = availability(batch, outage.periodStart());
    int bps = availability.statement().availabilityBps();
    r.figure("outageAvailabilityBps", bps);
    r.figure("outageDownGpuMillis", outage.downGpuMillis() + outage.unobservedGpuMillis());
    // The lease manager's rule, computed here on its own: downtime beyond the grace period, shared
    // over the node's capacity units, refunded at the lease's rate.
    // tag::credit[]
    long period = Duration.between(outage.periodStart(), outage.periodEnd()).getSeconds();
    long downtime = period * (10_000 - bps) / 10_000;
    long creditSeconds = (downtime - s.accepted().sla().gracePeriod().getSeconds()) / s.gpuNode().capacityUnits();
    TokenAmount expected = TokenAmount.ofBaseUnits(creditSeconds * Story.RATE_PER_SECOND, s.accepted().token());
    TokenAmount credit = applySlaCredit(s, s.leaseId(), batch, availability);
    // end::credit[]
    r.say("first ten minutes " + bps + " bps available: " + downtime + " s down, 60 s grace, the lease's share "
        + creditSeconds + " s of the node's " + s.gpuNode().capacityUnits() + " units, credit " + Report.money(credit));
    r.figure("slaCredit", credit);
    r.check("SLA credit", credit, expected);
    s.distributor().debitStream(s.streamSlot, s.leaseId().value().longValueExact(),
        s.holderRate.multiply(BigInteger.valueOf(creditSeconds)), c.lessee.chainTime());

    String refusal;
    try {
      applySlaCredit(s, s.leaseId(), batch, availability);
      refusal = "credited";
    } catch (ChainException e) {
      refusal = e.errorName().orElse(e.kind().name());
      r.say("expected refusal: the same outage credited twice: " + refusal + ", nothing sent");
    }
    r.check("second credit for the same outage refused", refusal, "StatementAlreadyUsed");
  }

  /** Summarises, signs and delivers the statements of periods {@code [first, end)} of the lease. */
  static List<UsageSummary> report(Story s, int first, int end) {
    Instant start = s.accepted().start();
    List<UsageSummary> summaries = new ArrayList<>();
    for (int p = first; p < end; p++) {
      Instant from = start.plus(Story.STATEMENT_PERIOD.multipliedBy(p));
      UsageSummary summary = s.gpuAgent().summarize(from, from.plus(Story.STATEMENT_PERIOD));
      s.inbox().deliver(s.gpuAgent().sign(summary));
      summaries.add(summary);
      s.report.say("period " + p + ": " + summary.availabilityBps() + " bps, " + summary.milliGpuHours()
          + " milli-GPU-hours, " + summary.energyWh() + " Wh, " + summary.samplesUsed() + " samples");
    }
    return summaries;
  }

  private static SignedUsageStatement availability(StatementBatch batch, Instant periodStart) {
    return batch.statements().stream()
        .filter(x -> x.statement().kind() == UsageKind.AVAILABILITY && x.statement().periodStart().equals(periodStart))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The one place the story asks the lease manager for an SLA credit, with the device-signed
   * statement and the batch that proves it was anchored.
   */
  static TokenAmount applySlaCredit(Story s, LeaseId lease, StatementBatch batch, SignedUsageStatement statement) {
    // tag::apply-credit[]
    Outcome<TokenAmount> credited = s.cast().lessee.evidence().applySlaCredit(lease, batch, statement);
    // end::apply-credit[]
    s.report.receipts(credited);
    return credited.value();
  }
}
