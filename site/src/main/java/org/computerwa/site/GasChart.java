package org.computerwa.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the gas report's holder-dependent operations (transfers, deposits, claims) with one bar
 * per holder count, from the JSON that {@code computerwa gas-report --json} wrote: equal bars are
 * the O(1) claim made visible.
 */
public final class GasChart {
  private GasChart() {}

  /**
   * Reads the report and writes the chart.
   *
   * @param reportJson the gas report JSON
   * @param png where to write the chart
   * @throws SiteSourceException when the report has no holder-dependent operation
   */
  public static void write(Path reportJson, Path png) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(reportJson.toFile());
    } catch (IOException e) {
      throw new SiteSourceException(reportJson + " is not valid JSON: " + e.getMessage(), e);
    }
    List<String> operations = new ArrayList<>();
    for (JsonNode op : root.path("operations")) {
      if (op.has("gasByHolders")) {
        operations.add(op.path("operation").asText());
      }
    }
    if (operations.isEmpty() || !root.path("holderCounts").isArray()) {
      throw new SiteSourceException(reportJson + ": no holder-dependent operation to chart");
    }
    CategoryChart chart = new CategoryChartBuilder()
        .width(1000).height(460)
        .title("Gas per operation at each holder count")
        .yAxisTitle("gas")
        .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisLabelRotation(12);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    for (JsonNode count : root.path("holderCounts")) {
      List<Double> gas = new ArrayList<>();
      for (JsonNode op : root.path("operations")) {
        if (op.has("gasByHolders")) {
          gas.add(op.path("gasByHolders").path(count.asText()).asDouble());
        }
      }
      chart.addSeries(count.asText() + " holders", shortNames(operations), gas);
    }
    try {
      Files.createDirectories(png.getParent());
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new SiteSourceException("cannot write chart " + png + ": " + e, e);
    }
  }

  private static List<String> shortNames(List<String> operations) {
    List<String> out = new ArrayList<>();
    for (String op : operations) {
      int paren = op.indexOf(" (");
      out.add(paren > 0 ? op.substring(0, paren) : op);
    }
    return out;
  }
}
