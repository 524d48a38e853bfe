package org.computerwa.mining.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import org.computerwa.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiningEconomicsTest {

  /** The file's hashprice was derived before difficulty was rounded to 6 digits: 5e-4 relative. */
  @Test
  void hashpriceMatchesTheDerivedColumnsOfEveryDayOfTheBtcFile() throws Exception {
    String file = "/org/computerwa/mining/economics/btc_daily_2013-01-01_2019-10-31.csv";
    int rows = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream(file)), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] c = line.split(",");
        LocalDate day = LocalDate.parse(c[0].substring(0, 10));
        double price = Double.parseDouble(c[1]);
        double difficulty = Double.parseDouble(c[2]);
        double subsidy = Double.parseDouble(c[4]);
        assertThat(BlockSubsidy.onDate(day)).as("subsidy on %s", day).isEqualTo(subsidy);
        double btcPerThDay = MiningEconomics.btcPerThDay(difficulty, subsidy);
        assertThat(btcPerThDay).as("BTC/TH/day on %s", day)
            .isCloseTo(Double.parseDouble(c[5]), within(Math.abs(Double.parseDouble(c[5])) * 1e-5 + 1e-9));
        double hp = MiningEconomics.hashpriceUsdPerThDay(price, difficulty, subsidy, 0);
        assertThat(hp).as("hashprice on %s", day)
            .isCloseTo(Double.parseDouble(c[6]), within(Double.parseDouble(c[6]) * 5e-4 + 1e-6));
        rows++;
      }
    }
    assertThat(rows).isEqualTo(2495);
  }

  @ParameterizedTest
  @CsvSource({"50, 20, 104.16666666666667", "100, 20, 208.33333333333334", "50, 30, 69.44444444444444", "0, 20, 0"})
  void breakEvenPowerPriceIsHashpriceTimesAMillionOver24TimesEfficiency(double hpPerPhDay, double jPerTh, double expected) {
    assertThat(MiningEconomics.breakEvenUsdPerMwh(hpPerPhDay, jPerTh)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void feesRaiseHashpriceInProportionToTheReward() {
    double noFees = MiningEconomics.hashpriceUsdPerThDay(60_000, 8e13, 3.125, 0);
    double withFees = MiningEconomics.hashpriceUsdPerThDay(60_000, 8e13, 3.125, 0.3125);
    assertThat(withFees / noFees).isCloseTo(1.1, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0, 50", "209999, 50", "210000, 25", "420000, 12.5", "630000, 6.25", "840000, 3.125", "13440000, 0"})
  void subsidyHalvesEvery210000Blocks(long height, double btc) {
    assertThat(BlockSubsidy.atHeight(height)).isEqualTo(btc);
  }

  @ParameterizedTest
  @CsvSource({"2016-07-08, 25", "2016-07-09, 12.5", "2020-05-11, 6.25", "2024-04-19, 6.25", "2024-04-20, 3.125"})
  void subsidyByDateFollowsTheHalvingDays(String day, double btc) {
    assertThat(BlockSubsidy.onDate(LocalDate.parse(day))).isEqualTo(btc);
  }

  @Test
  void aiMarginIsGpuPriceTimesGpusPerMwLessOpex() {
    double gpus = AiComputeEconomics.gpusPerMw(700, 1.3);
    assertThat(gpus).isCloseTo(1098.9, within(0.1));
    assertThat(AiComputeEconomics.marginUsdPerMwh(2.0, 1000, 150)).isEqualTo(1850.0);
  }

  @Test
  void aZeroEfficiencyIsRejectedNamingTheField() {
    assertThatThrownBy(() -> MiningEconomics.breakEvenUsdPerMwh(50, 0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("efficiencyJPerTh"));
  }
}
