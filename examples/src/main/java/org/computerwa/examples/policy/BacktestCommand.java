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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.computerwa.core.ComputeRwaException;
import org.computerwa.core.ValidationException;
import org.computerwa.examples.cli.ComputerwaCli;
import org.computerwa.examples.cli.MarkdownFile;
import org.computerwa.mining.policy.BoundedLossPolicy;
import org.computerwa.mining.policy.GpuLease;
import org.computerwa.mining.policy.LoadPolicies;
import org.computerwa.mining.policy.LoadPolicy;
import org.computerwa.mining.policy.MarketRules;
import org.computerwa.mining.policy.PriceSeries;
import org.computerwa.mining.policy.SiteProfile;
import org.computerwa.mining.policy.backtest.Backtest;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.computerwa.mining.policy.backtest.PeriodScore;
import org.computerwa.mining.policy.backtest.PriceSeriesCsv;
import org.computerwa.mining.policy.backtest.ScenarioCsv;
import org.computerwa.mining.policy.backtest.Seasons;
import org.computerwa.mining.policy.backtest.WalkForward;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa backtest}: runs a load policy over a price file and compares it with
 * always-mine and the perfect-foresight optimum.
 *
 * <pre>{@code
 * computerwa backtest --list-policies
 * computerwa backtest --prices ercot.csv --market ercot --policy guarded --seasons --walk-forward --json
 * computerwa backtest summary --markdown summary.md reports/backtest
 * }</pre>
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    subcommands = BacktestSummaryCommand.class,
    description = {
      "Scores a load policy on real-time power prices against the exact optimum.",
      "The price file has columns timestamp_utc,rt_spp_usd_per_mwh; a dam_spp_usd_per_mwh column,",
      "if present, is used as the published day-ahead price.",
      "Defaults: 50 MW pure-mining site, 50 USD/PH/day at 20 J/TH, 60-minute dwell, 500 USD per switch;",
      "decisions 5 min before each interval, settled prices published 5 min after theirs.",
      "The market's publication rules have no default: --market is required."
    })
public final class BacktestCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = BacktestReport.JSON;
  private static final Set<String> SITE_FIELDS = Set.of("capacityMw", "miningMaxMw", "miningMinMw",
      "miningRampMwPerMinute", "miningRampUpMwPerMinute", "miningRampDownMwPerMinute",
      "efficiencyJPerTh", "gpuSpotMw", "minDwellMinutes", "switchCostUsd", "resolutionMw",
      "initialMiningMw", "aiMarginUsdPerMwh", "leases");

  @Spec CommandSpec spec;

  @Option(names = "--prices", paramLabel = "FILE", description = "Price CSV file (required unless --list-policies).")
  @Nullable Path prices;

  @Option(names = "--policy", defaultValue = "rolling", paramLabel = "NAME",
      description = "A built-in policy; see --list-policies (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--list-policies", description = "Prints the built-in policy names, one per line, and exits.")
  boolean listPolicies;

  @Option(names = "--loss-limit-usd", paramLabel = "USD", description = {
      "Wraps the policy in a quarterly loss bound against always-mine (BoundedLossPolicy): no UTC quarter",
      "ends more than USD below always-mine while prices stay in --price-range, which is then required."})
  @Nullable Double lossLimitUsd;

  @Option(names = "--price-range", paramLabel = "LOW:HIGH",
      description = "With --loss-limit-usd: the range of settled prices, USD/MWh, the bound is taken over (no default).")
  @Nullable String priceRange;

  @Option(names = "--seasons", description = "Also scores the policy on each calendar quarter (UTC), from a cold start.")
  boolean seasons;

  @Option(names = "--walk-forward", description = {
      "Also runs a walk-forward evaluation of the policy's parameter grid: before each test period the",
      "setting with the best profit on all earlier data is chosen, then scored on the period (out of sample)."})
  boolean walkForward;

  @Option(names = "--training-days", paramLabel = "DAYS", defaultValue = "28",
      description = "Walk-forward: days before the first test period (default: ${DEFAULT-VALUE}).")
  int trainingDays;

  @Option(names = "--test-days", paramLabel = "DAYS", defaultValue = "28",
      description = "Walk-forward: days in each test period (default: ${DEFAULT-VALUE}).")
  int testDays;

  @Option(names = "--markdown", paramLabel = "FILE.md",
      description = "Writes the report as Markdown (with the command line); implies --seasons.")
  @Nullable Path markdown;

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

  @Option(names = "--market", paramLabel = "RULES",
      description = "Required: the market's publication rules, ercot (DAM results 13:30 America/Chicago the day before) or real-time-only.")
  @Nullable String market;

  @Option(names = "--label", paramLabel = "TEXT",
      description = "The data set's name in the reports (default: the price file's name).")
  @Nullable String label;

  @Option(names = "--chart", paramLabel = "OUT.png", description = "Writes the chart as PNG and, next to it, SVG.")
  @Nullable Path chart;

  @Option(names = "--json", description = "Prints one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (listPolicies) {
        LoadPolicies.names().forEach(out::println);
        out.flush();
        return 0;
      }
      Path file = prices;
      if (file == null) {
        throw new ValidationException("--prices", null, "must be given (or use --list-policies)");
      }
      LoadPolicies.byName(policy); // an unknown name fails before any work
      UnaryOperator<LoadPolicy> bound = lossBound();
      Supplier<LoadPolicy> policies = () -> bound.apply(LoadPolicies.byName(policy));
      MarketRules rules = marketRules();
      PriceSeries series = PriceSeriesCsv.read(file);
      double[] aiMargin = {0};
      SiteProfile profile = siteProfile(aiMargin);
      Backtest.Builder builder = Backtest.builder().prices(series).site(profile).hashpriceUsdPerPhDay(hashprice)
          .aiMarginUsdPerMwh(aiMargin[0]).market(rules)
          .decisionLead(Duration.ofMinutes(nonNegative("--decision-lead-minutes", decisionLeadMinutes)));
      Path steps = scenario;
      if (steps != null) {
        builder.scenario(ScenarioCsv.read(steps));
      }
      Backtest backtest = builder.build();
      BacktestResult r = backtest.run(policies.get());
      if (chart != null) {
        BacktestChart.write(r, chart);
      }
      List<PeriodScore> quarters = seasons || markdown != null
          ? Seasons.score(backtest, policies) : List.of();
      WalkForward.Result wf = null;
      if (walkForward) {
        WalkForward.Builder w = WalkForward.builder().backtest(backtest).trainingDays(trainingDays).testDays(testDays);
        LoadPolicies.grid(policy).forEach((name, make) -> w.candidate(name, () -> bound.apply(make.get())));
        wf = w.build().run();
      }
      String dataSet = label != null ? label : String.valueOf(file.getFileName());
      BacktestReport report = new BacktestReport(commandLine(),
          "Backtest: " + policies.get().name() + " on " + file.getFileName(), dataSet, String.valueOf(market),
          settings(profile, aiMargin[0]), r, quarters, wf);
      Path md = markdown;
      if (md != null) {
        MarkdownFile.write(md, report.markdown());
      }
      if (json) {
        out.println(JSON.writeValueAsString(report.toJson()));
      } else {
        report.printText(out);
      }
      out.flush();
      return 0;
    } catch (ComputeRwaException | IOException e) {
      err.println("backtest: " + e.getMessage());
      err.flush();
      return ComputerwaCli.EXIT_USAGE;
    }
  }

  /** The loss bound the options ask for, or none; the range must be stated with a limit. */
  private UnaryOperator<LoadPolicy> lossBound() {
    Double limit = lossLimitUsd;
    String range = priceRange;
    if (limit == null) {
      if (range != null) {
        throw new ValidationException("--price-range", range, "is used only with --loss-limit-usd");
      }
      return p -> p;
    }
    if (range == null) {
      throw new ValidationException("--price-range", null,
          "must be given with --loss-limit-usd (no default): the bound holds only for prices inside it");
    }
    String[] ends = range.split(":", -1);
    double low;
    double high;
    try {
      if (ends.length != 2) {
        throw new NumberFormatException();
      }
      low = Double.parseDouble(ends[0].trim());
      high = Double.parseDouble(ends[1].trim());
    } catch (NumberFormatException e) {
      throw new ValidationException("--price-range", range, "must be LOW:HIGH in USD/MWh, e.g. -250:5000");
    }
    BoundedLossPolicy.builder().policy(LoadPolicies.alwaysMine()).quarterlyLossLimitUsd(limit).priceRange(low, high)
        .build(); // checks the limit and the range before any work
    return p -> BoundedLossPolicy.builder().policy(p).quarterlyLossLimitUsd(limit).priceRange(low, high).build();
  }

  private MarketRules marketRules() {
    Duration delay = Duration.ofMinutes(nonNegative("--rt-publication-delay-minutes", rtDelayMinutes));
    String m = market;
    if (m == null) {
      throw new ValidationException("--market", null,
          "must be given (no default): ercot or real-time-only, the rules by which the market publishes its prices");
    }
    switch (m) {
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

  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    // the root command's parse result: the arguments start with the subcommand's name
    return "computerwa " + String.join(" ", args);
  }

  private String settings(SiteProfile site, double aiMargin) {
    return String.format(java.util.Locale.ROOT,
        "%s MW site, %s J/TH, %s min dwell, %s USD/switch; hashprice %s; AI margin %s USD/MWh; market %s, "
            + "settled prices %d min after the interval, decisions %d min ahead%s",
        site.capacityMw(), site.efficiencyJPerTh(), site.minDwellMinutes(), site.switchCostUsd(),
        scenario != null ? "from " + scenario.getFileName() : hashprice + " USD/PH/day", aiMargin, market,
        rtDelayMinutes, decisionLeadMinutes,
        lossLimitUsd == null ? "" : "; quarterly loss limit " + lossLimitUsd + " USD for settled prices from " + String.valueOf(priceRange).replace(":", " to ") + " USD/MWh");
  }
}
