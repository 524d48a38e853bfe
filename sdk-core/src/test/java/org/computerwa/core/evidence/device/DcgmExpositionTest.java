package org.computerwa.core.evidence.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DcgmExpositionTest {
  static final String TYPES = "# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n";

  @Test
  void aScrapeWithoutTimestampsIsTakenAtTheScrapeTimeAndOtherFamiliesAreIgnored() {
    Instant at = Instant.parse("2026-11-28T00:00:05Z");
    List<GpuSample> s = DcgmExposition.read(Samples.text("dcgm-scrape.prom"), at);
    assertThat(s).containsExactly(GpuSample.up(Samples.GPU0, at, new BigDecimal("0"), new BigDecimal("69.85")));
  }

  @Test
  void theSeriesGivesTheSameSamplesAsNvidiaSmiSaveThatAMissingGpuHasNoSample() {
    List<GpuSample> dcgm = DcgmExposition.read(Samples.text("dcgm-two-gpus.prom"));
    List<GpuSample> smi = NvidiaSmiCsv.read(Samples.text("nvidia-smi-two-gpus.csv"), ZoneOffset.UTC);
    List<GpuSample> smiUp = smi.stream().filter(GpuSample::up).toList();
    assertThat(dcgm).containsExactlyInAnyOrderElementsOf(smiUp);
  }

  @Test
  void aGpuWithPowerButNoUtilizationIsDown() {
    String text = "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-a\"} 50 1000\n";
    GpuSample s = DcgmExposition.read(text).get(0);
    assertThat(s.up()).isFalse();
    assertThat(s.time()).isEqualTo(Instant.ofEpochMilli(1000));
  }

  @Test
  void labelValuesMayHoldEscapesCommasAndBraces() {
    String text = "DCGM_FI_DEV_GPU_UTIL{pod=\"a,b}\\\"c\\\\\",UUID=\"GPU-a\",} 5 1000\n";
    assertThat(DcgmExposition.read(text).get(0).utilizationPercent()).contains(new BigDecimal("5"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "no timestamp and no scrape time|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5|line 1 timestamp",
    "no UUID label|DCGM_FI_DEV_GPU_UTIL{gpu=\"0\"} 5 1000|line 1 labels",
    "bad value|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} five 1000|line 1 value",
    "NaN utilization|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} NaN 1000|line 1 value",
    "utilization over 100|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 100.5 1000|line 1 value",
    "negative power|DCGM_FI_DEV_POWER_USAGE{UUID=\"GPU-a\"} -3 1000|line 1 value",
    "unclosed label value|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a} 5 1000|line 1 label UUID",
    "bad escape|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-\\a\"} 5 1000|line 1 label UUID",
    "unquoted label value|DCGM_FI_DEV_GPU_UTIL{UUID=GPU-a} 5 1000|line 1 labels",
    "repeated label|DCGM_FI_DEV_GPU_UTIL{UUID=\"a\",UUID=\"b\"} 5 1000|line 1 label UUID",
    "bad metric name|9DCGM{UUID=\"a\"} 5 1000|line 1 metric name",
    "fractional timestamp|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5 1000.5|line 1 timestamp",
    "extra field|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5 1000 7|line 1 sample",
    "unknown TYPE|# TYPE DCGM_FI_DEV_GPU_UTIL gaugey|line 1 TYPE",
    "TYPE twice|# TYPE DCGM_FI_DEV_GPU_UTIL gauge\\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge|line 2 TYPE",
    "TYPE after samples|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5 1000\\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge|line 2 TYPE",
    "same GPU and time twice|DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5 1000\\nDCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 6 1000|line 2 sample",
  })
  void malformedTextNamesTheLine(String name, String text, String field) {
    assertThatThrownBy(() -> DcgmExposition.read(text.replace("\\n", "\n")))
        .isInstanceOfSatisfying(SampleFormatException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.line()).isEqualTo(Integer.parseInt(field.split(" ")[1]));
        });
  }

  @Test
  void commentsBlankLinesAndCrLfAreAccepted() {
    String text = "# a comment\r\n\r\n" + TYPES + "DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-a\"} 5 1000\r\n";
    assertThat(DcgmExposition.read(text)).hasSize(1);
  }
}
