package org.computerwa.examples.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.Backtest;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Example: backtest the rolling load policy on real-time prices against always-mine and the
 * perfect-foresight optimum, and draw the price with the mining setpoint the policy chose.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-backtest --prices prices.csv --chart backtest.png
 * }</pre>
 *
 * <p>The price file is CSV with {@code timestamp_utc}, {@code rt_spp_usd_per_mwh} and optionally
 * {@code dam_spp_usd_per_mwh}. Needs {@code org.computerwa:sdk-mining} and XChart for the chart;
 * picocli only makes it a subcommand.
 */
@Command(
    name = "example-backtest",
    mixinStandardHelpOptions = true,
    description = "Example program: backtests the rolling policy on a price file and draws a chart.")
public final class BacktestExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  @Option(names = "--prices", required = true, paramLabel = "FILE", description = "Price CSV file (UTC, USD/MWh).")
  private @Nullable Path prices;

  @Option(names = "--chart", paramLabel = "OUT.png", description = "Writes the chart as PNG.")
  private @Nullable Path chart;

  /** Creates the example (picocli runs it). */
  public BacktestExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args {@code --prices FILE [--chart OUT.png]}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BacktestExample()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    BacktestResult result = run(Objects.requireNonNull(prices), Objects.requireNonNull(spec).commandLine().getOut());
    if (chart != null) {
      drawChart(result, chart);
    }
    return 0;
  }

  /**
   * Backtests the rolling policy on a 50 MW mining site and prints its score.
   *
   * @param pricesCsv the price file
   * @param out where the score goes
   * @return the result
   */
  public static BacktestResult run(Path pricesCsv, PrintWriter out) {
    // tag::backtest[]
    PriceSeries prices = PriceSeriesCsv.read(pricesCsv);
    SiteProfile site = SiteProfile.builder()
        .capacityMw(50)                      // all of it mining at first
        .efficiencyJPerTh(20)
        .minDwellMinutes(60)                 // hold a new setpoint at least an hour
        .switchCostUsd(500)                  // what one switch costs
        .build();
    Backtest backtest = Backtest.builder()
        .prices(prices)
        .site(site)
        .hashpriceUsdPerPhDay(50)            // the economics are the caller's to state
        .market(MarketRules.ercot(Duration.ofMinutes(5)))  // what was published when
        .decisionLead(Duration.ofMinutes(5)) // decide five minutes before each interval
        .build();
    BacktestResult result = backtest.run(LoadPolicies.rolling());
    out.printf(Locale.ROOT, "policy %s over %d intervals%n", result.policy(), result.intervals());
    out.printf(Locale.ROOT, "profit USD: policy %.2f, always-mine %.2f, optimum %.2f%n",
        result.profitUsd(), result.alwaysMineProfitUsd(), result.optimumProfitUsd());
    out.printf(Locale.ROOT, "captured flexibility value %.1f %%, %d switches%n",
        100 * result.capturedFlexibilityValue(), result.switches());
    // end::backtest[]
    out.flush();
    return result;
  }

  /**
   * Draws the real-time price and the mining setpoint the policy chose, on two axes.
   *
   * @param result the backtest result
   * @param png where to write the PNG
   * @throws IOException when the file cannot be written
   */
  public static void drawChart(BacktestResult result, Path png) throws IOException {
    // tag::chart[]
    List<Date> time = new ArrayList<>();
    List<Double> price = new ArrayList<>();
    List<Double> mining = new ArrayList<>();
    for (int t = 0; t < result.intervals(); t++) {
      time.add(Date.from(result.prices().start(t)));
      price.add(result.prices().realTimeUsdPerMwh(t));
      mining.add(result.miningMw()[t]);
    }
    XYChart chart = new XYChartBuilder().width(1000).height(500)
        .title("Rolling policy: real-time price and mining setpoint")
        .xAxisTitle("time (UTC)").yAxisTitle("USD/MWh").build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setDatePattern("MM-dd HH:mm");
    chart.addSeries("real-time price, USD/MWh", time, price);
    XYSeries setpoint = chart.addSeries("mining, MW", time, mining);
    setpoint.setYAxisGroup(1);
    chart.setYAxisGroupTitle(1, "MW");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    // end::chart[]
  }
}
