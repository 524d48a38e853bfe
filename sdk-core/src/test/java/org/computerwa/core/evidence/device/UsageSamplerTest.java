package org.computerwa.core.evidence.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.computerwa.core.Seeds;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageKind;
import org.computerwa.core.evidence.UsageStatement;
import org.junit.jupiter.api.Test;

class UsageSamplerTest {
  static final SigningKey DEVICE =
      SigningKey.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
  static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
  static final Instant END = Instant.parse("2026-11-28T00:10:00Z");

  static UsageSampler sampler(String... gpus) {
    return UsageSampler.builder()
        .assetId(BigInteger.ONE)
        .device(DEVICE.address())
        .period(START, END)
        .sampleInterval(Duration.ofSeconds(5))
        .gapTolerance(2)
        .gpus(Set.of(gpus))
        .build();
  }

  /*
   * The two-GPU series (PROVENANCE.md), worked out by hand. Samples at 0.25 s + 5 k s, k = 0..119.
   * GPU 0: k = 36..59 missing; k = 35 (175.25 s) vouches for one interval, to 180.25 s; the gap to
   * 300.25 s (120 s) is unobserved; [0, 0.25) is unobserved; the last sample (595.25 s) is clipped
   * at 600 s. Up 600 - 120 - 0.25 = 479.75 s at 245.31 W.
   * GPU 1: k = 84..95 down (12 x 5 s = 60 s); [0, 0.25) unobserved. Up 539.75 s at 300 W.
   * Up GPU-ms 1,019,500: bps = 1,019,500 * 10,000 / 1,200,000 = 8495.8 -> 8495; seconds
   * 509.75 -> 509; milli-GPU-hours 1,019,500 / 3,600 = 283.2 -> 283; energy
   * (245.31 * 479.75 + 300 * 539.75) J = 279,612.4725 J = 77.67 Wh -> 77.
   */
  @Test
  void nvidiaSmiSeriesGivesTheHandComputedFigures() {
    List<GpuSample> samples = NvidiaSmiCsv.read(Samples.text("nvidia-smi-two-gpus.csv"), ZoneOffset.UTC);
    UsageSummary s = sampler(Samples.GPU0, Samples.GPU1).summarize(samples);
    assertThat(s.upGpuMillis()).isEqualTo(1_019_500);
    assertThat(s.downGpuMillis()).isEqualTo(60_000);
    assertThat(s.unobservedGpuMillis()).isEqualTo(120_000 + 250 + 250);
    assertThat(s.availabilityBps()).isEqualTo(8495);
    assertThat(s.availableSeconds()).isEqualTo(509);
    assertThat(s.milliGpuHours()).isEqualTo(283);
    assertThat(s.energyWh()).isEqualTo(BigInteger.valueOf(77));
    assertThat(s.samplesUsed()).isEqualTo(216);
    assertThat(s.duplicatesDropped()).isZero();
    assertThat(s.outOfOrder()).isZero();
  }

  @Test
  void dcgmSeriesGivesTheSameFiguresWithTheOutageUnobservedInsteadOfReportedDown() {
    UsageSummary s = sampler(Samples.GPU0, Samples.GPU1).summarize(DcgmExposition.read(Samples.text("dcgm-two-gpus.prom")));
    assertThat(s.upGpuMillis()).isEqualTo(1_019_500);
    assertThat(s.availabilityBps()).isEqualTo(8495);
    assertThat(s.energyWh()).isEqualTo(BigInteger.valueOf(77));
    // GPU 1's last sample before its outage (415.25 s) vouches for one interval, then 55 s are unobserved.
    assertThat(s.downGpuMillis()).isZero();
    assertThat(s.unobservedGpuMillis()).isEqualTo(120_000 + 60_000 + 500);
  }

  @Test
  void statementsCarryTheFiguresAndTheAvailabilityAndBatchAfterSigning() {
    UsageSummary s = sampler(Samples.GPU0, Samples.GPU1)
        .summarize(NvidiaSmiCsv.read(Samples.text("nvidia-smi-two-gpus.csv"), ZoneOffset.UTC));
    List<UsageStatement> statements = s.statements();
    assertThat(statements).extracting(UsageStatement::kind)
        .containsExactly(UsageKind.AVAILABILITY, UsageKind.GPU_HOURS, UsageKind.ENERGY);
    assertThat(statements).extracting(UsageStatement::value)
        .containsExactly(BigInteger.valueOf(509), BigInteger.valueOf(283), BigInteger.valueOf(77));
    assertThat(statements).allSatisfy(st -> {
      assertThat(st.availabilityBps()).isEqualTo(8495);
      assertThat(st.periodStart()).isEqualTo(START);
      assertThat(st.periodEnd()).isEqualTo(END);
      assertThat(st.device()).isEqualTo(DEVICE.address());
    });
    var domain = UsageStatement.domain(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    List<SignedUsageStatement> signed = s.sign(DEVICE, domain);
    StatementBatch batch = StatementBatch.of(BigInteger.ONE, START, END, signed, domain);
    for (SignedUsageStatement st : signed) {
      batch.proof(st.statement()).verify(batch.root());
    }
  }

  @Test
  void aGpuThatNeverReportsIsDownForTheWholePeriod() {
    UsageSummary s = sampler(Samples.GPU0, "GPU-silent").summarize(List.of());
    assertThat(s.availabilityBps()).isZero();
    assertThat(s.unobservedGpuMillis()).isEqualTo(2 * 600_000);
  }

  @Test
  void aSampleFromBeforeThePeriodCoversItsStartWithinTheTolerance() {
    UsageSummary s = sampler("GPU-a").summarize(List.of(
        up("GPU-a", START.minusSeconds(3), "100"), up("GPU-a", START.plusSeconds(7), "100")));
    // -3 s vouches to +7 s (10 s <= 2 x 5 s); +7 s vouches for 5 s, to +12 s.
    assertThat(s.upGpuMillis()).isEqualTo(12_000);
  }

  @Test
  void aGapJustOverTheToleranceIsUnobservedAndOneJustWithinIsNot() {
    UsageSummary within = sampler("GPU-a").summarize(List.of(
        up("GPU-a", START, "100"), up("GPU-a", START.plusSeconds(10), "100")));
    assertThat(within.upGpuMillis()).isEqualTo(15_000);
    UsageSummary over = sampler("GPU-a").summarize(List.of(
        up("GPU-a", START, "100"), up("GPU-a", START.plusMillis(10_001), "100")));
    assertThat(over.upGpuMillis()).isEqualTo(10_000);
    assertThat(over.unobservedGpuMillis()).isEqualTo(600_000 - 10_000);
  }

  @Test
  void exactRepeatsAreDroppedAndCountedContradictionsAreRejected() {
    GpuSample a = up("GPU-a", START, "100");
    UsageSummary s = sampler("GPU-a").summarize(List.of(a, a));
    assertThat(s.duplicatesDropped()).isEqualTo(1);
    assertThat(s.upGpuMillis()).isEqualTo(5_000);
    GpuSample b = GpuSample.down("GPU-a", START, "[GPU is lost]");
    assertThatThrownBy(() -> sampler("GPU-a").summarize(List.of(a, b)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("samples[1]"));
  }

  @Test
  void aSampleOfAnUndeclaredGpuIsRejected() {
    assertThatThrownBy(() -> sampler("GPU-a").summarize(List.of(up("GPU-b", START, "1"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("samples[0].gpu"));
  }

  @Test
  void shuffledInputGivesTheSameSummaryAndCountsOutOfOrderSamples() {
    long seed = Seeds.seed("UsageSamplerTest.shuffle");
    List<GpuSample> samples = new ArrayList<>(
        NvidiaSmiCsv.read(Samples.text("nvidia-smi-two-gpus.csv"), ZoneOffset.UTC));
    UsageSummary ordered = sampler(Samples.GPU0, Samples.GPU1).summarize(samples);
    Collections.shuffle(samples, new Random(seed));
    UsageSummary shuffled = sampler(Samples.GPU0, Samples.GPU1).summarize(samples);
    assertThat(shuffled.upGpuMillis()).isEqualTo(ordered.upGpuMillis());
    assertThat(shuffled.energyWh()).isEqualTo(ordered.energyWh());
    assertThat(shuffled.statements()).isEqualTo(ordered.statements());
    assertThat(shuffled.outOfOrder()).isPositive();
  }

  @Test
  void randomTimelinesNeverCountMoreUptimeThanUpSamplesCanVouchFor() {
    long seed = Seeds.seed("UsageSamplerTest.bound");
    Random r = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      List<GpuSample> samples = new ArrayList<>();
      int upCount = 0;
      for (long t = -20_000; t < 620_000; t += 1 + r.nextInt(15_000)) {
        boolean up = r.nextInt(5) > 0;
        upCount += up ? 1 : 0;
        Instant at = START.plusMillis(t);
        samples.add(up ? up("GPU-a", at, "50") : GpuSample.down("GPU-a", at, "[N/A]"));
      }
      UsageSummary s = sampler("GPU-a").summarize(samples);
      assertThat(s.upGpuMillis()).isLessThanOrEqualTo(upCount * 10_000L);
      assertThat(s.upGpuMillis() + s.downGpuMillis() + s.unobservedGpuMillis()).isEqualTo(600_000);
      assertThat(s.availabilityBps()).isBetween(0, 10_000);
    }
  }

  @Test
  void everySettingIsRequiredAndChecked() {
    assertThatThrownBy(() -> UsageSampler.builder().build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("assetId"));
    assertThatThrownBy(() -> UsageSampler.builder().assetId(BigInteger.ONE).device(DEVICE.address())
        .period(START, END).sampleInterval(Duration.ofSeconds(5)).gapTolerance(2).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("gpus"));
    assertThatThrownBy(() -> UsageSampler.builder().assetId(BigInteger.ONE).device(DEVICE.address())
        .period(START, END).sampleInterval(Duration.ofSeconds(5)).gapTolerance(new BigDecimal("0.5"))
        .gpus(Set.of("GPU-a")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("gapTolerance"));
    assertThatThrownBy(() -> UsageSampler.builder().assetId(BigInteger.ONE).device(DEVICE.address())
        .period(END, START).sampleInterval(Duration.ofSeconds(5)).gapTolerance(2).gpus(Set.of("GPU-a")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("periodEnd"));
    assertThatThrownBy(() -> UsageSampler.builder().assetId(BigInteger.ONE).device(DEVICE.address())
        .period(START, END).sampleInterval(Duration.ZERO).gapTolerance(2).gpus(Set.of("GPU-a")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sampleInterval"));
  }

  static GpuSample up(String gpu, Instant at, String util) {
    return GpuSample.up(gpu, at, new BigDecimal(util), new BigDecimal("100"));
  }
}
