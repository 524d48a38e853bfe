package org.computerwa.examples.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a backtest's realised price and allocation over time, as PNG and SVG.
 *
 * <pre>{@code
 * BacktestChart.write(result, Path.of("backtest.png")); // also writes backtest.svg
 * }</pre>
 */
public final class BacktestChart {
  private BacktestChart() {}

  /**
   * Writes the chart.
   *
   * @param r the result
   * @param png the PNG path; the SVG goes next to it with the extension {@code .svg}
   * @throws IOException if a file cannot be written
   */
  public static void write(BacktestResult r, Path png) throws IOException {
    XYChart chart = chart(r);
    String base = png.toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  /** Most points per series; longer runs are drawn per bucket (price: bucket maximum, MW: mean). */
  static final int MAX_POINTS = 1500;

  static XYChart chart(BacktestResult r) {
    int size = r.intervals();
    int k = (size + MAX_POINTS - 1) / MAX_POINTS;
    int n = (size + k - 1) / k;
    Date[] x = new Date[n];
    double[] price = new double[n];
    for (int b = 0; b < n; b++) {
      x[b] = Date.from(r.prices().start(b * k));
      double max = Double.NEGATIVE_INFINITY;
      for (int t = b * k; t < Math.min(size, (b + 1) * k); t++) {
        max = Math.max(max, r.prices().realTimeUsdPerMwh(t));
      }
      price[b] = max;
    }
    XYChart chart = new XYChartBuilder().width(1200).height(600)
        .title("Backtest: " + r.policy() + String.format(" (captured flexibility %.1f %%)", 100 * r.capturedFlexibilityValue()))
        .xAxisTitle("time (UTC)").yAxisTitle("USD/MWh").build();
    chart.getStyler().setDatePattern("yyyy-MM-dd HH:mm");
    chart.getStyler().setMarkerSize(0);
    chart.setYAxisGroupTitle(1, "MW");
    add(chart, "real-time price", x, price, 0);
    add(chart, "mining MW", x, mean(r.miningMw(), k, n), 1);
    add(chart, "AI spot MW", x, mean(r.aiSpotMw(), k, n), 1);
    add(chart, "AI leased MW", x, mean(r.aiLeasedMw(), k, n), 1);
    add(chart, "curtailed MW", x, mean(r.curtailedMw(), k, n), 1);
    return chart;
  }

  private static double[] mean(double[] a, int k, int n) {
    double[] m = new double[n];
    for (int b = 0; b < n; b++) {
      int to = Math.min(a.length, (b + 1) * k);
      double s = 0;
      for (int t = b * k; t < to; t++) {
        s += a[t];
      }
      m[b] = s / (to - b * k);
    }
    return m;
  }

  private static void add(XYChart chart, String name, Date[] x, double[] y, int axis) {
    XYSeries s = chart.addSeries(name, java.util.Arrays.asList(x), toList(y));
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(axis);
  }

  private static java.util.List<Double> toList(double[] a) {
    java.util.List<Double> l = new java.util.ArrayList<>(a.length);
    for (double d : a) {
      l.add(d);
    }
    return l;
  }
}
