package org.computerwa.core.evidence.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {

  @Test
  void readsTheUtilizationAndPowerColumnsOfARealFullWidthCapture() {
    List<GpuSample> samples = NvidiaSmiCsv.read(Samples.text("nvidia-smi-h100-capture.csv"), ZoneOffset.UTC);
    assertThat(samples).hasSize(2);
    GpuSample idle = samples.get(0);
    assertThat(idle.gpu()).isEqualTo("GPU-00000000-0000-0000-0000-000000000000");
    assertThat(idle.time()).isEqualTo(Instant.parse("2026-07-14T08:12:38.696Z"));
    assertThat(idle.up()).isTrue();
    assertThat(idle.utilizationPercent()).contains(new BigDecimal("0"));
    assertThat(idle.powerWatts()).contains(new BigDecimal("69.85"));
    GpuSample load = samples.get(1);
    assertThat(load.time()).isEqualTo(Instant.parse("2026-07-14T08:12:53.353Z"));
    assertThat(load.utilizationPercent()).contains(new BigDecimal("100"));
    assertThat(load.powerWatts()).contains(new BigDecimal("631.95"));
  }

  @Test
  void unitsAndNoUnitsFormsInTheirLocalZonesGiveTheSameSamples() {
    List<GpuSample> units = NvidiaSmiCsv.read(Samples.text("nvidia-smi-two-gpus.csv"), ZoneOffset.UTC);
    List<GpuSample> noUnits = NvidiaSmiCsv.read(
        Samples.text("nvidia-smi-two-gpus-nounits-berlin.csv"), ZoneId.of("Europe/Berlin"));
    assertThat(units).hasSize(216).isEqualTo(noUnits);
    assertThat(units.get(0).time()).isEqualTo(Instant.parse("2026-11-28T00:00:00.250Z"));
  }

  @Test
  void bracketedUtilizationIsADownSampleAndBracketedPowerIsUnknown() {
    String csv = "timestamp, index, uuid, utilization.gpu [%], power.draw [W]\n"
        + "2026/11/28 00:00:05.123, 0, GPU-a, [GPU is lost], [Unknown Error]\n"
        + "2026/11/28 00:00:15.123, 0, GPU-a, 12 %, [N/A]\n";
    List<GpuSample> s = NvidiaSmiCsv.read(csv, ZoneOffset.UTC);
    assertThat(s.get(0).up()).isFalse();
    assertThat(s.get(0).downReason()).contains("[GPU is lost]");
    assertThat(s.get(1).up()).isTrue();
    assertThat(s.get(1).powerWatts()).isEmpty();
  }

  @Test
  void aRepeatedHeaderLineFromConcatenatedRunsIsSkipped() {
    String header = "timestamp, uuid, utilization.gpu [%]\n";
    String csv = header + "2026/11/28 00:00:05.123, GPU-a, 1 %\n" + header + "2026/11/28 00:00:15.123, GPU-a, 2 %\n";
    assertThat(NvidiaSmiCsv.read(csv, ZoneOffset.UTC)).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "no header (noheader)|2026/11/28 00:00:05.123, 0, GPU-a, 87 %, 245.31 W|line 1 header",
    "utilization over 100|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026/11/28 00:00:05.123, 0, GPU-a, 101 %, 245.31 W|line 2 utilization.gpu",
    "wrong unit in a cell|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026/11/28 00:00:05.123, 0, GPU-a, 87 %, 245.31 kW|line 2 power.draw",
    "negative power|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026/11/28 00:00:05.123, 0, GPU-a, 87 %, -1 W|line 2 power.draw",
    "ISO timestamp|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026-11-28T00:00:05Z, 0, GPU-a, 87 %, 245.31 W|line 2 timestamp",
    "impossible date|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026/02/30 00:00:05.123, 0, GPU-a, 87 %, 245.31 W|line 2 timestamp",
    "missing cell|timestamp, index, uuid, utilization.gpu [%], power.draw [W]\\n2026/11/28 00:00:05.123, 0, GPU-a, 87 %|line 2 row",
    "no uuid column|timestamp, index, utilization.gpu [%]\\n2026/11/28 00:00:05.123, 0, 87 %|line 1 header",
    "power header in percent|timestamp, uuid, utilization.gpu [%], power.draw [%]\\n2026/11/28 00:00:05.123, GPU-a, 87 %, 1 %|line 1 header",
    "error message as uuid|timestamp, uuid, utilization.gpu [%]\\n2026/11/28 00:00:05.123, [N/A], 87 %|line 2 uuid",
  })
  void malformedInputNamesTheLineAndColumn(String name, String csv, String field) {
    assertThatThrownBy(() -> NvidiaSmiCsv.read(csv.replace("\\n", "\n"), ZoneOffset.UTC))
        .isInstanceOfSatisfying(SampleFormatException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.line()).isEqualTo(Integer.parseInt(field.split(" ")[1]));
        });
  }

  @Test
  void emptyInputHasNoHeader() {
    assertThatThrownBy(() -> NvidiaSmiCsv.read("", ZoneOffset.UTC))
        .isInstanceOf(SampleFormatException.class)
        .hasMessageContaining("header");
  }
}
