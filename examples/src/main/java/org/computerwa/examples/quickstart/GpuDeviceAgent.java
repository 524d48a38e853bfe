package org.computerwa.examples.quickstart;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.device.GpuSample;
import org.computerwa.core.evidence.device.NvidiaSmiCsv;
import org.computerwa.core.evidence.device.UsageSampler;
import org.computerwa.core.evidence.device.UsageSummary;

/**
 * The GPU node's device agent, as it would run on the node with sdk-core only: it reads its
 * {@code nvidia-smi} CSV, turns each period's samples into usage statements (a gap in the samples
 * is downtime, never uptime) and signs them with the device key.
 *
 * <p>The bundled capture was taken from 2026-11-28T00:00:00Z on a machine running in UTC; the
 * agent replays it as the lease's first hour, moving every timestamp by the same amount.
 */
final class GpuDeviceAgent {
  static final Instant CAPTURE_START = Instant.parse("2026-11-28T00:00:00Z");
  static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);
  static final int GAP_TOLERANCE = 2;

  private final BigInteger assetId;
  private final SigningKey deviceKey;
  private final Eip712Domain domain;
  private final List<GpuSample> samples;
  private final Set<String> gpus = new LinkedHashSet<>();

  GpuDeviceAgent(BigInteger assetId, SigningKey deviceKey, Eip712Domain domain, Instant replayFrom) {
    this.assetId = assetId;
    this.deviceKey = deviceKey;
    this.domain = domain;
    Duration shift = Duration.between(CAPTURE_START, replayFrom);
    List<GpuSample> shifted = new ArrayList<>();
    // tag::read[]
    for (GpuSample s : NvidiaSmiCsv.read(QuickstartData.text(QuickstartData.NVIDIA_SMI), ZoneOffset.UTC)) {
      gpus.add(s.gpu());
      Instant t = s.time().plus(shift);
      shifted.add(s.up()
          ? GpuSample.up(s.gpu(), t, s.utilizationPercent().orElseThrow(), s.powerWatts().orElse(null))
          : GpuSample.down(s.gpu(), t, s.downReason().orElse("down")));
    }
    this.samples = List.copyOf(shifted);
    // end::read[]
  }

  int sampleCount() {
    return samples.size();
  }

  Set<String> gpus() {
    return Set.copyOf(gpus);
  }

  /** The period's summary: availability, GPU-hours and energy. */
  UsageSummary summarize(Instant from, Instant to) {
    // tag::summarize[]
    return UsageSampler.builder()
        .assetId(assetId)
        .device(deviceKey.address())
        .period(from, to)
        .sampleInterval(SAMPLE_INTERVAL)
        .gapTolerance(GAP_TOLERANCE)
        .gpus(gpus)
        .build()
        .summarize(samples);
    // end::summarize[]
  }

  /** The period's statements (availability, GPU-hours, energy), signed by the device key. */
  List<SignedUsageStatement> sign(UsageSummary summary) {
    return summary.sign(deviceKey, domain);
  }
}
