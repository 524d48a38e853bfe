package org.computerwa.examples.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.computerwa.mining.policy.backtest.BacktestResult;
import org.computerwa.mining.policy.backtest.PeriodScore;
import org.computerwa.mining.policy.backtest.WalkForward;
import org.jspecify.annotations.Nullable;

/**
 * What {@code computerwa backtest} reports, rendered as text, JSON or Markdown from one set of
 * results, so the three never disagree.
 *
 * @param command the command line that produced it
 * @param title what was run on what, for a heading
 * @param dataSet the data set's name, for summaries
 * @param market the market rules' name
 * @param settings one line describing site, hashprice and market timing
 * @param result the whole-series run of the policy with its default parameters
 * @param seasons per-quarter runs, or empty
 * @param walkForward the walk-forward evaluation, or {@code null}
 */
record BacktestReport(String command, String title, String dataSet, String market, String settings, BacktestResult result, List<PeriodScore> seasons,
    WalkForward.@Nullable Result walkForward) {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  static BigDecimal round(double v, int scale) {
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    BacktestResult r = result;
    o.put("policy", r.policy());
    o.put("dataSet", dataSet);
    o.put("market", market);
    o.put("settings", settings);
    o.put("intervals", r.intervals());
    o.put("profitUsd", round(r.profitUsd(), 2));
    o.put("alwaysMineProfitUsd", round(r.alwaysMineProfitUsd(), 2));
    o.put("optimumProfitUsd", round(r.optimumProfitUsd(), 2));
    putShare(o, "capturedFlexibilityValue", r.capturedFlexibilityValue());
    o.put("switches", r.switches());
    o.put("curtailedHours", round(r.curtailedHours(), 2));
    ObjectNode pools = o.putObject("mwhByPool");
    r.mwhByPool().forEach((k, v) -> pools.put(k, round(v, 2)));
    o.put("slaBreaches", r.slaBreaches());
    o.put("envelopeInterventions", r.envelopeInterventions());
    ObjectNode worst = o.putObject("worstDay");
    worst.put("date", r.worstDay().date().toString());
    worst.put("profitUsd", round(r.worstDay().profitUsd(), 2));
    worst.put("optimumProfitUsd", round(r.worstDay().optimumProfitUsd(), 2));
    if (!seasons.isEmpty()) {
      ArrayNode a = o.putArray("seasons");
      seasons.forEach(s -> a.add(score(s)));
    }
    WalkForward.Result wf = walkForward;
    if (wf != null) {
      ObjectNode w = o.putObject("walkForward");
      w.put("trainingDays", wf.trainingDays());
      w.put("testDays", wf.testDays());
      ArrayNode c = w.putArray("candidates");
      wf.candidates().forEach(c::add);
      ArrayNode folds = w.putArray("folds");
      for (WalkForward.Fold f : wf.folds()) {
        ObjectNode fo = folds.addObject();
        fo.put("split", f.outOfSample().from().toString());
        fo.put("chosen", f.outOfSample().policy());
        fo.set("training", score(f.training()));
        fo.set("outOfSample", score(f.outOfSample()));
        fo.set("hindsight", score(f.hindsight()));
      }
      w.set("outOfSample", score(wf.outOfSample()));
      w.set("hindsight", score(wf.hindsight()));
      w.set("wholeSeriesInSample", score(wf.wholeSeriesInSample()));
    }
    return o;
  }

  private static void putShare(ObjectNode o, String field, double share) {
    if (Double.isNaN(share)) {
      o.putNull(field);
    } else {
      o.put(field, round(share, 6));
    }
  }

  private static ObjectNode score(PeriodScore s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("label", s.label());
    o.put("from", s.from().toString());
    o.put("to", s.to().toString());
    o.put("intervals", s.intervals());
    o.put("policy", s.policy());
    o.put("profitUsd", round(s.profitUsd(), 2));
    o.put("alwaysMineProfitUsd", round(s.alwaysMineProfitUsd(), 2));
    o.put("optimumProfitUsd", round(s.optimumProfitUsd(), 2));
    o.put("gainOverAlwaysMineUsd", round(s.gainOverAlwaysMineUsd(), 2));
    putShare(o, "capturedFlexibilityValue", s.capturedFlexibilityValue());
    o.put("switches", s.switches());
    return o;
  }

  void printText(PrintWriter out) {
    BacktestResult r = result;
    out.printf("policy                     %s%n", r.policy());
    out.printf("settings                   %s%n", settings);
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
    if (!seasons.isEmpty()) {
      out.println();
      out.println("by quarter (each from a cold start)");
      out.printf("%-8s %10s %14s %14s %10s%n", "quarter", "intervals", "vs always-mine", "flex value", "captured");
      for (PeriodScore s : seasons) {
        out.printf("%-8s %10d %14s %14s %10s%n", s.label(), s.intervals(), usd(s.gainOverAlwaysMineUsd()),
            usd(s.flexibilityValueUsd()), pct(s.capturedFlexibilityValue()));
      }
    }
    WalkForward.Result wf = walkForward;
    if (wf != null) {
      out.println();
      out.printf("walk-forward: %d candidates, first %d days training, test periods of %d days%n",
          wf.candidates().size(), wf.trainingDays(), wf.testDays());
      out.printf("%-8s %-21s %-44s %12s %14s %12s%n", "fold", "split (test from)", "chosen from the past", "in sample",
          "out of sample", "hindsight");
      for (WalkForward.Fold f : wf.folds()) {
        out.printf("%-8s %-21s %-44s %12s %14s %12s%n", f.label(), f.outOfSample().from(), f.outOfSample().policy(),
            pct(f.training().capturedFlexibilityValue()), pct(f.outOfSample().capturedFlexibilityValue()),
            pct(f.hindsight().capturedFlexibilityValue()));
      }
      out.printf("out of sample, all test periods: %s (%s USD over always-mine)%n",
          pct(wf.outOfSample().capturedFlexibilityValue()), usd(wf.outOfSample().gainOverAlwaysMineUsd()));
      out.printf("in sample on the same periods (hindsight): %s%n", pct(wf.hindsight().capturedFlexibilityValue()));
      out.printf("in sample, whole series tuned on itself: %s (%s)%n",
          pct(wf.wholeSeriesInSample().capturedFlexibilityValue()), wf.wholeSeriesInSample().policy());
    }
  }

  String markdown() {
    StringBuilder m = new StringBuilder();
    BacktestResult r = result;
    m.append("# ").append(title).append("\n\n");
    m.append("Command: `").append(command).append("`\n\n");
    m.append("Settings: ").append(settings).append(".\n\n");
    m.append("| policy | intervals | profit (USD) | always-mine (USD) | optimum (USD) | captured flexibility value | switches |\n");
    m.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    m.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %d |%n%n", r.policy(), r.intervals(),
        usd(r.profitUsd()), usd(r.alwaysMineProfitUsd()), usd(r.optimumProfitUsd()), pct(r.capturedFlexibilityValue()),
        r.switches()));
    if (!seasons.isEmpty()) {
      m.append("By quarter (UTC), each from a cold start:\n\n");
      m.append("| quarter | intervals | gain over always-mine (USD) | flexibility value (USD) | captured |\n");
      m.append("| --- | ---: | ---: | ---: | ---: |\n");
      for (PeriodScore s : seasons) {
        m.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", s.label(), s.intervals(),
            usd(s.gainOverAlwaysMineUsd()), usd(s.flexibilityValueUsd()), pct(s.capturedFlexibilityValue())));
      }
      m.append('\n');
    }
    WalkForward.Result wf = walkForward;
    if (wf != null) {
      m.append(String.format(Locale.ROOT,
          "Walk-forward over %d parameter settings: the setting with the highest profit on all data before each "
              + "split is scored on the %d days after it (out of sample); \"hindsight\" is the best setting chosen on "
              + "that period itself (in sample).%n%n", wf.candidates().size(), wf.testDays()));
      m.append("| fold | split (test from) | chosen from the past | in sample (training) | out of sample | hindsight (in sample) |\n");
      m.append("| --- | --- | --- | ---: | ---: | ---: |\n");
      for (WalkForward.Fold f : wf.folds()) {
        m.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", f.label(), f.outOfSample().from(),
            f.outOfSample().policy(), pct(f.training().capturedFlexibilityValue()),
            pct(f.outOfSample().capturedFlexibilityValue()), pct(f.hindsight().capturedFlexibilityValue())));
      }
      m.append(String.format(Locale.ROOT, "%n**Out of sample, all test periods: %s** (%s USD over always-mine). "
              + "In sample on the same periods (hindsight): %s. Whole series tuned on itself: %s (%s).%n",
          pct(wf.outOfSample().capturedFlexibilityValue()), usd(wf.outOfSample().gainOverAlwaysMineUsd()),
          pct(wf.hindsight().capturedFlexibilityValue()), pct(wf.wholeSeriesInSample().capturedFlexibilityValue()),
          wf.wholeSeriesInSample().policy()));
    }
    return m.toString();
  }
}
