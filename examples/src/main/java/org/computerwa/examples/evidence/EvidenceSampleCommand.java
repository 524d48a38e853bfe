package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.computerwa.core.ValidationException;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.evidence.device.DcgmExposition;
import org.computerwa.core.evidence.device.GpuSample;
import org.computerwa.core.evidence.device.NvidiaSmiCsv;
import org.computerwa.core.evidence.device.UsageSampler;
import org.computerwa.core.evidence.device.UsageSummary;
import org.computerwa.examples.cli.ComputerwaCli;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa evidence sample}: turns a device sample file into the statements file that
 * {@code evidence sign} takes.
 *
 * <pre>{@code
 * computerwa evidence sample --nvidia-smi gpu.csv --zone UTC --asset-id 1 \
 *     --device 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 \
 *     --period-start 2026-11-28T00:00:00Z --period-end 2026-11-28T00:10:00Z \
 *     --interval PT5S --gap-tolerance 2 --gpu GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52
 * }</pre>
 *
 * <p>Reads {@code nvidia-smi --query-gpu=timestamp,uuid,utilization.gpu,power.draw --format=csv}
 * output (its timestamps are local time: {@code --zone} is required) or DCGM exporter text (every
 * sample timestamped, or {@code --scraped-at} for a single scrape). Every setting of the
 * {@link UsageSampler} is required; nothing weakens the gap rule by default. Prints
 * {@code {"statements":[AVAILABILITY, GPU_HOURS, ENERGY]}} and a one-line summary on standard
 * error. Exit 0, or 2 with a message naming the line or option on bad input.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Turn nvidia-smi CSV or DCGM exporter samples into the statements file 'evidence sign' takes.")
public final class EvidenceSampleCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Exactly one sample file. */
  static final class Source {
    @Option(names = "--nvidia-smi", paramLabel = "FILE", description = "nvidia-smi --query-gpu ... --format=csv output.")
    @Nullable Path nvidiaSmi;

    @Option(names = "--dcgm", paramLabel = "FILE", description = "DCGM exporter Prometheus text.")
    @Nullable Path dcgm;
  }

  @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the machine that ran nvidia-smi (required with --nvidia-smi).")
  @Nullable String zone;

  @Option(names = "--scraped-at", paramLabel = "INSTANT", description = "Scrape time of DCGM lines without a timestamp.")
  @Nullable String scrapedAt;

  @Option(names = "--asset-id", required = true, paramLabel = "N", description = "The asset's token id.")
  BigInteger assetId;

  @Option(names = "--device", required = true, paramLabel = "ADDR", description = "The device key's address.")
  String device;

  @Option(names = "--period-start", required = true, paramLabel = "INSTANT", description = "Inclusive start, ISO-8601 UTC.")
  String periodStart;

  @Option(names = "--period-end", required = true, paramLabel = "INSTANT", description = "Exclusive end, ISO-8601 UTC.")
  String periodEnd;

  @Option(names = "--interval", required = true, paramLabel = "DURATION", description = "The declared sample interval, ISO-8601 (PT10S).")
  String interval;

  @Option(names = "--gap-tolerance", required = true, paramLabel = "X",
      description = "A gap longer than interval x X is downtime; X in [1, 100].")
  BigDecimal gapTolerance;

  @Option(names = "--gpu", required = true, paramLabel = "UUID", description = "A GPU of the device (repeat for each).")
  List<String> gpus;

  /** Creates the command; picocli fills the options. */
  public EvidenceSampleCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    UsageSummary summary;
    try {
      UsageSampler sampler = UsageSampler.builder()
          .assetId(assetId)
          .device(address(device))
          .period(instant("--period-start", periodStart), instant("--period-end", periodEnd))
          .sampleInterval(duration(interval))
          .gapTolerance(gapTolerance)
          .gpus(new LinkedHashSet<>(gpus))
          .build();
      summary = sampler.summarize(samples());
    } catch (ValidationException e) {
      err.println("evidence sample: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (UncheckedIOException e) {
      err.println("evidence sample: cannot read the sample file: " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    ObjectNode file = JSON.createObjectNode();
    ArrayNode statements = file.putArray("statements");
    for (UsageStatement s : summary.statements()) {
      statements.add(StatementJson.toFileForm(s));
    }
    out.println(JSON.writeValueAsString(file));
    out.flush();
    err.println("evidence sample: " + summary);
    err.flush();
    return 0;
  }

  private List<GpuSample> samples() {
    Path smi = source.nvidiaSmi;
    if (smi != null) {
      if (zone == null) {
        throw new ValidationException("--zone", null, "is required with --nvidia-smi (nvidia-smi prints local time)");
      }
      ZoneId z;
      try {
        z = ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new ValidationException("--zone", zone, "must be a time zone id such as UTC or Europe/Berlin");
      }
      return NvidiaSmiCsv.read(new String(InputFile.bytes(smi), StandardCharsets.UTF_8), z);
    }
    Path dcgm = java.util.Objects.requireNonNull(source.dcgm);
    String text = new String(InputFile.bytes(dcgm), StandardCharsets.UTF_8);
    return scrapedAt == null ? DcgmExposition.read(text) : DcgmExposition.read(text, instant("--scraped-at", scrapedAt));
  }

  private static Instant instant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw new ValidationException(option, text, "must be an ISO-8601 UTC instant like 2026-11-28T00:00:00Z");
    }
  }

  private static org.computerwa.core.crypto.Address address(String text) {
    try {
      return org.computerwa.core.crypto.Address.fromHex(text);
    } catch (ValidationException e) {
      throw new ValidationException("--device", text, e.rule());
    }
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeException e) {
      throw new ValidationException("--interval", text, "must be an ISO-8601 duration like PT10S");
    }
  }
}
