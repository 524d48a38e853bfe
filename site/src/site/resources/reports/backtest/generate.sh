#!/bin/sh
# Regenerates the backtest reports of the site from the repository root:
#   ./mvnw -B -q package -DskipTests -pl examples -am && sh site/src/site/resources/reports/backtest/generate.sh [DATA_SET...]
# With no argument every data set is run; with names (such as spp-north-hub-2021) only those.
# Each run writes a Markdown page (site/src/site/markdown/backtest-report-*.md) and its JSON (here);
# the site build generates the summary tables of backtest.md from these JSON files
# (`computerwa backtest summary`, see site/pom.xml).
#
# The fresh data sets were first scored on 2026-12-01 with the policy defaults and rules of commit
# 3959e43; no parameter or rule was changed after. Their labels say so, and they must keep saying
# it only as long as no policy default or rule changes: after such a change they are no longer
# fresh for the changed policy (keep the frozen figures beside the new ones).
set -e
R=sdk-mining/src/test/resources/org/computerwa/mining/policy
OUT_MD=site/src/site/markdown
OUT_JSON=site/src/site/resources/reports/backtest
FRESH="fresh: first scored 2026-12-01, defaults of 3959e43"
run() { # name file market label policy
  if [ -z "$SELECTED" ] || echo " $SELECTED " | grep -q " $1 "; then
    java -jar examples/target/computerwa.jar backtest --prices "$R/$2" --market "$3" --label "$4" --policy "$5" \
      --seasons --walk-forward --markdown "$OUT_MD/backtest-report-$1-$5.md" --json > "$OUT_JSON/$1-$5.json"
  fi
}
SELECTED="$*"
for policy in guarded adaptive rolling threshold greedy; do
  run ercot-hb-south-2024 ercot_hb_south_rt15_2024-06-01_2024-12-17.csv ercot "ERCOT HB_SOUTH 2024-06..12 (tuning file, with DAM)" "$policy"
  run ercot-hb-north-2023 ercot_hb_north_rt15_2023.csv real-time-only "ERCOT HB_NORTH 2023" "$policy"
  run ercot-hb-west-2023 ercot_hb_west_rt15_2023.csv real-time-only "ERCOT HB_WEST 2023" "$policy"
  run caiso-sp15-2021 caiso_sp15_rt15_2021.csv real-time-only "CAISO SP-15 2021" "$policy"
  run nyiso-zone-j-2021 nyiso_zone_j_rt60_2021.csv real-time-only "NYISO zone J 2021 (hourly)" "$policy"
  run ercot-hb-houston-2021 ercot_hb_houston_rt15_2021.csv real-time-only "ERCOT HB_HOUSTON 2021 ($FRESH)" "$policy"
  run spp-north-hub-2021 spp_north_hub_rt5_2021.csv.gz real-time-only "SPP North Hub 2021, 5-minute ($FRESH)" "$policy"
  run miso-indiana-hub-2021 miso_indiana_hub_rt60_2021.csv real-time-only "MISO Indiana Hub 2021, hourly ($FRESH)" "$policy"
  run ercot-hb-pan-2020 ercot_hb_pan_rt15_2020.csv real-time-only "ERCOT HB_PAN 2020 ($FRESH)" "$policy"
  run nyiso-zone-a-2020 nyiso_zone_a_rt60_2020.csv real-time-only "NYISO zone A 2020, hourly ($FRESH)" "$policy"
done
