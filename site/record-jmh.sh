#!/usr/bin/env bash
# Runs one JMH benchmark and keeps its result for the site: reports/jmh/NAME.json (what JMH wrote
# with -rf json) and NAME.conditions.json (machine, JDK, date, load and the exact command).
# The site build renders every pair found there; nothing is typed into a page.
#
#   ./mvnw -B -q package -DskipTests -pl benchmarks -am
#   site/record-jmh.sh NAME "NOTE ABOUT THE MACHINE" BENCHMARK [JMH OPTIONS...]
#   site/record-jmh.sh pow-headers "idle machine" HeaderVerificationBenchmark -wi 2 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; note=$2; shift 2
out=site/src/site/resources/reports/jmh
mkdir -p "$out"
command=(java -jar benchmarks/target/benchmarks.jar "$@" -rf json -rff "$out/$name.json")
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"${command[@]}" > "/tmp/jmh-$name.log" 2>&1 || { tail -30 "/tmp/jmh-$name.log"; exit 1; }
finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
jdk=$(java -version 2>&1 | sed -n 2p)
machine="$(nproc) vCPU $cpu, $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)"
json() { local v=${1//\\/\\\\}; printf '"%s"' "${v//\"/\\\"}"; }
{
  printf '{\n'
  printf '  "command": %s,\n' "$(json "java -jar benchmarks/target/benchmarks.jar $* -rf json -rff $out/$name.json")"
  printf '  "started": %s,\n' "$(json "$started")"
  printf '  "finished": %s,\n' "$(json "$finished")"
  printf '  "machine": %s,\n' "$(json "$machine")"
  printf '  "jdk": %s,\n' "$(json "$jdk")"
  printf '  "loadAverage": %s,\n' "$(json "1/5/15-minute load average $load_before at the start, $load_after at the end")"
  printf '  "note": %s\n' "$(json "$note")"
  printf '}\n'
} > "$out/$name.conditions.json"
echo "$out/$name.json"
