package org.computerwa.examples.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.Backtest;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.computerwa.mining.policy.backtest.ScenarioCsv;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code computerwa backtest}: runs a load policy over a price file and compares it with
 * always-mine and the perfect-foresight optimum.
 *
 * <pre>{@code
 * computerwa backtest --prices ercot.csv --policy rolling --json
 * }</pre>
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a load policy on real-time power prices against the exact optimum.",
      "The price file has columns timestamp_utc,rt_spp_usd_per_mwh; a dam_spp_usd_per_mwh column,",
      "if present, is used as the published day-ahead price.",
      "Defaults: 50 MW pure-mining site, 50 USD/PH/day at 20 J/TH, 60-minute dwell, 500 USD per switch."
    })
public final class BacktestCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final Set<String> SITE_FIELDS = Set.of("capacityMw", "miningMaxMw", "miningMinMw",
      "miningRampMwPerMinute", "miningRampUpMwPerMinute", "miningRampDownMwPerMinute",
      "efficiencyJPerTh", "gpuSpotMw", "minDwellMinutes", "switchCostUsd", "resolutionMw",
      "initialMiningMw", "aiMarginUsdPerMwh", "leases");

  @Spec CommandSpec spec;

  @Option(names = "--prices", required = true, paramLabel = "FILE", description = "Price CSV file.")
  Path prices;

  @Option(names = "--policy", defaultValue = "rolling", paramLabel = "NAME",
      description = "always-mine|always-ai|threshold|greedy|rolling (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--site", paramLabel = "FILE.json", description = "Site profile JSON; the options below override it.")
  @Nullable Path site;

  @Option(names = "--hashprice", paramLabel = "USD_PER_PH_DAY", defaultValue = "50",
      description = "Hashprice in USD per PH/s per day (default: ${DEFAULT-VALUE}).")
  double hashprice;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Hashprice (and AI margin) steps over time: CSV timestamp_utc,hashprice_usd_per_ph_day[,ai_margin_usd_per_mwh]; replaces --hashprice.")
  @Nullable Path scenario;

  @Option(names = "--efficiency", paramLabel = "J_PER_TH", description = "Fleet efficiency (default 20).")
  @Nullable Double efficiency;

  @Option(names = "--capacity-mw", paramLabel = "N", description = "Site capacity, all mining (default 50).")
  @Nullable Double capacityMw;

  @Option(names = "--dwell-minutes", paramLabel = "M", description = "Minimum dwell (default 60).")
  @Nullable Double dwellMinutes;

  @Option(names = "--switch-cost", paramLabel = "USD", description = "Cost per switch (default 500).")
  @Nullable Double switchCost;

  @Option(names = "--decision-lead-minutes", paramLabel = "M", defaultValue = "5",
      description = "How long before each interval its command goes out (default: ${DEFAULT-VALUE}).")
  int decisionLeadMinutes;

  @Option(names = "--rt-publication-delay-minutes", paramLabel = "M", defaultValue = "5",
      description = "How long after an interval its settled price is published (default: ${DEFAULT-VALUE}).")
  int rtDelayMinutes;

  @Option(names = "--market", paramLabel = "RULES", defaultValue = "ercot",
      description = "Publication rules: ercot (DAM results 13:30 America/Chicago the day before) or real-time-only (default: ${DEFAULT-VALUE}).")
  String market;

  @Option(names = "--chart", paramLabel = "OUT.png", description = "Writes the chart as PNG and, next to it, SVG.")
  @Nullable Path chart;

  @Option(names = "--json", description = "Prints one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PriceSeries series = PriceSeriesCsv.read(prices);
      double[] aiMargin = {0};
      SiteProfile profile = siteProfile(aiMargin);
      Backtest.Builder builder = Backtest.builder().prices(series).site(profile).hashpriceUsdPerPhDay(hashprice)
          .aiMarginUsdPerMwh(aiMargin[0]).market(marketRules())
          .decisionLead(Duration.ofMinutes(nonNegative("--decision-lead-minutes", decisionLeadMinutes)));
      Path steps = scenario;
      if (steps != null) {
        builder.scenario(ScenarioCsv.read(steps));
      }
      Backtest backtest = builder.build();
      BacktestResult r = backtest.run(LoadPolicies.byName(policy));
      if (chart != null) {
        BacktestChart.write(r, chart);
      }
      if (json) {
        out.println(JSON.writeValueAsString(toJson(r)));
      } else {
        printText(out, r);
      }
      out.flush();
      return 0;
    } catch (ComputeRwaException | IOException e) {
      err.println("backtest: " + e.getMessage());
      err.flush();
      return ComputerwaCli.EXIT_USAGE;
    }
  }

  private MarketRules marketRules() {
    Duration delay = Duration.ofMinutes(nonNegative("--rt-publication-delay-minutes", rtDelayMinutes));
    switch (market) {
      case "ercot":
        return MarketRules.ercot(delay);
      case "real-time-only":
        return MarketRules.realTimeOnly(delay);
      default:
        throw new ValidationException("--market", market, "must be ercot or real-time-only");
    }
  }

  private static int nonNegative(String option, int minutes) {
    if (minutes < 0) {
      throw new ValidationException(option, minutes, "must be >= 0");
    }
    return minutes;
  }

  private SiteProfile siteProfile(double[] aiMargin) throws IOException {
    SiteProfile.Builder b = SiteProfile.builder().capacityMw(50).efficiencyJPerTh(20).minDwellMinutes(60).switchCostUsd(500);
    Path file = site;
    if (file != null) {
      JsonNode root;
      try {
        root = JSON.readTree(Files.readString(file));
      } catch (IOException e) {
        throw new ValidationException("site", file, "must be a readable JSON file: " + e.getMessage());
      }
      if (root == null || !root.isObject()) {
        throw new ValidationException("site", file, "must hold one JSON object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (!SITE_FIELDS.contains(k)) {
          throw new ValidationException("site." + k, v, "is not a known field; known: " + SITE_FIELDS);
        }
        if (k.equals("leases")) {
          readLeases(b, v);
          continue;
        }
        if (!v.isNumber()) {
          throw new ValidationException("site." + k, v, "must be a number");
        }
        double d = v.doubleValue();
        switch (k) {
          case "capacityMw": b.capacityMw(d); break;
          case "miningMaxMw": b.miningMaxMw(d); break;
          case "miningMinMw": b.miningMinMw(d); break;
          case "miningRampMwPerMinute": b.miningRampMwPerMinute(d); break;
          case "miningRampUpMwPerMinute": b.miningRampUpMwPerMinute(d); break;
          case "miningRampDownMwPerMinute": b.miningRampDownMwPerMinute(d); break;
          case "efficiencyJPerTh": b.efficiencyJPerTh(d); break;
          case "gpuSpotMw": b.gpuSpotMw(d); break;
          case "minDwellMinutes": b.minDwellMinutes(d); break;
          case "switchCostUsd": b.switchCostUsd(d); break;
          case "resolutionMw": b.resolutionMw(d); break;
          case "initialMiningMw": b.initialMiningMw(d); break;
          default: aiMargin[0] = d; break;
        }
      }
    }
    if (capacityMw != null) {
      b.capacityMw(capacityMw);
    }
    if (efficiency != null) {
      b.efficiencyJPerTh(efficiency);
    }
    if (dwellMinutes != null) {
      b.minDwellMinutes(dwellMinutes);
    }
    if (switchCost != null) {
      b.switchCostUsd(switchCost);
    }
    return b.build();
  }

  private static void readLeases(SiteProfile.Builder b, JsonNode leases) {
    if (!leases.isArray()) {
      throw new ValidationException("site.leases", leases, "must be an array of {start, end, mw}");
    }
    for (int i = 0; i < leases.size(); i++) {
      JsonNode l = leases.get(i);
      String f = "site.leases[" + i + "]";
      if (!l.path("start").isTextual() || !l.path("end").isTextual() || !l.path("mw").isNumber()) {
        throw new ValidationException(f, l, "must be {\"start\": ISO-8601, \"end\": ISO-8601, \"mw\": number}");
      }
      try {
        b.addLease(GpuLease.of(Instant.parse(l.get("start").asText()), Instant.parse(l.get("end").asText()),
            l.get("mw").doubleValue()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationException(f, l, "start and end must be ISO-8601 instants", e);
      }
    }
  }

  static ObjectNode toJson(BacktestResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("policy", r.policy());
    o.put("intervals", r.intervals());
    o.put("profitUsd", round2(r.profitUsd()));
    o.put("alwaysMineProfitUsd", round2(r.alwaysMineProfitUsd()));
    o.put("optimumProfitUsd", round2(r.optimumProfitUsd()));
    double cfv = r.capturedFlexibilityValue();
    if (Double.isNaN(cfv)) {
      o.putNull("capturedFlexibilityValue");
    } else {
      o.put("capturedFlexibilityValue", Math.round(cfv * 1e6) / 1e6);
    }
    o.put("switches", r.switches());
    o.put("curtailedHours", round2(r.curtailedHours()));
    ObjectNode pools = o.putObject("mwhByPool");
    r.mwhByPool().forEach((k, v) -> pools.put(k, round2(v)));
    o.put("slaBreaches", r.slaBreaches());
    o.put("envelopeInterventions", r.envelopeInterventions());
    ObjectNode worst = o.putObject("worstDay");
    worst.put("date", r.worstDay().date().toString());
    worst.put("profitUsd", round2(r.worstDay().profitUsd()));
    worst.put("optimumProfitUsd", round2(r.worstDay().optimumProfitUsd()));
    return o;
  }

  private static java.math.BigDecimal round2(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN);
  }

  private static void printText(PrintWriter out, BacktestResult r) {
    out.printf("policy                     %s%n", r.policy());
    out.printf("intervals                  %d%n", r.intervals());
    out.printf("profit                     %,.2f USD%n", r.profitUsd());
    out.printf("always-mine profit         %,.2f USD%n", r.alwaysMineProfitUsd());
    out.printf("optimum profit             %,.2f USD%n", r.optimumProfitUsd());
    out.printf("captured flexibility value %.2f %%%n", 100 * r.capturedFlexibilityValue());
    out.printf("switches                   %d%n", r.switches());
    out.printf("curtailed hours            %.2f%n", r.curtailedHours());
    r.mwhByPool().forEach((k, v) -> out.printf("MWh %-22s %,.2f%n", k, v));
    out.printf("SLA breaches               %d%n", r.slaBreaches());
    out.printf("envelope interventions     %d%n", r.envelopeInterventions());
    out.printf("worst day                  %s (%,.2f USD, optimum %,.2f USD)%n", r.worstDay().date(),
        r.worstDay().profitUsd(), r.worstDay().optimumProfitUsd());
  }
}
