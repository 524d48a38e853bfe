// Prints a Markdown table of a JMH JSON result file (-rf json): benchmark, mode, count, score, error, unit.
// Usage: node benchmarks/scripts/jmh-table.mjs RESULT.json
import { readFileSync } from "node:fs";

const results = JSON.parse(readFileSync(process.argv[2], "utf8"));
const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
console.log("| benchmark | mode | iterations | score | error (99.9 %) | unit |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of results) {
  const m = r.primaryMetric;
  const name = r.benchmark.replace(/^.*\.(\w+Benchmark\.\w+)$/, "$1");
  console.log(`| ${name} | ${r.mode} | ${m.rawData.flat().length} | ${fmt(m.score)} | ${fmt(m.scoreError)} | ${m.scoreUnit} |`);
}
