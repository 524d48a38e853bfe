package org.computerwa.examples.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.core.evidence.device.DcgmExposition;
import org.computerwa.core.evidence.device.GpuSample;
import org.computerwa.core.evidence.device.NvidiaSmiCsv;
import org.computerwa.core.evidence.device.UsageSampler;
import org.computerwa.core.evidence.device.UsageSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Example: a device agent turns ten minutes of GPU samples (nvidia-smi CSV or DCGM exporter text)
 * into usage statements for the period and signs them with the device's own key.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-device-agent \
 *     --key 0x... --chain-id 31337 --anchor 0x... --asset-id 1 [--dcgm]
 * }</pre>
 *
 * <p>The agent needs only {@code org.computerwa:sdk-core}: no chain client, no HTTP stack. The
 * chain id and the evidence anchor's address name the EIP-712 domain the statements are signed
 * in (a statement signed for one deployment is worthless on another); the site that collects the
 * statements checks them in the same domain. The samples are the series in
 * {@code device/PROVENANCE.md} (two H100 GPUs, 2026-11-28 00:00 to 00:10 UTC).
 */
@Command(
    name = "example-device-agent",
    mixinStandardHelpOptions = true,
    description = "Example program: a device agent signs usage statements from GPU samples.")
public final class DeviceAgentExample implements Callable<Integer> {
  /** The GPUs this device declares: what {@code nvidia-smi -L} lists on the node. */
  static final Set<String> GPUS = Set.of(
      "GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52",
      "GPU-2d9067e4-8fab-5820-6228-69e2e74b3d58");

  /** The period the agent reports. */
  public static final Instant PERIOD_START = Instant.parse("2026-11-28T00:00:00Z");

  /** The end of the period the agent reports. */
  public static final Instant PERIOD_END = Instant.parse("2026-11-28T00:10:00Z");

  @Spec private @Nullable CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "HEX", description = "The device's private key (0x + 64 hex).")
  private String key = "";

  @Option(names = "--chain-id", required = true, paramLabel = "N", description = "Chain id of the signing domain.")
  private long chainId;

  @Option(names = "--anchor", required = true, paramLabel = "ADDR", description = "The evidence anchor contract of the signing domain.")
  private String anchor = "";

  @Option(names = "--asset-id", required = true, paramLabel = "N", description = "The asset's token id.")
  private BigInteger assetId = BigInteger.ZERO;

  @Option(names = "--dcgm", description = "Read the DCGM exporter text instead of the nvidia-smi CSV.")
  private boolean dcgm;

  /** Creates the example (picocli runs it). */
  public DeviceAgentExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args {@code --key HEX --chain-id N --anchor ADDR --asset-id N [--dcgm]}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DeviceAgentExample()).execute(args));
  }

  @Override
  public Integer call() {
    CommandLine cli = Objects.requireNonNull(spec).commandLine();
    try {
      List<GpuSample> samples = dcgm
          ? readDcgm(resource("dcgm-two-gpus.prom"))
          : readNvidiaSmi(resource("nvidia-smi-two-gpus.csv"));
      Eip712Domain domain = UsageStatement.domain(chainId, Address.fromHex(anchor));
      run(samples, assetId, SigningKey.fromHex(key), domain, cli.getOut());
      return 0;
    } catch (ComputeRwaException e) {
      cli.getErr().println("example-device-agent: " + e.getMessage());
      cli.getErr().flush();
      return 2;
    }
  }

  /**
   * Reads what {@code nvidia-smi --query-gpu=timestamp,index,uuid,utilization.gpu,power.draw
   * --format=csv -l 5} printed.
   *
   * @param csv the CSV text, header line included
   * @return the samples
   */
  public static List<GpuSample> readNvidiaSmi(String csv) {
    // tag::read-nvidia-smi[]
    // nvidia-smi prints the machine's local time without a zone: name it (this node runs on UTC)
    List<GpuSample> samples = NvidiaSmiCsv.read(csv, ZoneOffset.UTC);
    // end::read-nvidia-smi[]
    return samples;
  }

  /**
   * Reads the Prometheus text the DCGM exporter served, with a timestamp on every sample.
   *
   * @param exposition the exporter's text
   * @return the samples (utilization and power joined on the GPU's UUID and the sample time)
   */
  public static List<GpuSample> readDcgm(String exposition) {
    // tag::read-dcgm[]
    List<GpuSample> samples = DcgmExposition.read(exposition);  // strict: a malformed line names its number
    // end::read-dcgm[]
    return samples;
  }

  /**
   * Summarises the samples of the period, prints the figures and returns the three statements
   * signed with the device key.
   *
   * @param samples the GPU samples
   * @param assetId the asset the device belongs to
   * @param deviceKey the device's own key
   * @param usageDomain the deployment's usage domain
   * @param out where the figures go
   * @return the availability, GPU-hour and energy statements, signed
   */
  public static List<SignedUsageStatement> run(
      List<GpuSample> samples, BigInteger assetId, SigningKey deviceKey, Eip712Domain usageDomain, PrintWriter out) {
    // tag::summarize[]
    UsageSampler sampler = UsageSampler.builder()
        .assetId(assetId)
        .device(deviceKey.address())
        .period(PERIOD_START, PERIOD_END)
        .sampleInterval(Duration.ofSeconds(5))   // what the agent promised: nvidia-smi -l 5
        .gapTolerance(2)                          // a sample vouches for at most 2 intervals
        .gpus(GPUS)                               // a GPU that never reports is down, not absent
        .build();
    UsageSummary summary = sampler.summarize(samples);
    // end::summarize[]
    out.printf(Locale.ROOT, "samples used %d, duplicates dropped %d, out of order %d%n",
        summary.samplesUsed(), summary.duplicatesDropped(), summary.outOfOrder());
    out.printf(Locale.ROOT, "GPU time up %d ms, down %d ms, unobserved %d ms (counted as down)%n",
        summary.upGpuMillis(), summary.downGpuMillis(), summary.unobservedGpuMillis());
    out.printf(Locale.ROOT, "availability %d bps, %d s of the mean GPU; %d milli-GPU-hours; %s Wh%n",
        summary.availabilityBps(), summary.availableSeconds(), summary.milliGpuHours(), summary.energyWh());

    // tag::sign[]
    List<SignedUsageStatement> signed = summary.sign(deviceKey, usageDomain);
    for (SignedUsageStatement s : signed) {
      s.verify(usageDomain);                      // what the site will check on arrival
      out.println(s.statement().kind() + " " + s.statement().value()
          + " signed by " + s.statement().device() + ", leaf " + s.statement().leafHash());
    }
    // end::sign[]
    out.flush();
    return signed;
  }

  private static String resource(String name) {
    try (InputStream in = DeviceAgentExample.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + DeviceAgentExample.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
